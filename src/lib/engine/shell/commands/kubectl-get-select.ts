/**
 * What `kubectl get` selects: the resource types of its arguments (`pods`, `svc,deploy,ds`,
 * `all`, `TYPE/NAME …`), and per type the objects by namespace, names, label selector
 * (`-l`) and field selector (`--field-selector`), with the errors kubectl prints for unknown
 * types, missing objects and unsupported field labels.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs,
 * "there is no need to specify a resource type…", category expansion of `all`),
 * staging/src/k8s.io/apimachinery/pkg/fields/selector.go, pkg/registry/core/pod/strategy.go
 * (ToSelectableFields), staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go.
 */
import {
  catalogFor,
  listTyped,
  matchesSelector,
  parseSelector,
  resolveType,
  resourceId,
  type ApiObject,
  type ApiResourceType,
  type ClusterState,
} from '../../src/index.ts';

/** The objects of one requested type. */
export interface Selection {
  readonly type: ApiResourceType;
  readonly objects: readonly ApiObject[];
  /** Requested names that do not exist. */
  readonly missing: readonly string[];
}

/** Parsed type arguments: the types in order, each with the names asked for (empty: all). */
export type TypeArgs =
  | { ok: true; requests: Array<{ arg: string; names: string[] }>; named: boolean }
  | { ok: false; message: string };

/** Splits `kubectl get` positionals into type requests (builder.go ResourceTypeOrNameArgs). */
export function typeArgs(positionals: readonly string[]): TypeArgs {
  const [first = '', ...rest] = positionals;
  if (first.includes('/')) {
    const requests: Array<{ arg: string; names: string[] }> = [];
    for (const a of positionals) {
      const slash = a.indexOf('/');
      if (slash < 0)
        return {
          ok: false,
          message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      const arg = a.slice(0, slash);
      const prev = requests.find((r) => r.arg === arg);
      if (prev) prev.names.push(a.slice(slash + 1));
      else requests.push({ arg, names: [a.slice(slash + 1)] });
    }
    return { ok: true, requests, named: true };
  }
  if (rest.some((r) => r.includes('/')))
    return {
      ok: false,
      message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    };
  const types = first.split(',').filter((t) => t !== '');
  return { ok: true, requests: types.map((arg) => ({ arg, names: [...rest] })), named: false };
}

function servingMinor(state: ClusterState): number {
  const v = state.cluster?.version;
  return v === undefined ? 99 : Number(v.replace(/^v/, '').split('.')[1] ?? 99);
}

/**
 * The types an argument names: `all` expands to the `all` category in discovery order; an
 * unknown type gives kubectl's error.
 */
export function resolveArg(
  state: ClusterState,
  arg: string,
): { ok: true; types: ApiResourceType[] } | { ok: false; message: string } {
  if (arg.toLowerCase() === 'all') {
    const types = catalogFor(servingMinor(state))
      .filter((r) => r.categories.includes('all'))
      .map((r) => resolveType(state, resourceId(r)))
      .filter((t): t is ApiResourceType => t !== null);
    return { ok: true, types };
  }
  const t = resolveType(state, arg);
  if (t === null)
    return { ok: false, message: `error: the server doesn't have a resource type "${arg}"` };
  return { ok: true, types: [t] };
}

/** A value at a dotted path of an object, as text (field selectors compare text). */
function fieldText(o: ApiObject, path: string): string | undefined {
  let v: unknown = o;
  for (const p of path.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  if (v === undefined || v === null) return '';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : undefined;
}

/** Field labels each resource's registry supports beyond metadata.name/metadata.namespace. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: ['spec.unschedulable'],
  // pkg/registry/core/event/strategy.go ToSelectableFields (`source` is not modelled).
  events: [
    'involvedObject.kind',
    'involvedObject.name',
    'involvedObject.namespace',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'type',
  ],
  secrets: ['type'],
  namespaces: ['status.phase'],
};

type FieldReq = { readonly path: string; readonly negate: boolean; readonly value: string };

/** Parses `--field-selector` (fields.ParseSelector: `a=b`, `a==b`, `a!=b`, comma-separated). */
export function parseFieldSelector(text: string): FieldReq[] | { error: string } {
  const out: FieldReq[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) return { error: `invalid selector: '${text}'; can't understand '${part}'` };
    out.push({ path: (m[1] ?? '').trim(), negate: m[2] === '!=', value: (m[3] ?? '').trim() });
  }
  return out;
}

/** Options that narrow what `get` lists. */
export interface SelectOptions {
  /** null: every namespace. */
  readonly namespace: string | null;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** The API server's 400 for a list's selectors, as kubectl's resource builder rewords it. */
function badRequest(type: ApiResourceType, opts: SelectOptions, message: string) {
  return {
    serverMessage: message,
    error: `Error from server (BadRequest): Unable to find "${type.group}/${type.version}, Resource=${type.plural}" that match label selector "${opts.labelSelector ?? ''}", field selector "${opts.fieldSelector ?? ''}": ${message}`,
  };
}

/**
 * Objects of `type` by namespace, names and selectors, or the error the server (or kubectl)
 * answers with.
 */
export function selectObjects(
  state: ClusterState,
  type: ApiResourceType,
  names: readonly string[],
  opts: SelectOptions,
): Selection | { error: string; serverMessage?: string } {
  let objects: readonly ApiObject[] = listTyped(
    state,
    type,
    type.namespaced ? opts.namespace : null,
  );
  if (opts.labelSelector !== undefined) {
    const reqs = parseSelector(opts.labelSelector);
    if (!Array.isArray(reqs)) return badRequest(type, opts, reqs.error);
    objects = objects.filter((o) => matchesSelector(o.metadata.labels ?? {}, reqs));
  }
  if (opts.fieldSelector !== undefined) {
    const reqs = parseFieldSelector(opts.fieldSelector);
    if (!Array.isArray(reqs)) return { error: `error: ${reqs.error}` };
    const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS[type.id] ?? [])];
    const bad = reqs.find((r) => !allowed.includes(r.path));
    if (bad) return badRequest(type, opts, `field label not supported: ${bad.path}`);
    objects = objects.filter((o) =>
      reqs.every((r) => (fieldText(o, r.path) === r.value) !== r.negate),
    );
  }
  if (names.length === 0) return { type, objects, missing: [] };
  const found = names.flatMap((n) => objects.filter((o) => o.metadata.name === n));
  const missing = names.filter((n) => !objects.some((o) => o.metadata.name === n));
  return { type, objects: found, missing };
}
