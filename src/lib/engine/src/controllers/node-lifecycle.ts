/**
 * The node lifecycle controller's view of heartbeats (pkg/controller/nodelifecycle
 * node_lifecycle_controller.go tryUpdateNodeHealth): a kubelet renews its Lease in
 * kube-node-lease and posts status while it runs; once it stops, the node keeps its last
 * heartbeat, and after --node-monitor-grace-period the controller sets every condition Unknown
 * ("Kubelet stopped posting node status.") and adds the node.kubernetes.io/unreachable taints.
 */
import type { ClusterState } from '../model/state.ts';
import { faultsOf } from '../etcd/model.ts';
import { NODE_MONITOR_GRACE_MS } from '../etcd/faults.ts';
import { findMachine } from '../state/machines.ts';

/** When the node's kubelet last reported, or null while it still reports (machine up, kubelet active). */
export function heartbeatStoppedAt(state: ClusterState, nodeName: string): number | null {
  const nodes = state.cluster?.nodes;
  const n = nodes && Object.hasOwn(nodes, nodeName) ? nodes[nodeName] : undefined;
  if (!n) return null;
  const m = findMachine(state, n.machine);
  const fault = faultsOf(state)
    .filter(
      (f) => f.machine === n.machine && (f.kind === 'machine-down' || f.kind === 'kubelet-stopped'),
    )
    .map((f) => f.since);
  const stops = [...fault, ...(m && m.kubelet.active !== 'active' ? [m.kubelet.since] : [])];
  if (!m) return n.createdAt;
  return stops.length > 0 ? Math.min(...stops) : null;
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
  const stopped = heartbeatStoppedAt(state, nodeName);
  if (stopped === null) return null;
  const since = stopped + NODE_MONITOR_GRACE_MS;
  return state.now > since ? since : null;
}
