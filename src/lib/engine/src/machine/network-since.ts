/**
 * When a node's network plugin became ready or stopped being ready: the kubelet's runtime
 * status check (pkg/kubelet/kubelet.go updateRuntimeUp, NetworkReady from the CRI) turns the
 * node's Ready condition False as soon as the CNI configuration is gone and True once it is
 * back. The configuration goes away (or comes back) through a command run on that machine
 * (`rm`, `mv` of /etc/cni/net.d/10-flannel.conflist), so after each command the machine it ran
 * on is compared before and after: one lookup, whatever the size of the cluster.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { getKeyed, setKeyed } from '../model/keyed-map.ts';
import { FLANNEL_CNI_CONF } from './kubelet.ts';

const hasNetwork = (m: Machine): boolean => m.files[FLANNEL_CNI_CONF] !== undefined;

/**
 * `after` with `networkSince` set to `after.now` on `machine` when the command that ran there
 * made its CNI configuration appear or go away (`before` is the state the command started from).
 */
export function recordNetworkChanges(
  before: ClusterState,
  after: ClusterState,
  machine: string | undefined,
): ClusterState {
  if (machine === undefined || before.machines === after.machines) return after;
  const old = getKeyed(before.machines, machine);
  const m = getKeyed(after.machines, machine);
  // A kubelet that was not running yet (kubeadm join writes the configuration as it starts it)
  // reports Ready from its node's registration: nothing changed for it.
  if (!old || !m || old === m || old.kubelet.active !== 'active') return after;
  if (hasNetwork(old) === hasNetwork(m)) return after;
  return {
    ...after,
    machines: setKeyed(after.machines, machine, { ...m, networkSince: after.now }),
  };
}

/**
 * True when a Pod started at `startedAt` on machine `m` still has its sandbox: the network
 * plugin is configured, or its configuration went away after the Pod started (a running Pod
 * keeps its network namespace; only new sandboxes need the plugin).
 */
export function sandboxSurvives(m: Machine, startedAt: number): boolean {
  return hasNetwork(m) || (m.networkSince !== undefined && startedAt < m.networkSince);
}
