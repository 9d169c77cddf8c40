/**
 * kube-scheduler for a reader's Pods: a pending Pod goes to a node that is schedulable, matches
 * its nodeSelector and whose NoSchedule/NoExecute taints it tolerates (the served Node's taints,
 * so kubeadm's control-plane taint, `kubectl taint` and the node lifecycle controller's
 * not-ready/unreachable/unschedulable taints all count) and has room for its requests and one
 * more Pod (NodeResourcesFit against the node's allocatable, after every bound Pod's requests);
 * among those, the one running the fewest Pods (a rough stand-in for the resource scores), then
 * by name. A Pod no node fits
 * stays Pending with the FailedScheduling message the scheduler writes into its PodScheduled
 * condition.
 *
 * upstream (v1.32): pkg/scheduler/framework/plugins/nodeunschedulable ("node(s) were
 * unschedulable"), tainttoleration ("node(s) had untolerated taint {%s: %s}"), nodeaffinity
 * ("node(s) didn't match Pod's node affinity/selector"), pkg/scheduler/framework/types.go
 * (FitError.Error: "0/%v nodes are available: %v." with reasons sorted, then the preemption
 * message "preemption: 0/%v nodes are available: %v Preemption is not helpful for scheduling."),
 * k8s.io/api/core/v1 toleration.go (ToleratesTaint), volumebinding's PreFilter ("pod has unbound
 * immediate PersistentVolumeClaims", FitError's PreFilterMsg).
 */
import type { ClusterState } from '../model/state.ts';
import { nodeObject } from '../objects/node-object.ts';
import { nodeList } from '../state/nodes.ts';
import { podRecord } from '../state/pods.ts';
import { readByKey, readStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import { isUserPod } from '../workloads/user-pod-mark.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { tolerates, type Taint, type Toleration } from './tolerations.ts';
import { reservePodIp } from './pod-ips.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { servedUserPod, userPodSim } from '../workloads/user-pods.ts';
import { isJobPod } from '../workloads/job-pod-run.ts';
import { POD_RESOURCES } from '../objects/pod-object.ts';
import {
  insufficient,
  nodeAllocatable,
  type Allocatable,
  podRequests,
  usageOf,
  withPod,
  type NodeUsage,
} from './resource-fit.ts';

type Obj = { readonly [k: string]: Json };

/** Why `node` (as the API serves it) cannot take the Pod (the first failing filter), or null. */
export function nodeRejects(pod: ApiObject, node: Obj): string | null {
  const podSpec = (pod['spec'] ?? {}) as Obj;
  const tolerations = (podSpec['tolerations'] ?? []) as readonly Toleration[];
  const nodeSpec = (node['spec'] ?? {}) as Obj;
  const taints = (nodeSpec['taints'] ?? []) as readonly Taint[];
  const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if (
    nodeSpec['unschedulable'] === true &&
    !tolerations.some((t) => tolerates(t, unschedulableTaint))
  )
    return 'node(s) were unschedulable';
  const selector = (podSpec['nodeSelector'] ?? {}) as Record<string, string>;
  const labels = ((node['metadata'] as Obj)['labels'] ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v))
    return "node(s) didn't match Pod's node affinity/selector";
  const bad = taints.find(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerations.some((x) => tolerates(x, t)),
  );
  return bad ? `node(s) had untolerated taint {${bad.key}: ${bad.value ?? ''}}` : null;
}

/**
 * The VolumeBinding plugin's PreFilter (pkg/scheduler/framework/plugins/volumebinding/
 * volume_binding.go, binder.go GetPodVolumeClaims): a claim that does not exist or is being
 * deleted, or one not bound to a volume (no StorageClass binds it later: the simulator has no
 * provisioner, so every claim binds immediately or never), rejects the Pod on every node; null
 * when its claims are bound or it has none.
 */
function volumeBindingRejects(state: ClusterState, pod: ApiObject): string | null {
  const ns = pod.metadata.namespace ?? 'default';
  const volumes = (((pod['spec'] ?? {}) as Obj)['volumes'] ?? []) as readonly Obj[];
  let unbound = false;
  for (const v of volumes) {
    const claim = ((v['persistentVolumeClaim'] ?? {}) as Obj)['claimName'];
    if (typeof claim !== 'string') continue;
    const pvc = readStored(state.cluster?.objects, 'persistentvolumeclaims', ns, claim);
    if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
    if (pvc.metadata.deletionTimestamp !== undefined)
      return `persistentvolumeclaim "${claim}" is being deleted`;
    const volume = ((pvc['spec'] ?? {}) as Obj)['volumeName'];
    if (typeof volume !== 'string' || volume === '') unbound = true;
  }
  return unbound ? 'pod has unbound immediate PersistentVolumeClaims' : null;
}

/** Why one node was filtered out: its reasons, and whether preemption could change that. */
interface NodeVerdict {
  readonly reasons: readonly string[];
  /** UnschedulableAndUnresolvable (taints, selector, cordon) rather than Unschedulable. */
  readonly unresolvable: boolean;
}

/** "N reason" parts sorted as strings (FitError.Error's sortReasonsHistogram). */
function histogram(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/**
 * FitError's message: every node's reasons, then the preemption PostFilter's: a node filtered
 * out by an unresolvable plugin is "not helpful"; one short of resources has no victims, as
 * every Pod it runs has at least the incoming Pod's priority (user Pods run at priority 0, the
 * system's at system-node-critical or system-cluster-critical; higher-priority user Pods that
 * would preempt are not simulated).
 */
function fitError(verdicts: readonly NodeVerdict[]): string {
  const n = verdicts.length;
  const filters = histogram(verdicts.flatMap((v) => v.reasons));
  const preemption = histogram(
    verdicts.map((v) =>
      v.unresolvable
        ? 'Preemption is not helpful for scheduling'
        : 'No preemption victims found for incoming pod',
    ),
  );
  return `0/${n} nodes are available: ${filters}. preemption: 0/${n} nodes are available: ${preemption}.`;
}

/** Usage of the Pods bound to a node, by the index entry that lists them (see boundUsage). */
const usageByPods = new WeakMap<readonly string[], NodeUsage>();

/**
 * What the Pods bound to `node` request (NodeResourcesFit's NodeInfo.Requested, and their
 * count): the cluster's own Pods by their app's requests, a reader's by their spec, finished Job
 * Pods left out (the scheduler's cache drops terminal Pods). Read from the `pods/spec.nodeName`
 * index and remembered per index entry, which the store replaces whenever a Pod is bound to the
 * node or leaves it (a bound Pod's requests do not change): scheduling one Pod reads each node's
 * entry, not every Pod. A node with Job Pods is summed afresh (they finish as time passes).
 */
function boundUsage(state: ClusterState, node: string): NodeUsage {
  const store = state.cluster?.objects;
  const keys = indexedKeys(store?.indexes, 'pods/spec.nodeName', node);
  const hit = usageByPods.get(keys);
  if (hit) return hit;
  let usage = usageOf([]);
  let lasting = true;
  for (const key of keys) {
    const o = readByKey(store, 'pods', key);
    if (!o) continue;
    if (!isUserPod(o)) {
      const resources = POD_RESOURCES[podRecord(o).app] as Obj;
      usage = withPod(usage, podRequests({ containers: [{ resources }] }));
      continue;
    }
    if (isJobPod(o)) {
      lasting = false;
      if (terminal(state, o)) continue;
    }
    usage = withPod(usage, podRequests((o['spec'] ?? {}) as Obj));
  }
  if (lasting && keys.length > 0) usageByPods.set(keys, usage);
  return usage;
}

/** A finished Job Pod: the scheduler's cache drops terminal Pods. */
function terminal(state: ClusterState, p: ApiObject): boolean {
  if (!isJobPod(p)) return false;
  const phase = ((servedUserPod(state, p)['status'] ?? {}) as Obj)['phase'];
  return phase === 'Succeeded' || phase === 'Failed';
}

const keyOf = (o: ApiObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** A reader's Pods no node is bound to yet (the `pods/pending` index), oldest first. */
function pendingUserPods(state: ClusterState): ApiObject[] {
  const store = state.cluster?.objects;
  return indexedKeys(store?.indexes, 'pods/pending', 'pending')
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined)
    .sort(
      (a, b) => userPodSim(a).createdAt - userPodSim(b).createdAt || (keyOf(a) < keyOf(b) ? -1 : 1),
    );
}

/** A node as one scheduling pass sees it: served once, its allocatable parsed once. */
interface PassNode {
  readonly name: string;
  readonly object: Obj;
  allocatable?: Allocatable;
}

/**
 * Binds every pending user Pod it can; records why for the others. The pending Pods come from
 * the store's `pods/pending` index and each node's usage from its bound Pods' index entry
 * (boundUsage), so one pass costs the nodes it filters, not every Pod of the cluster.
 */
export function schedulePods(state: ClusterState): ClusterState {
  const pending = pendingUserPods(state);
  if (pending.length === 0) return state;
  const nodes: PassNode[] = nodeList(state).map((n) => ({
    name: n.name,
    object: nodeObject(state, n.name) as unknown as Obj,
  }));
  // Pods bound in this pass, on top of what the store had when it started.
  const usage = new Map<string, NodeUsage>();
  const used = (n: string): NodeUsage => usage.get(n) ?? boundUsage(state, n);
  let s = state;
  for (const pod of pending) {
    const verdicts: NodeVerdict[] = [];
    const fits: string[] = [];
    const requests = podRequests((pod['spec'] ?? {}) as Obj);
    // A PreFilter rejection: FitError keeps its message, every node UnschedulableAndUnresolvable.
    const preFilter = volumeBindingRejects(s, pod);
    for (const node of preFilter === null ? nodes : []) {
      const why = nodeRejects(pod, node.object);
      // NodeResourcesFit runs after the unresolvable filters (default_plugins.go order).
      if (why === null) node.allocatable ??= nodeAllocatable(node.object);
      const short =
        why === null && node.allocatable
          ? insufficient(requests, node.allocatable, used(node.name))
          : [];
      if (why === null && short.length === 0) fits.push(node.name);
      else
        verdicts.push(
          why !== null
            ? { reasons: [why], unresolvable: true }
            : { reasons: short, unresolvable: false },
        );
    }
    const sim = userPodSim(pod);
    if (fits.length === 0) {
      const message =
        nodes.length === 0
          ? 'no nodes available to schedule pods'
          : preFilter !== null
            ? `0/${nodes.length} nodes are available: ${preFilter}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`
            : fitError(verdicts);
      if (sim.unschedulable !== message) {
        s = putObject(s, 'pods', {
          ...pod,
          simulator: { ...sim, unschedulable: message },
        });
        s = recordEvent(s, {
          object: pod,
          reason: 'FailedScheduling',
          message,
          component: 'default-scheduler',
          type: 'Warning',
        });
      }
      continue;
    }
    // The fewest bound Pods, then the first name: one pass over the fits.
    let best = '';
    let least = Infinity;
    for (const n of fits) {
      const pods = used(n).pods;
      if (pods < least || (pods === least && n < best)) [best, least] = [n, pods];
    }
    usage.set(best, withPod(used(best), requests));
    const { unschedulable: _gone, ...rest } = sim;
    // host-local reserves the Pod's address on its node (controllers/pod-ips.ts).
    const ip = ((pod['spec'] ?? {}) as Obj)['hostNetwork'] === true ? null : reservePodIp(s, best);
    s = putObject(ip?.state ?? s, 'pods', {
      ...pod,
      spec: { ...((pod['spec'] ?? {}) as Obj), nodeName: best },
      simulator: { ...rest, scheduledAt: s.now, ...(ip ? { ipHost: ip.host } : {}) },
    });
    s = recordEvent(s, {
      object: pod,
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${best}`,
      component: 'default-scheduler',
    });
  }
  return s;
}
