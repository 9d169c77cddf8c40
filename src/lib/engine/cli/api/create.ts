/**
 * POST to a collection: the object kubectl sends (JSON, or protobuf from its typed clients) is
 * created through the simulator's own `kubectl create -f -`, so the served state and the
 * shell's state stay one. The API server's checks come first, with its Status answers: the
 * namespace must exist (404), the name must be free (409 AlreadyExists); `dryRun=All` answers
 * the object without creating it.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go (201 Created with
 * the object), staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create:
 * NewAlreadyExists), plugin/pkg/admission/namespace/lifecycle/admission.go.
 */
import {
  batchFieldErrors,
  getObject,
  invalidMessage,
  podAdmissionError,
  resolveType,
  type ClusterState,
} from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { protobufObject } from './protobuf-object.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;

function bodyObject(req: ApiRequest): Obj | null {
  const pb = protobufObject(req.raw);
  if (pb) return pb;
  try {
    const v: unknown = JSON.parse(req.body);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
  } catch {
    return null;
  }
}

/** Creates the object of a collection POST; answers 201 with it, or the API server's Status. */
export async function createFromRequest(
  session: Session,
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
  const type = resolveType(state, id);
  const object = bodyObject(req);
  if (!type || type.custom || object === null)
    return status(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    );
  const meta = (object['metadata'] ?? {}) as Obj;
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (name === '') return status(400, 'BadRequest', 'name or generateName is required');
  const ns = type.namespaced ? (p.namespace ?? 'default') : null;
  if (ns !== null && !getObject(state, 'namespaces', null, ns))
    return status(404, 'NotFound', `namespaces "${ns}" not found`, {
      name: ns,
      kind: 'namespaces',
    });
  // The admission plugins may refuse a Pod (plugin/pkg/admission: NewForbidden, 403).
  const refused =
    id === 'pods'
      ? podAdmissionError(state.cluster?.objects, {
          ...(object as { apiVersion: string; kind: string }),
          metadata: { ...meta, name, ...(ns !== null ? { namespace: ns } : {}) },
        })
      : null;
  if (refused !== null) return status(403, 'Forbidden', refused, { name, kind: 'pods' });
  // The strategy's validation comes before the name check (objects/batch-validation.ts).
  const invalid =
    type.group === 'batch'
      ? batchFieldErrors(type.kind, object as Parameters<typeof batchFieldErrors>[1])
      : [];
  if (invalid.length > 0)
    return status(422, 'Invalid', invalidMessage(type.kind, name, invalid), {
      name,
      group: p.group,
      kind: type.kind,
      causes: invalid.map((e) => ({
        reason: e.message.startsWith('Unsupported')
          ? 'FieldValueNotSupported'
          : e.message.startsWith('Required')
            ? 'FieldValueRequired'
            : 'FieldValueInvalid',
        message: e.message,
        field: e.field,
      })),
    });
  if (getObject(state, id, ns, name))
    return status(409, 'AlreadyExists', `${id} "${name}" already exists`, {
      name,
      group: p.group,
      kind: p.plural,
    });
  // The URL names the kind: a body without apiVersion/kind (client libraries omit them) gets them.
  const placed = {
    apiVersion: p.group === '' ? p.version : `${p.group}/${p.version}`,
    kind: type.kind,
    ...object,
    metadata: { ...meta, ...(ns !== null ? { namespace: ns } : {}) },
  };
  if (req.query.get('dryRun') !== null)
    return {
      status: 201,
      body: { ...placed, metadata: { ...placed.metadata, creationTimestamp: null } },
    };
  const r = await session.run(
    `kubectl create -f - <<'KUBELIFE_EOF'\n${JSON.stringify(placed)}\nKUBELIFE_EOF`,
  );
  if (r.exitCode !== 0) return status(500, 'InternalError', r.output.trim());
  return { status: 201, body: getObject(session.save().state, id, ns, name) };
}
