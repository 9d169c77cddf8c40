/**
 * The simulated kube-apiserver's read answers, one implementation for both of its clients: the
 * served API (`kubelife serve --api`, cli/api/handler.ts) and the simulator's own
 * `kubectl get --raw` (shell/commands/kubectl-get-raw.ts). Health (/healthz, /livez, /readyz and
 * their checks: health.ts), /version, discovery (/api, /apis, /api/v1, /apis/GROUP[/VERSION]),
 * list/get of any served resource (JSON, or a meta.k8s.io Table), and pods/log. Errors are
 * metav1.Status objects with the API server's messages, which kubectl prints as
 * `Error from server (Reason): message`.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/get.go,
 * staging/src/k8s.io/apiserver/pkg/endpoints/discovery/version.go (WriteRawJSON: indented, no
 * trailing newline), staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound),
 * pkg/registry/core/componentstatus/rest.go (Get: `Component not found: NAME`).
 */
import {
  componentNotFound,
  getObject,
  apiserverMinor,
  resolveType,
  resourceByKind,
  serves,
  type ApiObject,
  type ApiResourceType,
  type ClusterState,
} from '../../src/index.ts';
import { selectObjects } from '../commands/kubectl-get-select.ts';
import { decodeErrorMessage } from '../commands/kubectl-apiversions.ts';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  serverVersionInfo,
} from './discovery.ts';
import { healthAnswer, isHealthEndpoint } from './health.ts';
import { tableOf } from './table.ts';
import { podLog } from './pod-log.ts';
import { readWarnings } from './warnings.ts';
import { status, type ApiRequest, type ApiResponse, type ResourcePath } from './status.ts';

type Obj = Record<string, unknown>;

/** The answer to a path the server has no handler for. */
export const notServed = (): ApiResponse =>
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
    // The componentstatus registry answers an unknown name with a plain error (HTTP 500, no reason).
    if (!o && type.id === 'componentstatuses') return status(500, '', componentNotFound(p.name));
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
      // The componentstatus registry builds its list without a store: no resourceVersion.
      metadata: type.id === 'componentstatuses' ? {} : { resourceVersion: rv },
      items: objects,
    },
  };
}

/**
 * The answer to a GET, or null for a path whose GET this module does not answer: the OpenAPI
 * documents (the served API builds them with Node's crypto: cli/api/openapi.ts) and
 * subresources other than pods/log (the served API's review and write handlers).
 */
export function answerGet(state: ClusterState, req: ApiRequest): ApiResponse | null {
  const parts = req.path.split('/').filter((x) => x !== '');
  const path = `/${parts.join('/')}`;
  const [root = '', check] = parts;
  if (isHealthEndpoint(root) && parts.length <= 2)
    return healthAnswer(state, root, check ?? null, req.query) ?? notServed();
  if (path === '/version')
    return {
      status: 200,
      body: JSON.stringify(serverVersionInfo(state), null, 2),
      text: true,
      contentType: 'application/json',
    };
  if (root === 'openapi') return null;
  if (path === '/api') return { status: 200, body: apiVersions(state) };
  if (path === '/apis') return { status: 200, body: apiGroupList(state) };
  if (root === 'api' && parts.length === 2) return wrap(apiResourceList(state, '', parts[1] ?? ''));
  if (root === 'apis' && parts.length === 2) return wrap(apiGroup(state, parts[1] ?? ''));
  if (root === 'apis' && parts.length === 3)
    return wrap(apiResourceList(state, parts[1] ?? '', parts[2] ?? ''));
  if (root !== 'api' && root !== 'apis') return notServed();
  const p = resourcePath(parts);
  if (!p) return notServed();
  if (p.sub === 'log' && p.plural === 'pods') return podLog(state, req, p);
  if (p.sub !== null) return null;
  const r = read(state, req, p);
  const warnings = readWarnings(state, p.group, p.plural);
  return warnings.length > 0 ? { ...r, warnings } : r;
}

function wrap(body: Obj | null): ApiResponse {
  return body ? { status: 200, body } : notServed();
}
