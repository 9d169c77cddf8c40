/**
 * Secondary indexes of the object store, like the API server's watch-cache indexers: Pods by
 * `spec.nodeName` (pkg/registry/core/pod/storage/storage.go `Indexers: pod.Indexers`,
 * pkg/registry/core/pod/strategy.go NodeNameIndexFunc) and Nodes by control-plane role. Each
 * index is a KeyedMap (model/keyed-map.ts) from index value to the keys (`namespace/name`) of the
 * objects that have it, kept up to date by every write (store/buckets.ts writeStored), so "the
 * Pods of node-17" or "the control-plane Nodes" cost the same at 5 nodes and at 5,000.
 */
import { isUserPod } from '../workloads/user-pod-mark.ts';
import { deleteKeyed, emptyKeyed, getKeyed, setKeyed, type KeyedMap } from '../model/keyed-map.ts';
import type { ApiObject, Json } from './types.ts';

/** Index values of one object (none: not in the index). */
type IndexFunc = (o: ApiObject) => readonly string[];

/** The role label kubeadm's mark-control-plane phase sets (constants.LabelNodeRoleControlPlane). */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const nodeName: IndexFunc = (o) => {
  const n = (o['spec'] as { readonly [k: string]: Json } | undefined)?.['nodeName'];
  return typeof n === 'string' && n !== '' ? [n] : [];
};

const role: IndexFunc = (o) =>
  o.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined ? ['control-plane'] : [];

const user: IndexFunc = (o) => (isUserPod(o) ? ['user'] : []);

/**
 * The ReplicaSet of one of the cluster's own Pods (CoreDNS: `coredns-<hash>-<suffix>` belongs to
 * `coredns-<hash>`), so the ReplicaSet controller counts its Pods without a scan
 * (controllers/system-workloads.ts).
 */
const replicaSet: IndexFunc = (o) => {
  const first = (o['spec'] as { readonly containers?: readonly { readonly name?: string }[] })
    ?.containers?.[0]?.name;
  return !isUserPod(o) && first === 'coredns' ? [o.metadata.name.replace(/-[^-]*$/, '')] : [];
};

/** A reader's Pod no node is bound to yet: what the scheduler has to place. */
const pending: IndexFunc = (o) => (isUserPod(o) && nodeName(o).length === 0 ? ['pending'] : []);

/** A Pod being deleted gracefully: what its kubelet has to finish (workloads/pod-deletion.ts). */
const terminating: IndexFunc = (o) =>
  o.metadata.deletionTimestamp !== undefined ? ['terminating'] : [];

const podCidr: IndexFunc = (o) => {
  const cidr = (o['spec'] as { readonly [k: string]: Json } | undefined)?.['podCIDR'];
  return typeof cidr === 'string' && cidr !== '' ? [cidr] : [];
};

/** Index name → resource and index function. */
const INDEXES: Readonly<Record<string, { readonly resource: string; readonly of: IndexFunc }>> = {
  'pods/spec.nodeName': { resource: 'pods', of: nodeName },
  'nodes/role': { resource: 'nodes', of: role },
  // The Pods of a reader's workloads (workloads/user-pods.ts), for the scheduler, and the
  // Deployments and ReplicaSets clients created, for the controllers' quick check per command.
  'pods/user': { resource: 'pods', of: user },
  'deployments.apps/user': { resource: 'deployments.apps', of: user },
  'replicasets.apps/user': { resource: 'replicasets.apps', of: user },
  'daemonsets.apps/user': { resource: 'daemonsets.apps', of: user },
  'statefulsets.apps/user': { resource: 'statefulsets.apps', of: user },
  // A reader's Jobs and CronJobs, for their controllers (controllers/jobs.ts, cronjobs.ts).
  'jobs.batch/user': { resource: 'jobs.batch', of: user },
  'cronjobs.batch/user': { resource: 'cronjobs.batch', of: user },
  'pods/replicaset': { resource: 'pods', of: replicaSet },
  // A reader's Pods waiting for a node, for the scheduler (controllers/scheduler.ts).
  'pods/pending': { resource: 'pods', of: pending },
  // The Pods with a deletionTimestamp, for their kubelets (workloads/pod-deletion.ts).
  'pods/terminating': { resource: 'pods', of: terminating },
  // The node subnets in use, for the node IPAM allocator (controllers/node-ipam.ts).
  'nodes/podCIDR': { resource: 'nodes', of: podCidr },
};

/** The indexes of a store: index name → value → object keys. */
export type StoreIndexes = Readonly<Record<string, KeyedMap<readonly string[]>>>;

function addKey(map: KeyedMap<readonly string[]>, value: string, key: string) {
  const keys = getKeyed(map, value) ?? [];
  return keys.includes(key) ? map : setKeyed(map, value, [...keys, key]);
}

function dropKey(map: KeyedMap<readonly string[]>, value: string, key: string) {
  const keys = getKeyed(map, value);
  if (!keys?.includes(key)) return map;
  const rest = keys.filter((k) => k !== key);
  return rest.length === 0 ? deleteKeyed(map, value) : setKeyed(map, value, rest);
}

/** The indexes after the object under `key` of `resource` changed from `before` to `after`. */
export function updateIndexes(
  indexes: StoreIndexes | undefined,
  resource: string,
  key: string,
  before: ApiObject | undefined,
  after: ApiObject | null,
): StoreIndexes | undefined {
  let next = indexes;
  for (const [name, index] of Object.entries(INDEXES)) {
    if (index.resource !== resource) continue;
    const old = before ? index.of(before) : [];
    const now = after ? index.of(after) : [];
    if (old.length === now.length && old.every((v, i) => v === now[i])) continue;
    let map = next?.[name] ?? emptyKeyed<readonly string[]>();
    for (const v of old) if (!now.includes(v)) map = dropKey(map, v, key);
    for (const v of now) map = addKey(map, v, key);
    next = { ...next, [name]: map };
  }
  return next;
}

/**
 * The index `name` rebuilt from `objects` (every stored object of its resource), for a saved
 * state written before the index existed (state/migrate.ts).
 */
export function rebuildIndex(
  indexes: StoreIndexes | undefined,
  name: string,
  objects: readonly ApiObject[],
): StoreIndexes {
  const index = INDEXES[name];
  let map = emptyKeyed<readonly string[]>();
  if (index)
    for (const o of objects)
      for (const v of index.of(o))
        map = addKey(map, v, `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  return { ...indexes, [name]: map };
}

/** Keys (`namespace/name`) of the objects whose index `name` has `value`. */
export function indexedKeys(
  indexes: StoreIndexes | undefined,
  name: string,
  value: string,
): readonly string[] {
  const map = indexes?.[name];
  return map ? (getKeyed(map, value) ?? []) : [];
}
