/**
 * The writes the served API accepts, applied through the simulator's own kubectl on the
 * session, so an HTTP client and the shell change one state: a node patch that sets or clears
 * spec.unschedulable (what `kubectl cordon|uncordon` and drain's cordon send) runs the
 * simulator's cordon/uncordon; an eviction (drain posts one per pod) drains the pod's node the
 * way the simulator's drain does (its evictions are the same for every pod of a node). Other
 * writes answer 405 MethodNotAllowed until their write path exists.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/drain/cordon.go (the strategic merge patch),
 * pkg/registry/core/pod/storage/eviction.go (201 Success Status), staging/src/k8s.io/apiserver/
 * pkg/endpoints/handlers/rest.go (405 for a verb a resource does not support).
 */
import { getObject, listObjects, type ClusterState } from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { status, type ApiRequest, type ApiResponse, type ResourcePath } from './status.ts';

type Obj = Record<string, unknown>;

function parseBody(body: string): Obj | null {
  try {
    const v: unknown = JSON.parse(body);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
  } catch {
    return null;
  }
}

/** The unschedulable value a node patch sets (merge/strategic or JSON patch), if any. */
function unschedulableOf(body: string): boolean | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (Array.isArray(v)) {
    const op = (v as Obj[]).find((x) => x['path'] === '/spec/unschedulable');
    if (!op) return undefined;
    return op['op'] === 'remove' ? false : op['value'] === true;
  }
  const spec = parseBody(body)?.['spec'];
  if (spec === null || typeof spec !== 'object' || !('unschedulable' in spec)) return undefined;
  return (spec as Obj)['unschedulable'] === true;
}

/** Per session: pods the simulator's drain removed before their own eviction request arrived. */
const DRAINED = new WeakMap<Session, Set<string>>();

function podsOn(state: ClusterState, node: string): string[] {
  return listObjects(state, 'pods')
    .filter((o) => (o['spec'] as Obj | undefined)?.['nodeName'] === node)
    .map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
}

function notAllowed(): ApiResponse {
  return status(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

async function run(session: Session, line: string): Promise<ApiResponse | null> {
  const r = await session.run(line);
  return r.exitCode === 0 ? null : status(500, 'InternalError', r.output.trim());
}

/** Applies a write request; answers with the object as it is afterwards, or a Status. */
export async function applyWrite(
  session: Session,
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  if (
    req.method === 'PATCH' &&
    p.group === '' &&
    p.plural === 'nodes' &&
    p.name !== null &&
    p.sub === null
  ) {
    const node = getObject(state, 'nodes', null, p.name);
    if (!node)
      return status(404, 'NotFound', `nodes "${p.name}" not found`, {
        name: p.name,
        kind: 'nodes',
      });
    const value = unschedulableOf(req.body);
    if (value === undefined) return notAllowed();
    const failed = await run(session, `kubectl ${value ? 'cordon' : 'uncordon'} ${p.name}`);
    if (failed) return failed;
    return { status: 200, body: getObject(session.save().state, 'nodes', null, p.name) };
  }
  if (req.method === 'POST' && p.plural === 'pods' && p.sub === 'eviction' && p.name !== null) {
    const key = `${p.namespace ?? ''}/${p.name}`;
    const evicted = {
      status: 201,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
    };
    const drained = DRAINED.get(session) ?? new Set<string>();
    DRAINED.set(session, drained);
    // The simulator's drain evicts every pod of the node at once: the pods it took with the
    // first eviction answer their own eviction as done, as each would on a real cluster.
    if (drained.delete(key)) return evicted;
    const pod = getObject(state, 'pods', p.namespace, p.name);
    if (!pod)
      return status(404, 'NotFound', `pods "${p.name}" not found`, { name: p.name, kind: 'pods' });
    const node = (pod['spec'] as Obj | undefined)?.['nodeName'];
    if (typeof node === 'string') {
      const before = podsOn(state, node);
      const failed = await run(
        session,
        `kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data --force`,
      );
      if (failed) return failed;
      const after = new Set(podsOn(session.save().state, node));
      for (const k of before) if (!after.has(k) && k !== key) drained.add(k);
    }
    return evicted;
  }
  return notAllowed();
}
