/**
 * `kubeadm kubeconfig user`: prints a kubeconfig for an additional user with a client
 * certificate signed by the cluster CA (kubernetes.io kubeadm-certs page, "Generating kubeconfig
 * files for additional users"). Upstream: cmd/kubeadm/app/cmd/kubeconfig.go (flags, defaults),
 * phases/kubeconfig/kubeconfig.go WriteKubeConfigWithClientCert / WriteKubeConfigWithToken
 * (`fmt.Fprintln(out, string(configBytes))`: the YAML is followed by an empty line),
 * util/endpoint.go GetControlPlaneEndpoint.
 */
import { EngineError, findMachine, parseDuration } from '../../src/index.ts';
import { CERTIFICATE_VALIDITY_MS, PKI_DIR } from '../../src/pki/specs.ts';
import { b64CertRef, b64KeyRef } from '../../src/kubeadm/certs/refs.ts';
import { USER_CERT_PREFIX } from '../../src/kubeadm/kubeconfig-user.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { printKubeadmError } from '../format.ts';
import type { Invocation } from '../types.ts';
import { CONFIG_FLAG, loadConfigFile } from './kubeadm-config.ts';

const USER_FLAGS: FlagSpec[] = [
  { ...CONFIG_FLAG },
  {
    name: 'client-name',
    type: 'string',
    usage: 'The name of user. It will be used as the CN if client certificates are created',
  },
  {
    name: 'org',
    type: 'strings',
    usage:
      'The organizations of the client certificate. It will be used as the O if client certificates are created',
  },
  {
    name: 'token',
    type: 'string',
    usage:
      'The token that should be used as the authentication mechanism for this kubeconfig, instead of client certificates',
  },
  {
    name: 'validity-period',
    type: 'string',
    usage:
      'The validity period of the client certificate. It is an offset from the current time. (default 8760h0m0s)',
  },
];

function fail(inv: Invocation, message: string): number {
  return printKubeadmError(new EngineError('Kubeadm', { message }), inv.io);
}

/** What the command reads from its configuration (or the defaults without `--config`). */
interface Target {
  readonly clusterName: string;
  readonly certificatesDir: string;
  readonly server: string;
}

function field(body: Record<string, unknown> | undefined, name: string): unknown {
  return body?.[name];
}

/** GetControlPlaneEndpoint: controlPlaneEndpoint (port defaulting to bindPort), else the local one. */
function endpoint(cpe: string, advertise: string, bindPort: number): string {
  if (cpe === '') return `https://${advertise}:${bindPort}`;
  const hasPort = /:\d+$/.test(cpe) && !/^[^[]*:.*:/.test(cpe);
  return `https://${hasPort ? cpe : `${cpe}:${bindPort}`}`;
}

function target(inv: Invocation, configPath: string | undefined): Target | number {
  const ip = findMachine(inv.ctx.state, inv.machine)?.ip ?? '';
  if (configPath === undefined)
    return { clusterName: 'kubernetes', certificatesDir: PKI_DIR, server: endpoint('', ip, 6443) };
  const loaded = loadConfigFile(inv, configPath);
  if (typeof loaded === 'number') return loaded;
  const cluster = loaded.docs.find((d) => d.kind === 'ClusterConfiguration')?.body;
  const init = loaded.docs.find((d) => d.kind === 'InitConfiguration')?.body;
  const local = field(init, 'localAPIEndpoint') as Record<string, unknown> | undefined;
  const str = (v: unknown, d: string): string => (typeof v === 'string' && v !== '' ? v : d);
  const port = field(local, 'bindPort');
  return {
    clusterName: str(field(cluster, 'clusterName'), 'kubernetes'),
    certificatesDir: str(field(cluster, 'certificatesDir'), PKI_DIR),
    server: endpoint(
      str(field(cluster, 'controlPlaneEndpoint'), ''),
      str(field(local, 'advertiseAddress'), ip),
      typeof port === 'number' && port > 0 ? port : 6443,
    ),
  };
}

function kubeconfigText(t: Target, user: string, caRef: string, auth: readonly string[]): string {
  const context = `${user}@${t.clusterName}`;
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${caRef}`,
    `    server: ${t.server}`,
    `  name: ${t.clusterName}`,
    'contexts:',
    '- context:',
    `    cluster: ${t.clusterName}`,
    `    user: ${user}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    ...auth,
    '',
  ].join('\n');
}

async function user(inv: Invocation, p: ParsedFlags): Promise<number> {
  const clientName = str(p, 'client-name');
  if (clientName === undefined) return fail(inv, 'required flag(s) "client-name" not set');
  const raw = str(p, 'validity-period');
  let validityMs = CERTIFICATE_VALIDITY_MS;
  if (raw !== undefined) {
    try {
      validityMs = parseDuration(raw);
    } catch {
      return fail(
        inv,
        `invalid argument "${raw}" for "--validity-period" flag: time: invalid duration "${raw}"`,
      );
    }
  }
  const t = target(inv, str(p, 'config'));
  if (typeof t === 'number') return t;
  const caPath = `${t.certificatesDir.replace(/\/+$/, '')}/ca.crt`;
  const token = str(p, 'token');
  const before = new Set(Object.keys(findMachine(inv.ctx.state, inv.machine)?.certs ?? {}));
  const applied = inv.apply({
    type: 'kubeadm.kubeconfig.user',
    machine: inv.machine,
    options: {
      clientName,
      organizations: list(p, 'org'),
      validityMs,
      certificatesDir: t.certificatesDir,
      server: t.server,
    },
  });
  if (!applied.ok) return printKubeadmError(applied.error, inv.io);
  const certs = findMachine(inv.ctx.state, inv.machine)?.certs ?? {};
  const path = Object.keys(certs).find((k) => k.startsWith(USER_CERT_PREFIX) && !before.has(k));
  const meta = path === undefined ? undefined : certs[path];
  const auth =
    token !== undefined
      ? [`    token: ${token}`]
      : [
          `    client-certificate-data: ${b64CertRef(path ?? '')}`,
          `    client-key-data: ${b64KeyRef(meta?.keyId ?? '')}`,
        ];
  const text = kubeconfigText(t, clientName, b64CertRef(caPath), auth);
  inv.io.out(await inv.ctx.materialize(inv.ctx.state, inv.machine, text));
  return 0;
}

/** `kubeadm kubeconfig [user]` (same shape as the other kubeadm subcommands). */
export const kubeconfigSub = {
  name: 'kubeconfig',
  short: 'Kubeconfig file utilities',
  usage: 'kubeadm kubeconfig [flags]\n  kubeadm kubeconfig [command]',
  flags: USER_FLAGS,
  run(inv: Invocation, p: ParsedFlags): number | Promise<number> {
    const [sub, ...extra] = p.positionals;
    if (sub === 'user' && extra.length === 0) return user(inv, p);
    if (sub === 'user')
      return fail(inv, `unknown command "${extra[0] ?? ''}" for "kubeadm kubeconfig user"`);
    inv.io.out(`Kubeconfig file utilities.

Usage:
  kubeadm kubeconfig [flags]
  kubeadm kubeconfig [command]

Available Commands:
  user        Output a kubeconfig file for an additional user

Flags:
  -h, --help   help for kubeconfig

Use "kubeadm kubeconfig [command] --help" for more information about a command.`);
    return 0;
  },
};
