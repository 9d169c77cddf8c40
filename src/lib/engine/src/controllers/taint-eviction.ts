/**
 * The taint eviction controller of kube-controller-manager (pkg/controller/tainteviction/
 * taint_eviction.go, kubernetes commit 003e8629; nodelifecycle/scheduler/taint_manager.go in
 * older releases), run after every command like the other controllers, as a function of the
 * store and the simulated clock.
 *
 * Once the node lifecycle controller has tainted a lost node node.kubernetes.io/unreachable:
 * NoExecute (controllers/node-lifecycle.ts unreachableSince), each Pod bound to it is checked
 * against its tolerations (processPodOnNode): a Pod that does not tolerate the taint is deleted
 * at once; one that tolerates it for tolerationSeconds (300 s from the DefaultTolerationSeconds
 * admission plugin) is deleted when that time has passed; one that tolerates it without a limit
 * (DaemonSet Pods, static Pods' mirror Pods) stays. Deleting means what deletePodHandler does:
 * the DisruptionTarget condition (reason DeletionByTaintManager), then a graceful delete, so the
 * Pod gets deletionTimestamp (eviction time + its 30 s grace period) and shows Terminating; only
 * its kubelet can confirm the deletion, so it stays Terminating while the node is lost, and is
 * gone once the node is back. The Event: TaintManagerEviction "Marking for deletion Pod
 * <namespace>/<name>", from taint-eviction-controller. The node coming back before the toleration
 * ends deletes nothing (the scheduled eviction is cancelled).
 *
 * The controller runs in kube-controller-manager: with every control-plane node lost nothing is
 * evicted. The Pods it looks at are the ones with a full stored spec: the Pods of a reader's
 * workloads (the cluster's own CoreDNS, kube-proxy and flannel Pods are compact records, and
 * the last two tolerate the taint forever anyway).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { controlPlaneNodes } from '../state/nodes.ts';
import { readStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import { deleteGracefully, putObject, removeObject } from '../store/write.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { heartbeatStoppedAt, unreachableSince } from './node-lifecycle.ts';
import { matchingTolerations, type Taint, type Toleration } from './tolerations.ts';
import { reconcileWorkloads } from './workloads.ts';

/** The controller's name: Events' source component (cmd/kube-controller-manager/names). */
const CONTROLLER = 'taint-eviction-controller';
/** A Pod's default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;
const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

type Obj = { readonly [k: string]: Json };

/** What the simulation keeps about a Pod the controller deleted. */
interface Evicted {
  readonly evictedAt?: number;
}

/** When the controller evicts a Pod of a node lost since `since` (null: never). */
function evictionTime(tolerations: readonly Toleration[], since: number): number | null {
  const { all, used } = matchingTolerations([UNREACHABLE], tolerations);
  if (!all) return since;
  // getMinTolerationTime: the smallest tolerationSeconds of the tolerations used; none: forever.
  const seconds = used
    .map((t) => t.tolerationSeconds)
    .filter((s): s is number => typeof s === 'number');
  if (seconds.length === 0) return null;
  return since + Math.max(0, Math.min(...seconds)) * 1000;
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
 * Runs the taint eviction controller once: evicts the Pods of lost nodes whose toleration has
 * run out, and lets the kubelet of a node that is back finish their deletion. The same state
 * when there is nothing to do.
 */
export function evictTaintedPods(state: ClusterState): ClusterState {
  const store = state.cluster?.objects;
  const keys = indexedKeys(store?.indexes, 'pods/user', 'user');
  if (keys.length === 0) return state;
  let s = state;
  let up: boolean | undefined;
  for (const key of keys) {
    const [ns = '', name = ''] = key.split('/');
    const pod = readStored(s.cluster?.objects, 'pods', ns, name);
    const node = (pod?.['spec'] as Obj | undefined)?.['nodeName'];
    if (!pod || typeof node !== 'string') continue;
    const since = unreachableSince(s, node);
    if (podEvictedAt(pod) !== undefined) {
      // The node's kubelet is back: it stops the containers and the Pod is gone.
      if (since === null && heartbeatStoppedAt(s, node) === null)
        s = removeObject(s, 'pods', ns, name);
      continue;
    }
    if (since === null || pod.metadata.deletionTimestamp !== undefined) continue;
    const tolerations = ((pod['spec'] as Obj)['tolerations'] ?? []) as readonly Toleration[];
    const at = evictionTime(tolerations, since);
    if (at === null || at > s.now) continue;
    up ??= controllerManagerUp(s);
    if (!up) return s;
    // The ReplicaSet controller replaces the Pod as soon as it is deleted, not at this command.
    const now = s.now;
    s = { ...reconcileWorkloads({ ...evict(s, pod, at), now: at }), now };
  }
  return s;
}
