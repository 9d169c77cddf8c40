/**
 * Reading the API: type resolution the way kubectl's RESTMapper does it (plural, singular, short
 * name, `plural.group`, `plural.version.group`; the core group wins a tie, as `events` → v1), and
 * listObjects/getObject returning the objects as `kubectl get -o json` shows them: the store's
 * objects with their derived status (store/status.ts) merged with the resources still computed
 * from the compact state (objects/derived.ts), sorted by namespace and name like etcd's keys.
 */
import type { ClusterState } from '../model/state.ts';
import { findCrd, customResourcesOf, crdName } from '../kubectl/objects.ts';
import { crObject } from '../objects/namespace-object.ts';
import { DERIVED, UNSTORED, VIEWED } from '../objects/derived.ts';
import { nodeObject } from '../objects/node-object.ts';
import { servedUserPod } from '../workloads/user-pods.ts';
import { isUserPod } from '../workloads/user-pod-mark.ts';
import { EngineError } from '../errors.ts';
import { readStored, scanStored } from './buckets.ts';
import { catalogFor, preferredVersion, resourceId, RESOURCE_CATALOG } from './catalog.ts';
import { withDerivedStatus } from './status.ts';
import { servedLease } from '../objects/lease-renewals.ts';
import { LEASES } from '../objects/leases.ts';
import type { ApiObject } from './types.ts';

/** A resolved resource type: what the API serves under one name. */
export interface ResourceType {
  /** Store key: `plural` (core) or `plural.group`; also what NotFound errors name. */
  readonly id: string;
  readonly group: string;
  /** The served version kubectl uses (discovery's preferred). */
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  /** `-o name` prefix: lower-case kind, with the group outside the core group. */
  readonly namePrefix: string;
  /** True for a CustomResourceDefinition's type. */
  readonly custom: boolean;
}

/** Every name each served resource answers to, per minor (built once: the catalog is constant). */
const NAMES = new Map<number, ReadonlyMap<string, ResourceType>>();

function namesFor(minor: number): ReadonlyMap<string, ResourceType> {
  const cached = NAMES.get(minor);
  if (cached) return cached;
  const names = new Map<string, ResourceType>();
  for (const r of catalogFor(minor)) {
    const version = preferredVersion(r, minor) ?? '';
    const type: ResourceType = {
      id: resourceId(r),
      group: r.group,
      version,
      kind: r.kind,
      plural: r.plural,
      namespaced: r.namespaced,
      namePrefix: r.group === '' ? r.singular : `${r.singular}.${r.group}`,
      custom: false,
    };
    const qualified =
      r.group === ''
        ? [`${r.plural}.${version}`]
        : [r.plural, r.singular].flatMap((x) => [`${x}.${r.group}`, `${x}.${version}.${r.group}`]);
    // The catalog lists the core group first: its names win (`events` is v1 Events).
    for (const key of [r.plural, r.singular, ...r.shortNames, ...qualified])
      if (!names.has(key)) names.set(key, type);
  }
  NAMES.set(minor, names);
  return names;
}

/** The 1.x minor the cluster's API server runs; the newest catalog rows without a cluster. */
export function servingMinor(state: ClusterState): number {
  const v = state.cluster?.version;
  return v === undefined ? 99 : Number(v.replace(/^v/, '').split('.')[1] ?? 99);
}

/**
 * The type a kubectl resource argument names (`po`, `svc`, `deploy`, `deployments.apps`,
 * `deployment.v1.apps`, a CRD's plural), or null when the API server serves no such type.
 */
export function resolveType(state: ClusterState, name: string): ResourceType | null {
  const n = name.toLowerCase();
  const found = namesFor(servingMinor(state)).get(n);
  if (found) return found;
  const crd = findCrd(state, n);
  if (!crd) return null;
  return {
    id: crdName(crd),
    group: crd.group,
    version: crd.version,
    kind: crd.kind,
    plural: crd.plural,
    namespaced: true,
    namePrefix: `${crd.kind.toLowerCase()}.${crd.group}`,
    custom: true,
  };
}

/** A stored object without what only the simulation keeps (its `simulator` record). */
function served(o: ApiObject): ApiObject {
  if (o['simulator'] === undefined) return o;
  const { simulator: _sim, ...rest } = o;
  return rest;
}

/** A stored object as served: its derived status, or a Lease's last renewal. */
function servedStored(state: ClusterState, id: string, o: ApiObject): ApiObject {
  return id === LEASES ? servedLease(state, o) : withDerivedStatus(state, id, served(o));
}

function requireType(state: ClusterState, resource: string): ResourceType {
  const t = resolveType(state, resource);
  if (!t) throw new EngineError('UnknownResourceType', { resource });
  return t;
}

function byNamespaceAndName(a: ApiObject, b: ApiObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function inKeyOrder(list: readonly ApiObject[]): boolean {
  for (let i = 1; i < list.length; i++)
    if (byNamespaceAndName(list[i - 1] as ApiObject, list[i] as ApiObject) > 0) return false;
  return true;
}

/** Objects of a resolved type in `namespace` (null: every namespace, or cluster-scoped). */
export function listTyped(
  state: ClusterState,
  t: ResourceType,
  namespace: string | null,
): ApiObject[] {
  if (!state.cluster) return [];
  const ns = t.namespaced ? namespace : null;
  if (t.custom) {
    const crd = findCrd(state, t.id);
    const objects = state.cluster.objects;
    return crd
      ? (customResourcesOf(state, crd)
          .filter((r) => ns === null || r.namespace === ns)
          .map((r) =>
            crObject(r, readStored(objects, t.id, r.namespace, r.name)?.metadata),
          ) as unknown as ApiObject[])
      : [];
  }
  const derived = DERIVED[t.id]?.(state, ns) ?? [];
  if (VIEWED.has(t.id) || UNSTORED.has(t.id)) return derived;
  const stored = scanStored(state.cluster.objects, t.id, ns).map((o) =>
    servedStored(state, t.id, o),
  );
  // The API lists in etcd key order (namespace/name) whichever view built the objects.
  if (stored.length === 0)
    return inKeyOrder(derived) ? derived : [...derived].sort(byNamespaceAndName);
  // A derived object a client has written is stored from then on: the stored one answers.
  const keys = new Set(stored.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  const shadowed = derived.filter(
    (o) => !keys.has(`${o.metadata.namespace ?? ''}/${o.metadata.name}`),
  );
  return [...shadowed, ...stored].sort(byNamespaceAndName);
}

/**
 * Every object of `resource` (as kubectl accepts it: `services`, `svc`, `deployments.apps`) in
 * `namespace`, or in all namespaces when it is null or absent (ignored for cluster-scoped
 * resources), as the API serves them. Throws EngineError UnknownResourceType for a type the
 * cluster does not serve.
 */
export function listObjects(
  state: ClusterState,
  resource: string,
  namespace?: string | null,
): readonly ApiObject[] {
  return listTyped(state, requireType(state, resource), namespace ?? null);
}

/**
 * One object of `resource` by namespace (null for cluster-scoped) and name, or null when there
 * is none. Throws EngineError UnknownResourceType for a type the cluster does not serve.
 */
export function getObject(
  state: ClusterState,
  resource: string,
  namespace: string | null,
  name: string,
): ApiObject | null {
  const t = requireType(state, resource);
  const ns = t.namespaced ? namespace : null;
  const stored =
    t.custom || UNSTORED.has(t.id) ? undefined : readStored(state.cluster?.objects, t.id, ns, name);
  if (stored && t.id === 'nodes') return nodeObject(state, name) as unknown as ApiObject;
  // A reader's Pod is served from its stored object alone (the listing serves each the same
  // way): reading one does not serve every Pod of the cluster.
  if (stored && t.id === 'pods' && isUserPod(stored)) return servedUserPod(state, stored);
  if (!stored && VIEWED.has(t.id)) return null;
  if (stored && !VIEWED.has(t.id)) return servedStored(state, t.id, stored);
  return (
    listTyped(state, t, ns).find(
      (o) => o.metadata.name === name && (ns === null || o.metadata.namespace === ns),
    ) ?? null
  );
}

/** Every catalog resource (all minors), for tools that list what exists. */
export { RESOURCE_CATALOG };
