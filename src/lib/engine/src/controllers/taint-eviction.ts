/**
 * The taint eviction controller of kube-controller-manager (pkg/controller/tainteviction/
 * taint_eviction.go, kubernetes commit 003e8629; nodelifecycle/scheduler/taint_manager.go in
 * older releases), run after every command like the other controllers, as a function of the
 * store and the simulated clock.
 *
 * Once the node lifecycle controller has tainted a node node.kubernetes.io/not-ready:NoExecute
 * (Ready False: the kubelet runs without a network plugin) or node.kubernetes.io/unreachable:
 * NoExecute (Ready Unknown: a lost node), controllers/node-lifecycle.ts noExecuteTaint, each Pod
 * bound to it is checked
 * against its tolerations (processPodOnNode): a Pod that does not tolerate the taint is deleted
 * at once; one that tolerates it for tolerationSeconds (300 s from the DefaultTolerationSeconds
 * admission plugin) is deleted when that time has passed; one that tolerates it without a limit
 * (DaemonSet Pods, static Pods' mirror Pods) stays. Deleting means what deletePodHandler does:
 * the DisruptionTarget condition (reason DeletionByTaintManager), then a graceful delete, so the
 * Pod gets deletionTimestamp (eviction time + its 30 s grace period) and shows Terminating; only
 * its kubelet can confirm the deletion, so it stays Terminating while the node is lost, and is
 * gone once the node is Ready again (on a NotReady node the kubelet cannot tear the Pod's sandbox
 * down either: containerd's StopPodSandbox fails with "cni plugin not initialized"). The Event:
 * TaintManagerEviction "Marking for deletion Pod <namespace>/<name>", from
 * taint-eviction-controller. The node coming back before the toleration ends deletes nothing
 * (the scheduled eviction is cancelled). A swap between the two taints keeps the eviction time
 * (processPodOnNode keeps a scheduled eviction that triggers earlier).
 *
 * The controller runs in kube-controller-manager: with every control-plane node lost nothing is
 * evicted. The Pods it looks at: the Pods of a reader's workloads (index `pods/user`) and the
 * cluster's own CoreDNS Pods (the `pods/replicaset` index of the coredns ReplicaSets), which
 * tolerate the taints for the default 300 s; kube-proxy's and flannel's DaemonSet Pods and the
 * static Pods' mirror Pods tolerate them forever and are never looked at, so a command on a
 * 5,000-node cluster reads a handful of index entries, not every Pod.
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { controlPlaneNodes } from '../state/nodes.ts';
import { readStored } from '../store/buckets.ts';
import { keyedValues } from '../model/keyed-map.ts';
import { indexedKeys } from '../store/indexes.ts';
import { deleteGracefully, putObject, removeObject } from '../store/write.ts';
import type { ApiObject, Json } from '../store/types.ts';
import {
  heartbeatStoppedAt,
  noExecuteTaint,
  nodeReadyStatus,
  type NoExecuteTaint,
} from './node-lifecycle.ts';
import { matchingTolerations, type Toleration } from './tolerations.ts';
import { reconcileWorkloads } from './workloads.ts';
import { reconcileSystemWorkloads, removeSystemPod } from './system-workloads.ts';
import { systemPodTolerations } from '../objects/pod-tolerations.ts';
import { podRecord } from '../state/pods.ts';
import { isUserPod } from '../workloads/user-pod-mark.ts';

/** The controller's name: Events' source component (cmd/kube-controller-manager/names). */
const CONTROLLER = 'taint-eviction-controller';
/** A Pod's default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

type Obj = { readonly [k: string]: Json };

/** What the simulation keeps about a Pod the controller deleted. */
interface Evicted {
  readonly evictedAt?: number;
}

/** When the controller evicts a Pod of a node with NoExecute taint `taint` (null: never). */
function evictionTime(tolerations: readonly Toleration[], taint: NoExecuteTaint): number | null {
  const { all, used } = matchingTolerations([{ key: taint.key, effect: 'NoExecute' }], tolerations);
  // Not tolerated: deleted as soon as the taint is there.
  if (!all) return taint.timeAdded;
  // getMinTolerationTime: the smallest tolerationSeconds of the tolerations used; none: forever.
  const seconds = used
    .map((t) => t.tolerationSeconds)
    .filter((s): s is number => typeof s === 'number');
  if (seconds.length === 0) return null;
  return taint.since + Math.max(0, Math.min(...seconds)) * 1000;
}

/** A Pod object's simulator record, with the eviction time once evicted. */
function simOf(o: ApiObject): Obj & Evicted {
  return (o['simulator'] ?? {}) as Obj & Evicted;
}

/** When the controller evicted the Pod, or undefined. */
export function podEvictedAt(o: ApiObject): number | undefined {
  return simOf(o).evictedAt;
}

function eventName(object: string, at: number): string {
  return `${object}.${(BigInt(at) * 1_000_000n).toString(16)}`;
}

/** deletePodHandler: the Event, the DisruptionTarget condition, the graceful delete. */
function evict(state: ClusterState, pod: ApiObject, at: number): ClusterState {
  const ns = pod.metadata.namespace ?? 'default';
  const grace = Number((pod['spec'] as Obj | undefined)?.['terminationGracePeriodSeconds'] ?? NaN);
  const seconds = Number.isFinite(grace) ? grace : DEFAULT_GRACE_SECONDS;
  const when = formatRfc3339(at);
  const withEvent = putObject(state, 'events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: eventName(pod.metadata.name, at), namespace: ns, creationTimestamp: when },
    count: 1,
    eventTime: null,
    firstTimestamp: when,
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace: ns },
    lastTimestamp: when,
    message: `Marking for deletion Pod ${ns}/${pod.metadata.name}`,
    reason: 'TaintManagerEviction',
    reportingComponent: CONTROLLER,
    reportingInstance: '',
    source: { component: CONTROLLER },
    type: 'Normal',
  });
  return deleteGracefully(withEvent, 'pods', ns, pod.metadata.name, at, seconds, (o) => ({
    ...o,
    simulator: { ...simOf(o), evictedAt: at },
  }));
}

/** True while kube-controller-manager can run somewhere: a control-plane node still reports. */
function controllerManagerUp(state: ClusterState): boolean {
  return controlPlaneNodes(state).some((n) => heartbeatStoppedAt(state, n.name) === null);
}

/**
 * Keys (`namespace/name`) of the cluster's own CoreDNS Pods: every entry of the store's
 * `pods/replicaset` index (one value per coredns ReplicaSet, holding its Pods' keys).
 */
function systemDnsPodKeys(state: ClusterState): string[] {
  const index = state.cluster?.objects?.indexes?.['pods/replicaset'];
  return index ? keyedValues(index).flat() : [];
}

/** The Pod's tolerations: its own spec for a reader's Pod, its workload's for a compact record. */
function tolerationsOf(state: ClusterState, pod: ApiObject): readonly Toleration[] {
  if (isUserPod(pod)) return ((pod['spec'] as Obj)['tolerations'] ?? []) as readonly Toleration[];
  return systemPodTolerations(state, podRecord(pod));
}

/** The state after the Pod's kubelet removed it (a CoreDNS Pod: its siblings keep their IPs). */
function finishDeletion(state: ClusterState, pod: ApiObject): ClusterState {
  const ns = pod.metadata.namespace ?? '';
  return isUserPod(pod)
    ? removeObject(state, 'pods', ns, pod.metadata.name)
    : removeSystemPod(state, podRecord(pod));
}

/**
 * Runs the taint eviction controller once: evicts the Pods of NotReady and lost nodes whose
 * toleration has run out, and lets the kubelet of a node that is Ready again finish their
 * deletion. The same state when there is nothing to do.
 */
export function evictTaintedPods(state: ClusterState): ClusterState {
  const store = state.cluster?.objects;
  const keys = [...indexedKeys(store?.indexes, 'pods/user', 'user'), ...systemDnsPodKeys(state)];
  if (keys.length === 0) return state;
  let s = state;
  let up: boolean | undefined;
  for (const key of keys) {
    const [ns = '', name = ''] = key.split('/');
    const pod = readStored(s.cluster?.objects, 'pods', ns, name);
    const node = (pod?.['spec'] as Obj | undefined)?.['nodeName'];
    if (!pod || typeof node !== 'string') continue;
    if (podEvictedAt(pod) !== undefined) {
      // The node's kubelet is back with its network: it stops the containers and the Pod is gone.
      if (nodeReadyStatus(s, node) === 'True') s = finishDeletion(s, pod);
      continue;
    }
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    const taint = noExecuteTaint(s, node);
    if (taint === null) continue;
    const at = evictionTime(tolerationsOf(s, pod), taint);
    if (at === null || at > s.now) continue;
    up ??= controllerManagerUp(s);
    if (!up) return s;
    // The ReplicaSet controller replaces the Pod as soon as it is deleted, not at this command.
    const now = s.now;
    const evicted = evict(s, pod, at);
    s = {
      ...(isUserPod(pod)
        ? reconcileWorkloads({ ...evicted, now: at })
        : reconcileSystemWorkloads({ ...evicted, now: at })),
      now,
    };
  }
  return s;
}
