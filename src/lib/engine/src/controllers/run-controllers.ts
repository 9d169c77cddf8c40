/**
 * The controllers that run after every command, in order: the kubelet's NetworkReady first
 * (machine/network-since.ts: the node lifecycle and taint eviction controllers read when a node
 * went NotReady), the node lifecycle controller's NoExecute tainting (no-execute-tainting.ts:
 * zone disruption, rate-limited taint queues), the taint eviction controller
 * (controllers/taint-eviction.ts) so evicted Pods are replaced in the same step, the kubelets
 * deleting the Pods whose containers have stopped (workloads/pod-deletion.ts), the controllers of
 * a reader's workloads and of the cluster's own (workloads.ts, system-workloads.ts,
 * statefulsets.ts, pvc-binding.ts, daemonsets.ts, jobs.ts, cronjobs.ts), ClusterRole
 * aggregation, the disruption controller (disruption.ts), which counts the Pods the others left,
 * the writers of the configuration's objects (publishers.ts), and last the Leases' holders
 * (lease-holders.ts), whose renewals follow every write. A command that steps through time on its
 * own (kubectl drain's retries) runs them between its steps, as a real cluster's controllers run
 * while a client waits.
 */
import type { ClusterState } from '../model/state.ts';
import { recordNetworkChanges } from '../machine/network-since.ts';
import { reconcileClusterRoleAggregation } from './clusterrole-aggregation.ts';
import { reconcileCronJobs } from './cronjobs.ts';
import { reconcileDaemonSets } from './daemonsets.ts';
import { reconcileDisruptionBudgets } from './disruption.ts';
import { reconcileJobs } from './jobs.ts';
import { reconcileSystemWorkloads } from './system-workloads.ts';
import { evictTaintedPods } from './taint-eviction.ts';
import { reconcileNodeTainting } from './no-execute-tainting.ts';
import { reconcileWorkloads } from './workloads.ts';
import { reconcileStatefulSets } from './statefulsets.ts';
import { reconcileClaimBinding } from './pvc-binding.ts';
import { keepLeases } from './lease-holders.ts';
import { publishObjects } from './publishers.ts';
import { finishPodTermination } from '../workloads/pod-deletion.ts';

/** The controllers after the node lifecycle's tainting, in the order they run. */
const STEPS: readonly ((s: ClusterState) => ClusterState)[] = [
  evictTaintedPods,
  finishPodTermination,
  reconcileCronJobs,
  reconcileJobs,
  reconcileWorkloads,
  reconcileSystemWorkloads,
  reconcileStatefulSets,
  reconcileClaimBinding,
  reconcileDaemonSets,
  reconcileClusterRoleAggregation,
  reconcileDisruptionBudgets,
];

/**
 * `after` once every controller has caught up with it; `before` is the state the change started
 * from and `machine` the machine the command ran on, if any (for the kubelet's network check).
 */
export function runControllers(
  before: ClusterState,
  after: ClusterState,
  machine?: string,
): ClusterState {
  let s = reconcileNodeTainting(before, recordNetworkChanges(before, after, machine));
  for (const step of STEPS) s = step(s);
  return keepLeases(before, publishObjects(before, s), machine);
}
