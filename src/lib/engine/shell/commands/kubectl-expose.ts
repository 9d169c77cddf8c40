/**
 * `kubectl expose TYPE NAME [--port] [--target-port] [--protocol] [--name] [--type]`: the
 * Service kubectl builds for a Deployment, ReplicaSet, Pod or Service (selector and labels from
 * the exposed object, ports from --port or the containers' ports), created through the same path
 * as `kubectl create` (the Service strategy assigns its ClusterIP). Prints `service/NAME exposed`.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose: "couldn't
 * find port via --port flag or introspection", "couldn't retrieve selectors via --selector flag
 * or introspection"; the `exposed` operation), staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
 * mapbasedselectorforobject.go, portsforobject.go.
 */
import type { Json } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { createAndPrint } from './kubectl-create.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import type { Connect } from './kubectl-node.ts';
import { WRITE_FLAGS } from './kubectl-write-common.ts';

type Obj = Record<string, Json>;

const s = (name: string, usage: string): FlagSpec => ({ name, type: 'string', usage });

const FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  s('port', 'The port that the service should serve on.'),
  s(
    'target-port',
    'Name or number for the port on the container that the service should direct traffic to.',
  ),
  s('protocol', "The network protocol for the service to be created. Default is 'TCP'."),
  s('name', 'The name for the newly created object.'),
  s(
    'type',
    "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
  ),
  s('selector', 'A label selector to use for this service.'),
  s('labels', 'Labels to apply to the service created by this call.'),
  s(
    'external-ip',
    'Additional external IP address (not managed by Kubernetes) to accept for the service.',
  ),
];

const EXPOSABLE = new Set([
  'deployments.apps',
  'replicasets.apps',
  'pods',
  'services',
  'replicationcontrollers',
]);

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const args = typeArgs(p.positionals);
  if (!args.ok || p.positionals.length === 0) {
    inv.io.err(
      args.ok
        ? "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
        : args.message,
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const req = args.requests[0];
  const resolved = resolveArg(inv.ctx.state, req?.arg ?? '');
  if (!resolved.ok) {
    inv.io.err(resolved.message);
    return 1;
  }
  const type = resolved.types[0];
  if (!type || !req) return 1;
  const sel = selectObjects(inv.ctx.state, type, req.names, {
    namespace: str(p, 'namespace') ?? 'default',
  });
  if ('error' in sel) {
    inv.io.err(sel.error);
    return 1;
  }
  if (sel.missing[0] !== undefined) {
    inv.io.err(`Error from server (NotFound): ${type.id} "${sel.missing[0]}" not found`);
    return 1;
  }
  const object = sel.objects[0];
  if (!object) return 1;
  if (!EXPOSABLE.has(type.id)) {
    inv.io.err(`error: cannot expose a ${object.kind}`);
    return 1;
  }
  const spec = (object['spec'] ?? {}) as Obj;
  // --selector replaces what the object's own selector would give (expose.go: the generator's
  // "selector" parameter is taken from the object only when the flag is empty).
  const given = str(p, 'selector');
  const selector: Obj =
    given !== undefined && given !== ''
      ? Object.fromEntries(
          given.split(',').map((kv) => [kv.split('=')[0] ?? '', kv.split('=').slice(1).join('=')]),
        )
      : type.id === 'pods'
        ? { ...object.metadata.labels }
        : type.id === 'services' || type.id === 'replicationcontrollers'
          ? ((spec['selector'] ?? {}) as Obj)
          : (((spec['selector'] as Obj | undefined)?.['matchLabels'] ?? {}) as Obj);
  if (Object.keys(selector).length === 0) {
    inv.io.err("error: couldn't retrieve selectors via --selector flag or introspection");
    return 1;
  }
  const podSpec =
    type.id === 'pods' ? spec : (((spec['template'] as Obj | undefined)?.['spec'] ?? {}) as Obj);
  const introspected = ((podSpec['containers'] ?? []) as readonly Obj[]).flatMap((c) =>
    ((c['ports'] ?? []) as readonly Obj[]).map((x) => x['containerPort']),
  );
  const portText = str(p, 'port');
  const ports = portText !== undefined ? [Number(portText)] : introspected.map(Number);
  if (ports.length === 0) {
    inv.io.err("error: couldn't find port via --port flag or introspection");
    return 1;
  }
  const target = str(p, 'target-port');
  const protocol = str(p, 'protocol') ?? 'TCP';
  const svcType = str(p, 'type');
  const service: Obj = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name: str(p, 'name') ?? object.metadata.name,
      ...(str(p, 'namespace') !== undefined ? { namespace: str(p, 'namespace') ?? '' } : {}),
      creationTimestamp: null,
      ...(object.metadata.labels !== undefined ? { labels: { ...object.metadata.labels } } : {}),
    },
    spec: {
      ports: ports.map((port, i) => ({
        ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
        protocol,
        port,
        targetPort: target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target,
      })),
      selector,
      ...(svcType !== undefined ? { type: svcType } : {}),
    },
    status: { loadBalancer: {} },
  };
  return createAndPrint(inv, p, 'services', service, null, connect, 'exposed');
}

/** The `kubectl expose` verb. */
export function exposeVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short:
      'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
