/**
 * The simulated kube-apiserver's REST answers: discovery, health, list/get (JSON or Table) over
 * the object store, and the writes clients send (cordon/uncordon patches, the eviction
 * subresource drain posts one Pod at a time: eviction.ts), applied through the simulator's own
 * shell so the served state and the shell's state stay one. Errors are metav1.Status objects with the API server's
 * messages, which kubectl prints as `Error from server (Reason): message`.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers (get.go, patch.go, create.go),
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound), pkg/registry/core/pod/
 * storage/eviction.go.
 */
import {
  getObject,
  apiserverMinor,
  resolveType,
  resourceByKind,
  serves,
  type ApiObject,
  type ApiResourceType,
  type ClusterState,
} from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { selectObjects } from '../../shell/commands/kubectl-get-select.ts';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiMinor,
  apiVersions,
  serverVersionInfo,
} from './discovery.ts';
import { tableOf } from './table.ts';
import { podLog } from './pod-log.ts';
import { decodeErrorMessage } from '../../shell/commands/kubectl-apiversions.ts';
import { materializeBody } from './materialize-body.ts';
import { applyWrite } from './writes.ts';
import { answerReview } from './reviews.ts';
import { openApiV2, openApiV3Document, openApiV3Root } from './openapi.ts';
import { status, type ApiRequest, type ApiResponse, type ResourcePath } from './status.ts';

export type { ApiRequest, ApiResponse } from './status.ts';

type Obj = Record<string, unknown>;

const notServed = (): ApiResponse =>
  status(404, 'NotFound', 'the server could not find the requested resource', {});

/** The resource path of a request path, or null for a path that names no resource. */
export function resourcePath(parts: readonly string[]): ResourcePath | null {
  const [root, a = '', b = ''] = parts;
  const core = root === 'api';
  const group = core ? '' : a;
  const version = core ? a : b;
  const rest = parts.slice(core ? 2 : 3);
  if (rest.length === 0) return null;
  if (rest[0] === 'namespaces' && rest.length >= 3)
    return {
      group,
      version,
      namespace: rest[1] ?? '',
      plural: rest[2] ?? '',
      name: rest[3] ?? null,
      sub: rest[4] ?? null,
    };
  return {
    group,
    version,
    namespace: null,
    plural: rest[0] ?? '',
    name: rest[1] ?? null,
    sub: rest[2] ?? null,
  };
}

function resourceVersion(state: ClusterState): string {
  return String(state.cluster?.objects?.rv ?? 1);
}

function listKind(kind: string): string {
  return `${kind}List`;
}

/**
 * The objects a collection request selects (namespace, label and field selectors), or the
 * error answer. A named request selects that one object (field selector metadata.name).
 */
export function selection(
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): { type: ApiResourceType; objects: readonly ApiObject[] } | ApiResponse {
  const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
  const type = resolveType(state, id);
  if (!type || type.plural !== p.plural || type.group !== p.group) return notServed();
  const labelSelector = req.query.get('labelSelector') ?? undefined;
  const fieldSelector =
    p.name !== null ? `metadata.name=${p.name}` : (req.query.get('fieldSelector') ?? undefined);
  const s = selectObjects(state, type, [], {
    namespace: p.namespace,
    ...(labelSelector ? { labelSelector } : {}),
    ...(fieldSelector ? { fieldSelector } : {}),
  });
  if ('error' in s)
    return status(400, 'BadRequest', s.serverMessage ?? s.error.replace(/^error: /, ''));
  return { type, objects: s.objects };
}

/**
 * The internal error of the first object stored in an API version the running apiserver cannot
 * decode (after a downgrade), or null: the same answer the simulator's kubectl prints
 * (kubectl-apiversions.ts), so a real client sees the failure too.
 */
function undecodable(state: ClusterState, objects: readonly ApiObject[]): ApiResponse | null {
  for (const o of objects) {
    const [group = '', version = ''] = o.apiVersion.includes('/')
      ? o.apiVersion.split('/')
      : ['', o.apiVersion];
    const r = resourceByKind(o.kind, group);
    if (r && !serves(r, version, apiserverMinor(state)))
      return status(500, 'InternalError', decodeErrorMessage({ kind: o.kind, group, version }));
  }
  return null;
}

function read(state: ClusterState, req: ApiRequest, p: ResourcePath): ApiResponse {
  const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
  const type = resolveType(state, id);
  if (!type || type.plural !== p.plural || type.group !== p.group) return notServed();
  const table = /as=Table/.test(req.accept);
  const include = req.query.get('includeObject') ?? 'PartialObjectMetadata';
  const rv = resourceVersion(state);
  if (p.name !== null) {
    const o = getObject(state, id, p.namespace, p.name);
    if (!o)
      return status(404, 'NotFound', `${type.id} "${p.name}" not found`, {
        name: p.name,
        ...(type.group !== '' ? { group: type.group } : {}),
        kind: type.plural,
      });
    const broken = undecodable(state, [o]);
    if (broken) return broken;
    return { status: 200, body: table ? tableOf(state, type, [o], include, rv) : o };
  }
  const s = selection(state, req, p);
  if (!('objects' in s)) return s;
  const objects: readonly ApiObject[] = s.objects;
  const broken = undecodable(state, objects);
  if (broken) return broken;
  if (table) return { status: 200, body: tableOf(state, type, objects, include, rv) };
  return {
    status: 200,
    body: {
      kind: listKind(type.kind),
      apiVersion: type.group === '' ? type.version : `${type.group}/${type.version}`,
      metadata: { resourceVersion: rv },
      items: objects,
    },
  };
}

/** Answers one request against the session's current state. */
export async function handleApi(session: Session, req: ApiRequest): Promise<ApiResponse> {
  const r = await answer(session, req);
  if (r.text === true || r.body instanceof Uint8Array || !JSON.stringify(r.body).includes('@pki:'))
    return r;
  return { ...r, body: await materializeBody(session.save().state, session.machine, r.body) };
}

async function answer(session: Session, req: ApiRequest): Promise<ApiResponse> {
  const state = session.save().state;
  const parts = req.path.split('/').filter((x) => x !== '');
  const path = `/${parts.join('/')}`;
  if (['/healthz', '/livez', '/readyz'].includes(path))
    return { status: 200, body: 'ok', text: true };
  if (req.method === 'GET') {
    if (path === '/version') return { status: 200, body: serverVersionInfo(state) };
    if (path === '/openapi/v2') return openApiV2();
    if (path === '/openapi/v3') return openApiV3Root(state);
    if (parts[0] === 'openapi' && parts[1] === 'v3')
      return (await openApiV3Document(state, parts.slice(2).join('/'))) ?? notServed();
    if (path === '/api') return { status: 200, body: apiVersions(state) };
    if (path === '/apis') return { status: 200, body: apiGroupList(state) };
    if (parts[0] === 'api' && parts.length === 2)
      return wrap(apiResourceList(state, '', parts[1] ?? ''));
    if (parts[0] === 'apis' && parts.length === 2) return wrap(apiGroup(state, parts[1] ?? ''));
    if (parts[0] === 'apis' && parts.length === 3)
      return wrap(apiResourceList(state, parts[1] ?? '', parts[2] ?? ''));
  }
  if (parts[0] !== 'api' && parts[0] !== 'apis') return notServed();
  const p = resourcePath(parts);
  if (!p) return notServed();
  if (req.method === 'GET' && p.sub === 'log' && p.plural === 'pods') return podLog(state, req, p);
  if (req.method === 'GET' && p.sub === null) {
    const r = read(state, req, p);
    // kube-apiserver attaches the deprecation warning to every v1 Endpoints read from v1.33 on.
    return p.group === '' && p.plural === 'endpoints' && apiMinor(state) >= 33
      ? {
          ...r,
          warnings: ['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'],
        }
      : r;
  }
  const review = req.user ? answerReview(state, req, p, req.user) : null;
  if (review) return review;
  return applyWrite(session, state, req, p);
}

function wrap(body: Obj | null): ApiResponse {
  return body ? { status: 200, body } : notServed();
}
