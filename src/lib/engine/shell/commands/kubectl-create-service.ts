/**
 * The Service `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`
 * builds: label and selector `app: NAME`, one TCP port per `--tcp=<port>[:<targetPort>]` named
 * after the pair (`5678-8080`), `--node-port` on every port, `--clusterip` (None: headless,
 * ClusterIP type only), `--external-name` (a DNS subdomain) for ExternalName; keys in the Go
 * field order of the typed object (`-o json` prints it so).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go (Validate, createService,
 * parsePorts), k8s.io/utils/net ParsePort (strconv.ParseUint), apimachinery validation
 * IsValidPortNum, IsValidPortName, IsDNS1123Subdomain.
 */
import type { Json } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { generatedMeta, type Built } from './kubectl-create-data.ts';
import { intFlagValue } from '../go-parse-int.ts';

type Obj = Record<string, Json>;

const TCP: FlagSpec = {
  name: 'tcp',
  type: 'strings',
  usage: "Port pairs can be specified as '<port>:<targetPort>'.",
};

/** Flags of each `create service` subcommand. */
export const SERVICE_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  clusterip: [
    TCP,
    {
      name: 'clusterip',
      type: 'string',
      usage:
        "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    },
  ],
  nodeport: [
    TCP,
    {
      name: 'node-port',
      type: 'string',
      usage: 'Port used to expose the service on each node in a cluster.',
    },
  ],
  loadbalancer: [TCP],
  externalname: [TCP, { name: 'external-name', type: 'string', usage: 'External name of service' }],
};

const TYPES: Readonly<Record<string, string>> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** The service subcommands' help (`kubectl create service` without one). */
export const SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

/** validation.IsValidPortName's messages for a non-numeric target port. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** parsePorts: `<port>[:<targetPort>]`, or the error kubectl prints. */
function parsePort(text: string): { port: number; target: number | string } | { error: string } {
  const [portText = '', targetText] = text.split(':');
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (Number.isNaN(port))
    return { error: `strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax` };
  if (port > 65535)
    return { error: `strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range` };
  if (targetText === undefined) return { port, target: port };
  if (/^-?\d+$/.test(targetText)) {
    const n = Number(targetText);
    return n < 1 || n > 65535
      ? { error: 'must be between 1 and 65535, inclusive' }
      : { port, target: n };
  }
  const errs = portNameErrors(targetText);
  return errs.length > 0 ? { error: errs.join(',') } : { port, target: targetText };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The Service `create service SUB NAME` builds. */
export function buildService(sub: string, p: ParsedFlags, name: string): Built {
  const type = TYPES[sub] ?? 'ClusterIP';
  const clusterIP = str(p, 'clusterip') ?? '';
  const tcp = list(p, 'tcp');
  const externalName = str(p, 'external-name') ?? '';
  if (sub === 'externalname' && str(p, 'external-name') === undefined)
    return { error: 'error: required flag(s) "external-name" not set' };
  if (clusterIP === 'None' && type !== 'ClusterIP')
    return { error: 'ClusterIP=None can only be used with ClusterIP service type' };
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    return { error: 'at least one tcp port specifier must be provided' };
  if (
    type === 'ExternalName' &&
    (!DNS1123_SUBDOMAIN.test(externalName) || externalName.length > 253)
  )
    return { error: `invalid service external name ${externalName}` };
  // --node-port is an IntVar.
  const nodePortFlag = intFlagValue(
    str(p, 'node-port') ?? '0',
    '--node-port',
    `kubectl create service ${sub}`,
  );
  if ('error' in nodePortFlag) return { error: nodePortFlag.error };
  const nodePort = nodePortFlag.value;
  const ports: Obj[] = [];
  for (const t of tcp) {
    const parsed = parsePort(t);
    if ('error' in parsed) return { error: parsed.error };
    ports.push({
      name: t.replace(/:/g, '-'),
      protocol: 'TCP',
      port: parsed.port,
      targetPort: parsed.target,
      ...(nodePort !== 0 ? { nodePort } : {}),
    });
  }
  return {
    object: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { ...generatedMeta(name, p), labels: { app: name } },
      spec: {
        // ServiceSpec.Ports is omitempty: a Service without --tcp has no ports key.
        ...(ports.length > 0 ? { ports } : {}),
        selector: { app: name },
        ...(clusterIP !== '' ? { clusterIP } : {}),
        type,
        ...(externalName !== '' ? { externalName } : {}),
      },
      status: { loadBalancer: {} },
    },
  };
}
