/**
 * The kubelet reports its own version in Node.status.nodeInfo.kubeletVersion when it starts, so
 * `kubectl get nodes` VERSION changes only after the upgraded kubelet binary is restarted
 * (kubernetes/website kubeadm-upgrade.md: "Restart the kubelet"). Installing the package alone
 * leaves the running process - and the reported version - unchanged in this simulator.
 */
import { putNode } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import { findMachine } from '../state/machines.ts';
import { nodeOfMachine } from '../views/node-index.ts';

/** The state after the kubelet on `machine` (re)started and re-posted its node status. */
export function reportKubeletVersion(state: ClusterState, machine: string): ClusterState {
  const c = state.cluster;
  const m = findMachine(state, machine);
  if (!c || !m || m.kubelet.active !== 'active' || !m.packages.kubelet) return state;
  const node = nodeOfMachine(c, machine);
  const version = `v${m.packages.kubelet.version}`;
  if (!node || node.kubeletVersion === version) return state;
  return putNode(state, { ...node, kubeletVersion: version });
}
