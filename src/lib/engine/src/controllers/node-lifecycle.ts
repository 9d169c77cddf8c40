/**
 * The node lifecycle controller's view of heartbeats (pkg/controller/nodelifecycle
 * node_lifecycle_controller.go tryUpdateNodeHealth): a kubelet renews its Lease in
 * kube-node-lease and posts status while it runs; once it stops, the node keeps its last
 * heartbeat, and after --node-monitor-grace-period the controller sets every condition Unknown
 * ("Kubelet stopped posting node status.") and adds the node.kubernetes.io/unreachable taints.
 */
import { controlPlaneNodes, findNode, nodeList } from '../state/nodes.ts';
import type { ClusterState, Machine, NodeObject } from '../model/state.ts';
import { faultsOf } from '../etcd/model.ts';
import { NODE_MONITOR_GRACE_MS } from '../etcd/faults.ts';
import { kubeletReady, type KubeletReady } from '../machine/kubelet-ready.ts';
import { runtimeDownSince } from '../machine/container-runtime.ts';
import { controllerTaint, masterDisruption, nodeLifecycleOf } from './node-lifecycle-record.ts';
import { findMachine } from '../state/machines.ts';
import { cniSince, networkReadyAt } from '../objects/node-network-ready.ts';

/**
 * When the kubelet of node record `n` on machine `m` stopped reporting, or null while it still
 * reports (the lookups done by the caller: nodeObject reads every node of a listing).
 */
export function heartbeatStoppedFor(
  state: ClusterState,
  n: NodeObject,
  m: Machine | undefined,
): number | null {
  if (!m) return n.createdAt;
  let stop = m.kubelet.active !== 'active' ? m.kubelet.since : Infinity;
  for (const f of faultsOf(state))
    if (f.machine === n.machine && (f.kind === 'machine-down' || f.kind === 'kubelet-stopped'))
      stop = Math.min(stop, f.since);
  return stop === Infinity ? null : stop;
}

/** When the node's kubelet last reported, or null while it still reports (machine up, kubelet active). */
export function heartbeatStoppedAt(state: ClusterState, nodeName: string): number | null {
  const n = findNode(state, nodeName);
  return n ? heartbeatStoppedFor(state, n, findMachine(state, n.machine)) : null;
}

/** When the controller marks a node whose heartbeat stopped at `stopped` unreachable, if by `now`. */
export function unreachableAfter(stopped: number | null, now: number): number | null {
  if (stopped === null) return null;
  const since = stopped + NODE_MONITOR_GRACE_MS;
  return now > since ? since : null;
}

/** The node's last heartbeat: now while its kubelet reports, otherwise when it stopped. */
export function lastHeartbeat(state: ClusterState, nodeName: string): number {
  return heartbeatStoppedAt(state, nodeName) ?? state.now;
}

/**
 * When the controller marked the node unreachable (last heartbeat + grace period), or null while
 * the node is healthy or still inside the grace period.
 */
export function unreachableSince(state: ClusterState, nodeName: string): number | null {
  return unreachableAfter(heartbeatStoppedAt(state, nodeName), state.now);
}

/** The node lifecycle controller's NoExecute taint keys (NotReadyTaintTemplate, UnreachableTaintTemplate). */
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
/** See NOT_READY_TAINT. */
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/** What the served Node's conditions say: the kubelet's last report, or the controller's Unknown. */
export interface PostedStatus {
  /** When the controller marked the node unreachable (every condition Unknown), or null. */
  readonly unknownAt: number | null;
  /**
   * The Ready condition the kubelet posted last (null once the node is Unknown); going True
   * waits for the network plugin's configuration, as its NodeReady Event does.
   */
  readonly report: KubeletReady | null;
  /** The conditions' lastHeartbeatTime: the kubelet's last node status report. */
  readonly heartbeat: number;
  /** When the kubelet stopped posting (heartbeatStoppedFor), or null while it posts. */
  readonly stopped: number | null;
}

/** KubeletConfiguration nodeStatusReportFrequency (default 5m). */
export const NODE_STATUS_REPORT_MS = 300_000;

/**
 * What the Node's conditions show at `state.now` (tryUpdateNodeHealth): while its kubelet posts,
 * its report; once it stopped (`systemctl stop kubelet`, a machine down), the conditions it posted
 * last, Ready included, stay as they were until --node-monitor-grace-period has passed since its
 * last heartbeat; then the controller sets every condition Unknown. A Node whose machine is gone
 * is Unknown.
 */
export function postedStatus(
  state: ClusterState,
  n: NodeObject,
  m: Machine | undefined,
): PostedStatus {
  const stopped = heartbeatStoppedFor(state, n, m);
  const last = stopped ?? state.now;
  const marked = unreachableAfter(stopped, state.now);
  const raw = m ? kubeletReady(n, m, last) : null;
  const report =
    raw?.status === 'True'
      ? { ...raw, since: Math.max(raw.since, networkReadyAt(n, m, cniSince(state)) ?? raw.since) }
      : raw;
  const heartbeat = report && m ? statusReportedAt(n, m, report, last) : n.createdAt;
  if (!report || marked !== null)
    return { unknownAt: marked ?? heartbeat, report: null, heartbeat, stopped };
  return { unknownAt: null, report, heartbeat, stopped };
}

/**
 * When the kubelet last patched its node status by `at` (kubelet_node_status.go
 * tryUpdateNodeStatus): it renews its Lease every 10 s, but patches the status, and with it every
 * condition's lastHeartbeatTime, only when the status changed (its start, a Ready transition) or
 * once nodeStatusReportFrequency has passed since the last patch. A stopped kubelet's start is
 * not kept, so its reports count from the node's registration and last transition.
 */
function statusReportedAt(n: NodeObject, m: Machine, report: KubeletReady, at: number): number {
  // An unhealthy PLEG's message counts the seconds since its last relist: every status round
  // changes it, so every round patches.
  if (report.message.includes('pleg was last seen active')) return at;
  const started = m.kubelet.active === 'active' ? m.kubelet.since : n.createdAt;
  const anchor = Math.min(at, Math.max(n.createdAt, started, report.since));
  return anchor + Math.floor((at - anchor) / NODE_STATUS_REPORT_MS) * NODE_STATUS_REPORT_MS;
}

/**
 * The node's Ready condition as served (objects/node-object.ts): what its kubelet posted last
 * (True, or False while it runs without a network plugin or with its container runtime down),
 * Unknown once the controller marked it unreachable or its machine is gone.
 */
export function nodeReadyStatus(
  state: ClusterState,
  nodeName: string,
): 'True' | 'False' | 'Unknown' {
  const n = findNode(state, nodeName);
  if (!n) return 'Unknown';
  return postedStatus(state, n, findMachine(state, n.machine)).report?.status ?? 'Unknown';
}

/**
 * When the kubelet started reporting Ready False (machine/kubelet-ready.ts): the node's
 * registration, the last time its network plugin's configuration went away
 * (machine/network-since.ts), or the time it found the container runtime down.
 */
export function notReadySince(state: ClusterState, nodeName: string): number {
  const n = findNode(state, nodeName);
  const m = n ? findMachine(state, n.machine) : undefined;
  if (!n || !m) return n?.createdAt ?? 0;
  const report = kubeletReady(n, m, state.now);
  return report.status === 'False' ? report.since : Math.max(n.createdAt, m.networkSince ?? 0);
}

/**
 * When the node lifecycle controller marked the node's Pods not Ready (monitorNodeHealth →
 * MarkPodsNotReady on the node's Ready going from True to Unknown or False), or null: the node
 * was marked unreachable, or its kubelet reports the container runtime down (the kubelet then
 * syncs no Pod at all: "Skipping pod synchronization").
 */
export function podsNotReadySince(state: ClusterState, nodeName: string): number | null {
  const lost = unreachableSince(state, nodeName);
  if (lost !== null) return lost;
  const n = findNode(state, nodeName);
  const m = n ? findMachine(state, n.machine) : undefined;
  if (!n || !m || m.kubelet.active !== 'active') return null;
  const down = runtimeDownSince(m, state.now);
  return down === null ? null : Math.max(n.createdAt, down);
}

/**
 * True while no node at all is Ready: handleDisruption's "master disruption mode" ("Controller
 * detected that all Nodes are not-Ready"), in which the controller removes every NoExecute taint
 * (markNodeAsReachable) and stops tainting, so nothing is evicted (a fresh cluster before its
 * network add-on, a single node whose kubelet stopped). The control-plane nodes are asked first,
 * so a healthy cluster answers without looking at its workers.
 */
export function allNodesNotReady(state: ClusterState): boolean {
  if (nodeLifecycleOf(state)) return masterDisruption(state);
  if (controlPlaneNodes(state).some((n) => nodeReadyStatus(state, n.name) === 'True')) return false;
  return !nodeList(state).some((n) => nodeReadyStatus(state, n.name) === 'True');
}

/** The NoExecute taint the node lifecycle controller keeps on a node, with its times. */
export interface NoExecuteTaint {
  /** NOT_READY_TAINT (Ready False) or UNREACHABLE_TAINT (Ready Unknown). */
  readonly key: string;
  /** The taint's timeAdded (a swap adds the new key at the time of the swap). */
  readonly timeAdded: number;
  /**
   * When the node got its first NoExecute taint of this episode: the taint eviction controller
   * keeps a Pod's scheduled eviction across a swap between the two keys (processPodOnNode keeps
   * the earlier trigger time), so tolerationSeconds count from here.
   */
  readonly since: number;
}

/**
 * The node's NoExecute taint (doNoExecuteTaintingPass: not-ready while Ready is False,
 * unreachable once it is Unknown, mutually exclusive, swapped by swapNodeControllerTaint), or
 * null: Ready, still inside the grace period, or every node not Ready (allNodesNotReady).
 */
export function noExecuteTaint(state: ClusterState, nodeName: string): NoExecuteTaint | null {
  // Once the controller keeps its record (controllers/no-execute-tainting.ts): its taint, handed
  // out by the zone's rate-limited queue. A state no command has run on yet derives it.
  if (nodeLifecycleOf(state)) return controllerTaint(state, nodeName) ?? null;
  const status = nodeReadyStatus(state, nodeName);
  if (status === 'True') return null;
  if (status === 'False') {
    if (allNodesNotReady(state)) return null;
    const since = notReadySince(state, nodeName);
    const n = findNode(state, nodeName);
    const m = n ? findMachine(state, n.machine) : undefined;
    // Back from Unknown (kubelet restarted): the not-ready taint replaces the unreachable one now.
    return { key: NOT_READY_TAINT, timeAdded: Math.max(since, m?.kubelet.since ?? 0), since };
  }
  const marked = unreachableSince(state, nodeName);
  if (marked === null || allNodesNotReady(state)) return null;
  const stopped = heartbeatStoppedAt(state, nodeName) ?? marked;
  const n = findNode(state, nodeName);
  const m = n ? findMachine(state, n.machine) : undefined;
  // A node already NotReady (no network plugin) when its heartbeat stopped had the not-ready
  // taint since then; the swap to unreachable keeps that eviction schedule.
  const last = n && m ? kubeletReady(n, m, stopped) : null;
  const wasNotReady = last?.status === 'False';
  const before = last?.since ?? marked;
  return {
    key: UNREACHABLE_TAINT,
    timeAdded: marked,
    since: wasNotReady && before < stopped ? before : marked,
  };
}
