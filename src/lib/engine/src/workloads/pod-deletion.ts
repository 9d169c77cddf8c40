/**
 * Deleting a Pod as kube-apiserver and the kubelet do it, one path for `kubectl delete pod`,
 * kubectl drain (its evictions and --disable-eviction deletes) and the served API's DELETE and
 * eviction requests.
 *
 * The API server (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete,
 * pkg/registry/core/pod/strategy.go CheckGracefulDelete): the grace period is the request's
 * DeleteOptions.gracePeriodSeconds, else the Pod's spec.terminationGracePeriodSeconds (defaulted
 * to 30); a Pod bound to no node, or one whose phase is Succeeded or Failed, goes at once (grace
 * 0), and so does any Pod deleted with grace 0 (`--force`). Otherwise the Pod stays, with
 * metadata.deletionTimestamp (now + the grace period) and deletionGracePeriodSeconds: kubectl
 * shows it `Terminating`, and its ReplicaSet (FilterActivePods, controller_utils.go) counts it
 * out and creates the replacement at once. A second delete may only shorten the grace period.
 *
 * The kubelet (pkg/kubelet/kubelet.go HandlePodRemoves, pod_workers.go, status_manager.go
 * canBeDeleted): it kills the containers (SIGTERM, SIGKILL once the grace period ends) and, once
 * they have stopped, deletes the Pod with grace 0. The simulator's containers stop
 * {@link CONTAINER_STOP_MS} after SIGTERM, or when the grace period ends if that is sooner; a
 * node whose kubelet does not report Ready cannot finish, and its Pods stay Terminating. The
 * Pods of a node that no longer exists are gone at once (the Pod garbage collector,
 * pkg/controller/podgc/gc_controller.go gcOrphaned).
 *
 * Only a reader's Pods and the cluster's CoreDNS Pods terminate this way: the static Pods'
 * mirror Pods and the DaemonSet Pods of kube-proxy and flannel come back at once
 * (controllers/system-workloads.ts replaceDeletedPod).
 */
import type { ClusterState } from '../model/state.ts';
import { parseTime } from '../clock.ts';
import { readByKey, readStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { deleteGracefully, putObject, removeObject } from '../store/write.ts';
import { findNode } from '../state/nodes.ts';
import { findMachine } from '../state/machines.ts';
import { podRecord } from '../state/pods.ts';
import { nodeLostByFault } from '../etcd/faults.ts';
import { kubeletReady } from '../machine/kubelet-ready.ts';
import { removeSystemPod, replaceDeletedPod } from '../controllers/system-workloads.ts';
import { servedUserPod } from './user-pods.ts';
import { isUserPod } from './user-pod-mark.ts';
import { formatRfc3339 } from '../clock.ts';

type Obj = { readonly [k: string]: Json };

/** A Pod's terminationGracePeriodSeconds when its spec has none (core/v1 defaults). */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

/** How long the simulator's containers take to stop after SIGTERM. */
export const CONTAINER_STOP_MS = 5000;

/** The index of Pods being deleted gracefully (store/indexes.ts). */
export const TERMINATING_INDEX = 'pods/terminating';

/** What the simulation keeps about a Pod being deleted, to the millisecond (metadata has seconds). */
interface Termination {
  /** When the first delete asked for it: the kubelet sent SIGTERM then. */
  readonly requestedAt: number;
  /** deletionTimestamp: when the kubelet sends SIGKILL. */
  readonly deadline: number;
}

const terminationOf = (pod: ApiObject): Termination | undefined =>
  (pod['simulator'] as { termination?: Termination } | undefined)?.termination;

/** The Pod with its simulation record's termination set. */
function withTermination(pod: ApiObject, t: Termination): ApiObject {
  return { ...pod, simulator: { ...(pod['simulator'] as Obj | undefined), termination: { ...t } } };
}

/** What a delete did. */
export interface PodDeletion {
  readonly state: ClusterState;
  /** True when the Pod was removed from the store at once (grace 0). */
  readonly removed: boolean;
}

/** True for a Pod that terminates gracefully here: a reader's Pod or a CoreDNS Pod. */
function terminatesGracefully(pod: ApiObject): boolean {
  if (isUserPod(pod)) return true;
  return podRecord(pod).app === 'coredns';
}

/** The Pod's phase as the API serves it. */
function phaseOf(state: ClusterState, pod: ApiObject): string {
  if (!isUserPod(pod)) return 'Running';
  const status = (servedUserPod(state, pod)['status'] ?? {}) as Obj;
  return typeof status['phase'] === 'string' ? status['phase'] : 'Pending';
}

/** CheckGracefulDelete: the grace period the API server settles on for this delete. */
export function deletionGracePeriod(
  state: ClusterState,
  pod: ApiObject,
  requested?: number,
): number {
  const spec = (pod['spec'] ?? {}) as Obj;
  const own = spec['terminationGracePeriodSeconds'];
  let period =
    requested !== undefined && requested >= 0
      ? requested
      : typeof own === 'number'
        ? own
        : DEFAULT_TERMINATION_GRACE_SECONDS;
  const node = spec['nodeName'];
  if (typeof node !== 'string' || node === '') period = 0;
  const phase = phaseOf(state, pod);
  if (phase === 'Succeeded' || phase === 'Failed') period = 0;
  return period;
}

/** The state without the Pod: a CoreDNS Pod through its ReplicaSet's bookkeeping. */
function removeNow(state: ClusterState, pod: ApiObject): ClusterState {
  const ns = pod.metadata.namespace ?? '';
  if (isUserPod(pod)) return removeObject(state, 'pods', ns, pod.metadata.name);
  return removeSystemPod(state, podRecord(pod));
}

/**
 * Deletes Pod `namespace/name` with DeleteOptions.gracePeriodSeconds `grace` (absent or negative:
 * the Pod's own); null when there is no such Pod.
 */
export function deletePod(
  state: ClusterState,
  namespace: string,
  name: string,
  grace?: number,
): PodDeletion | null {
  const pod = readStored(state.cluster?.objects, 'pods', namespace, name);
  if (!pod) return null;
  if (!terminatesGracefully(pod))
    return { state: replaceDeletedPod(state, podRecord(pod)), removed: true };
  const period = deletionGracePeriod(state, pod, grace);
  if (period === 0) return { state: removeNow(state, pod), removed: true };
  const now = state.now;
  const sooner = now + period * 1000;
  const pending = pod.metadata.deletionTimestamp;
  if (pending === undefined)
    return {
      state: deleteGracefully(state, 'pods', namespace, name, now, period, (o) =>
        withTermination(o, { requestedAt: now, deadline: sooner }),
      ),
      removed: false,
    };
  // BeforeDelete: a pending graceful deletion is only ever shortened.
  const was = terminationOf(pod);
  if (sooner >= (was?.deadline ?? parseTime(pending))) return { state, removed: false };
  const meta = { ...pod.metadata, deletionGracePeriodSeconds: period };
  const marked = { ...pod, metadata: { ...meta, deletionTimestamp: formatRfc3339(sooner) } };
  return {
    state: putObject(
      state,
      'pods',
      withTermination(marked, { requestedAt: was?.requestedAt ?? now, deadline: sooner }),
    ),
    removed: false,
  };
}

/**
 * When the kubelet has stopped the containers of a Terminating Pod and deletes it: the first
 * deletion request plus {@link CONTAINER_STOP_MS}, or the deletionTimestamp when that is sooner
 * (a Pod deleted elsewhere: deletionTimestamp − deletionGracePeriodSeconds stands for the
 * request); null for a Pod not being deleted.
 */
export function podGoneAt(pod: ApiObject): number | null {
  const at = pod.metadata.deletionTimestamp;
  if (at === undefined) return null;
  const t = terminationOf(pod) ?? {
    deadline: parseTime(at),
    requestedAt: parseTime(at) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000,
  };
  return Math.min(t.deadline, t.requestedAt + CONTAINER_STOP_MS);
}

/** The taint eviction controller's own deletions (controllers/taint-eviction.ts finishes them). */
function evictedByTaintManager(pod: ApiObject): boolean {
  return (pod['simulator'] as { evictedAt?: number } | undefined)?.evictedAt !== undefined;
}

/**
 * True when the Pod's kubelet can finish its deletion now: it runs, reaches the API server and
 * would report Ready (a kubelet without its network plugin or container runtime cannot tear the
 * Pod's sandbox down); 'orphan' when the Pod's node is gone.
 */
function kubeletCanFinish(state: ClusterState, pod: ApiObject): boolean | 'orphan' {
  const node = ((pod['spec'] ?? {}) as Obj)['nodeName'];
  const n = typeof node === 'string' ? findNode(state, node) : undefined;
  if (!n) return 'orphan';
  const m = findMachine(state, n.machine);
  if (!m || m.kubelet.active !== 'active' || nodeLostByFault(state, n.machine)) return false;
  return kubeletReady(n, m, state.now).status === 'True';
}

/** The Terminating Pods this module finishes, from the index. */
function terminatingPods(state: ClusterState): ApiObject[] {
  const store = state.cluster?.objects;
  return indexedKeys(store?.indexes, TERMINATING_INDEX, 'terminating')
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined && !evictedByTaintManager(o));
}

/**
 * The kubelets' side, run with the controllers: every Terminating Pod whose containers have
 * stopped by now is deleted (a node that is gone: at once). The same state when none is due.
 */
export function finishPodTermination(state: ClusterState): ClusterState {
  let s = state;
  for (const pod of terminatingPods(state)) {
    const can = kubeletCanFinish(s, pod);
    const at = podGoneAt(pod);
    if (can === 'orphan' || (can && at !== null && at <= s.now)) s = removeNow(s, pod);
  }
  return s;
}

/**
 * The next time (after now) a Terminating Pod is deleted by its kubelet, or null when none will
 * be without something else changing: what a client that waits (kubectl delete, drain's
 * waitForDelete) waits for, and when the served API's clock has to move next.
 */
export function nextPodTermination(state: ClusterState): number | null {
  let next: number | null = null;
  for (const pod of terminatingPods(state)) {
    if (kubeletCanFinish(state, pod) !== true) continue;
    const at = podGoneAt(pod);
    if (at !== null && at > state.now && (next === null || at < next)) next = at;
  }
  return next;
}
