/**
 * Pod objects in the API object store (resource `pods`): mirror Pods of static Pods, kube-proxy
 * and flannel's DaemonSet Pods, CoreDNS's ReplicaSet Pods. Readers and writers use these
 * accessors and the compact PodObject view (model/state.ts) they return; the served Pod
 * (objects/pod-object.ts) adds the status the kubelet reports now.
 *
 * One Pod is read or written in O(1) (store buckets); the Pods of one node come from the store's
 * `spec.nodeName` index (store/indexes.ts), so draining or resetting one node never scans the
 * Pods of the other 4,999.
 */
import type { ClusterState, PodObject } from '../model/state.ts';
import type { ClusterView } from './nodes.ts';
import { formatRfc3339, parseTime } from '../clock.ts';
import { podLabels } from '../kubectl/labels.ts';
import { readByKey, readStored, scanStored, type ObjectStore } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import { putObject, removeObject } from '../store/write.ts';
import { keepClientMeta } from '../store/update.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import { isUserPod } from '../workloads/user-pod-mark.ts';

/** What the simulation keeps about a Pod that the API does not serve; read views drop it. */
interface PodSimulation {
  /** Creation time, epoch ms (creationTimestamp keeps whole seconds). */
  readonly createdAt: number;
  /** PodObject.ipHost, once pinned. */
  readonly ipHost?: number;
}

const views = new WeakMap<ApiObject, PodObject>();
const lists = new WeakMap<object, readonly PodObject[]>();

/** The compact view of a stored Pod (its workload is its one container's name). */
export function podRecord(o: ApiObject): PodObject {
  const hit = views.get(o);
  if (hit) return hit;
  const spec = o['spec'] as {
    readonly nodeName?: string;
    readonly containers?: readonly { readonly name: string }[];
  };
  const sim = o['simulator'] as unknown as PodSimulation;
  const base: PodObject = {
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    app: (spec.containers?.[0]?.name ?? 'kube-proxy') as PodObject['app'],
    node: spec.nodeName ?? null,
    createdAt: sim.createdAt,
  };
  // Only pinned Pods carry ipHost (one object shape for the thousands that do not).
  const pinned: PodObject = sim.ipHost === undefined ? base : { ...base, ipHost: sim.ipHost };
  const deleting = o.metadata.deletionTimestamp;
  const view: PodObject =
    deleting === undefined ? pinned : { ...pinned, deletingAt: parseTime(deleting) };
  views.set(o, view);
  return view;
}

/** The labels of a Pod: its workload's, plus the ReplicaSet's pod-template-hash for CoreDNS. */
export function podRecordLabels(p: PodObject): Record<string, string> {
  const hash = p.app === 'coredns' ? p.name.split('-')[1] : undefined;
  return { ...podLabels(p.app), ...(hash !== undefined ? { 'pod-template-hash': hash } : {}) };
}

function storedPod(p: PodObject): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace,
      creationTimestamp: formatRfc3339(p.createdAt),
      labels: podRecordLabels(p),
    },
    spec: { containers: [{ name: p.app }], ...(p.node !== null ? { nodeName: p.node } : {}) },
    simulator:
      p.ipHost === undefined
        ? { createdAt: p.createdAt }
        : { createdAt: p.createdAt, ipHost: p.ipHost },
  };
}

function storeOf(state: ClusterView): ObjectStore | undefined {
  return state.cluster?.objects;
}

const byKey = (a: PodObject, b: PodObject): number => {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** The Pod `namespace/name`, or undefined. O(1). */
export function findPod(
  state: ClusterView,
  namespace: string,
  name: string,
): PodObject | undefined {
  const o = readStored(storeOf(state), 'pods', namespace, name);
  return o && !isUserPod(o) ? podRecord(o) : undefined;
}

/** The stored Pod object (metadata as the API keeps it), or undefined. */
export function storedPodObject(
  state: ClusterView,
  namespace: string,
  name: string,
): ApiObject | undefined {
  return readStored(storeOf(state), 'pods', namespace, name);
}

/** Every Pod, sorted by namespace and name. O(n) once per change of the pods. */
export function podList(state: ClusterView): readonly PodObject[] {
  const table = storeOf(state)?.resources['pods'];
  if (!table) return [];
  const hit = lists.get(table);
  if (hit) return hit;
  const list = scanStored(storeOf(state), 'pods')
    .filter((o) => !isUserPod(o))
    .map(podRecord)
    .sort(byKey);
  lists.set(table, list);
  return list;
}

/** How many Pods the cluster has. */
export function podCount(state: ClusterView): number {
  return podList(state).length;
}

/** The Pods bound to `node`, sorted by namespace and name, from the spec.nodeName index. */
export function podsOnNode(state: ClusterView, node: string): PodObject[] {
  const store = storeOf(state);
  return indexedKeys(store?.indexes, 'pods/spec.nodeName', node)
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined && !isUserPod(o))
    .map(podRecord)
    .sort(byKey);
}

/**
 * The Pod of the cluster's own workload `app` (e.g. `kube-flannel`) bound to `node`, from the
 * spec.nodeName index, looking only at that namespace's entries (a node may hold many Pods).
 */
export function systemPodOnNode(
  state: ClusterView,
  node: string,
  namespace: string,
  app: PodObject['app'],
): PodObject | undefined {
  const store = storeOf(state);
  for (const k of indexedKeys(store?.indexes, 'pods/spec.nodeName', node)) {
    if (!k.startsWith(namespace + '/')) continue;
    const o = readByKey(store, 'pods', k);
    if (o === undefined || isUserPod(o)) continue;
    const p = podRecord(o);
    if (p.app === app) return p;
  }
  return undefined;
}

/**
 * `fresh` keeping the graceful deletion of the stored Pod (deletionTimestamp, its grace period
 * and when it was evicted): rewriting a Terminating Pod's record does not undelete it.
 */
function keepDeletion(fresh: NewObject, existing: ApiObject | undefined): NewObject {
  const { deletionTimestamp, deletionGracePeriodSeconds } = existing?.metadata ?? {};
  if (!existing || deletionTimestamp === undefined) return fresh;
  return {
    ...fresh,
    metadata: {
      ...fresh.metadata,
      deletionTimestamp,
      ...(deletionGracePeriodSeconds !== undefined ? { deletionGracePeriodSeconds } : {}),
    },
    simulator: { ...(existing['simulator'] as object), ...(fresh['simulator'] as object) },
  };
}

/** A state with the Pod created or replaced. */
export function putPod(state: ClusterState, pod: PodObject): ClusterState {
  const fresh = storedPod(pod);
  const existing = storedPodObject(state, pod.namespace, pod.name);
  return putObject(state, 'pods', keepDeletion(keepClientMeta(fresh, existing), existing));
}

/** A state with every Pod of `pods` created or replaced, in order. */
export function putPods(state: ClusterState, pods: readonly PodObject[]): ClusterState {
  return pods.reduce(putPod, state);
}

/** A state without the Pod `namespace/name`. */
export function removePod(state: ClusterState, namespace: string, name: string): ClusterState {
  return removeObject(state, 'pods', namespace, name);
}
