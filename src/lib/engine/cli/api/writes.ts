/** A DELETE's DeleteOptions.gracePeriodSeconds (JSON or protobuf body), or undefined. */
function deleteGracePeriod(req: ApiRequest): number | undefined {
  const fromProtobuf = protobufGracePeriod(req.raw, []);
  if (fromProtobuf !== undefined) return fromProtobuf;
  const grace = parseBody(req.body)?.['gracePeriodSeconds'];
  const query = req.query.get('gracePeriodSeconds');
  if (typeof grace === 'number') return grace;
  return query !== null && /^\d+$/.test(query) ? Number(query) : undefined;
}

/** True when a DELETE's body (metav1.DeleteOptions, JSON) asks for a dry run. */
function deleteDryRun(body: string): boolean {
  try {
    const v = JSON.parse(body) as { dryRun?: unknown };
    return Array.isArray(v.dryRun) && v.dryRun.length > 0;
  } catch {
    return false;
  }
}

/**
 * The writes the served API accepts, applied through the simulator's own kubectl on the
 * session, so an HTTP client and the shell change one state: a node patch that sets or clears
 * spec.unschedulable (what `kubectl cordon|uncordon` and drain's cordon send) runs the
 * simulator's cordon/uncordon; an eviction (drain posts one per pod) evicts that one Pod
 * (eviction.ts). Other writes answer 405 MethodNotAllowed until their write path exists.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/drain/cordon.go (the strategic merge patch),
 * pkg/registry/core/pod/storage/eviction.go (201 Success Status), staging/src/k8s.io/apiserver/
 * pkg/endpoints/handlers/rest.go (405 for a verb a resource does not support).
 */
import { applyPatch, getObject, mergePatch, type ClusterState } from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { protobufDryRun, protobufGracePeriod, protobufMeta } from './protobuf-meta.ts';
import { createFromRequest } from './create.ts';
import { evictFromRequest } from './eviction.ts';
import { scaleFromRequest } from './scale.ts';
import { tokenFromRequest } from './token.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

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

function notAllowed(): ApiResponse {
  return status(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

const CODES: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  InternalError: 500,
  ServiceUnavailable: 503,
};

/**
 * Runs a simulator kubectl line; its `Error from server (Reason): message` becomes the Status
 * the API server would have answered.
 */
async function run(session: Session, line: string): Promise<ApiResponse | null> {
  const r = await session.run(line);
  if (r.exitCode === 0) return null;
  const m = /Error from server \((\w+)\): (.*)/.exec(r.output);
  if (m) return status(CODES[m[1] ?? ''] ?? 500, m[1] ?? 'InternalError', m[2] ?? '');
  return status(500, 'InternalError', r.output.trim().replace(/^error: /, ''));
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
    // dryRun=All (kubectl cordon|drain --dry-run=server): the node as patched, nothing written.
    if (value !== undefined && req.query.get('dryRun') !== null) {
      const spec = { ...((node['spec'] ?? {}) as Obj) };
      if (value) spec['unschedulable'] = true;
      else delete spec['unschedulable'];
      return { status: 200, body: { ...node, spec } };
    }
    if (value !== undefined) return cordon(session, p.name, value);
  }
  return applyOtherWrite(session, state, req, p);
}

async function cordon(session: Session, name: string, value: boolean): Promise<ApiResponse> {
  {
    const failed = await run(session, `kubectl ${value ? 'cordon' : 'uncordon'} ${name}`);
    if (failed) return failed;
    return { status: 200, body: getObject(session.save().state, 'nodes', null, name) };
  }
}

async function applyOtherWrite(
  session: Session,
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  if (req.method === 'POST' && p.plural === 'pods' && p.sub === 'eviction' && p.name !== null)
    return evictFromRequest(session, req, p);
  if (req.method === 'POST' && p.group === '' && p.plural === 'namespaces' && p.name === null) {
    const name =
      protobufMeta(req.raw)?.name ??
      (parseBody(req.body)?.['metadata'] as Obj | undefined)?.['name'];
    if (typeof name !== 'string')
      return status(400, 'BadRequest', 'name or generateName is required');
    if (getObject(state, 'namespaces', null, name))
      return status(409, 'AlreadyExists', `namespaces "${name}" already exists`, {
        name,
        kind: 'namespaces',
      });
    const failed = await run(session, `kubectl create namespace ${name}`);
    if (failed) return failed;
    return { status: 201, body: getObject(session.save().state, 'namespaces', null, name) };
  }
  if (req.method === 'POST' && p.name === null && p.sub === null)
    return createFromRequest(session, state, req, p);
  if (req.method === 'POST' && p.plural === 'serviceaccounts' && p.sub === 'token')
    return tokenFromRequest(session, state, req, p);
  if (req.method === 'PATCH' && p.name !== null && p.sub === 'scale')
    return scaleFromRequest(session, state, req, p);
  if (req.method === 'DELETE' && p.name !== null && p.sub === null) {
    const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
    const before = getObject(state, id, p.namespace, p.name);
    if (!before)
      return status(404, 'NotFound', `${id} "${p.name}" not found`, {
        name: p.name,
        kind: p.plural,
      });
    // dryRun=All (kubectl delete --dry-run=server): the object that would go, nothing removed.
    if (req.query.get('dryRun') !== null || deleteDryRun(req.body) || protobufDryRun(req.raw, []))
      return { status: 200, body: before };
    const ns = p.namespace !== null ? ` -n ${p.namespace}` : '';
    // DeleteOptions.gracePeriodSeconds: 0 deletes at once (kubectl's --force sends it).
    const grace = deleteGracePeriod(req);
    const graceFlag =
      grace === undefined
        ? ''
        : grace === 0
          ? ' --force --grace-period=0'
          : ` --grace-period=${grace}`;
    const failed = await run(
      session,
      `kubectl delete ${id} ${p.name}${ns} --wait=false${graceFlag}`,
    );
    if (failed) return failed;
    const found = getObject(session.save().state, id, p.namespace, p.name);
    // Still there under its uid (a Pod terminating gracefully, an object finalizers hold): the
    // answer is the object as it is now, with its deletionTimestamp; kubectl waits on its uid.
    const after = found?.metadata.uid === before.metadata.uid ? found : undefined;
    return {
      status: 200,
      body: after ?? {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        code: 200,
      },
    };
  }
  if (req.method === 'PATCH' && p.name !== null && p.sub === null) {
    const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
    const before = getObject(state, id, p.namespace, p.name);
    if (!before)
      return status(404, 'NotFound', `${id} "${p.name}" not found`, {
        name: p.name,
        kind: p.plural,
      });
    // application/strategic-merge-patch+json also contains "merge-patch": test it first.
    const type = /strategic-merge-patch/.test(req.contentType)
      ? 'strategic'
      : /json-patch/.test(req.contentType)
        ? 'json'
        : /merge-patch/.test(req.contentType)
          ? 'merge'
          : 'strategic';
    // dryRun=All (kubectl --dry-run=server): the patched object, nothing persisted.
    if (req.query.get('dryRun') !== null) {
      const patched = applyPatch(before, type, parseJson(req.body));
      return patched.ok
        ? { status: 200, body: patched.value }
        : status(422, 'Invalid', patched.message);
    }
    const ns = p.namespace !== null ? ` -n ${p.namespace}` : '';
    const body = `'${req.body.replace(/'/g, `'\\''`)}'`;
    const failed = await run(
      session,
      `kubectl patch ${id} ${p.name}${ns} --type=${type} -p ${body}`,
    );
    if (failed) return failed;
    // An object the patch let go (its last finalizer removed) is answered as patched.
    const after = getObject(session.save().state, id, p.namespace, p.name);
    return { status: 200, body: after ?? mergePatch(before, parseBody(req.body) ?? {}) };
  }
  if (req.method === 'PUT' && p.name !== null && p.sub === null) {
    const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
    if (!getObject(state, id, p.namespace, p.name))
      return status(404, 'NotFound', `${id} "${p.name}" not found`, {
        name: p.name,
        kind: p.plural,
      });
    // An update replaces the object whole: the simulator's `kubectl replace` does that.
    const dry = req.query.get('dryRun') !== null ? ' --dry-run=server' : '';
    const failed = await run(
      session,
      `kubectl replace${dry} -f - <<'__KUBELIFE_PUT__'\n${req.body}\n__KUBELIFE_PUT__`,
    );
    if (failed) return failed;
    return { status: 200, body: getObject(session.save().state, id, p.namespace, p.name) };
  }
  return notAllowed();
}
