/**
 * When a node's kubelet first posted Ready once its network plugin was configured (the NodeReady
 * Event it records and its Ready condition's lastTransitionTime: setters.go ReadyCondition and
 * recordNodeStatusEvent fire together). The kubelet reports the CRI's NetworkReady false until
 * flannel's install-cni init container has written the CNI configuration on the node.
 */
import type { ClusterState, Machine, NodeObject } from '../model/state.ts';
import { FLANNEL_CNI_CONF } from '../machine/kubelet.ts';
import { findNamespace } from '../state/namespaces.ts';

/** The namespace of kube-flannel.yml's DaemonSet. */
export const FLANNEL_NAMESPACE = 'kube-flannel';

/** When flannel's manifest was applied (its namespace), if it was. */
export function cniSince(state: ClusterState): number | undefined {
  return state.cluster?.cni === 'flannel'
    ? findNamespace(state, FLANNEL_NAMESPACE)?.createdAt
    : undefined;
}

/**
 * When node `n` went Ready with its network plugin: its registration plus the kubelet's first
 * status round (5 s), the manifest's arrival, or the configuration's last return
 * (machine/network-since.ts), whichever came last; null while it has no CNI configuration.
 */
export function networkReadyAt(
  n: NodeObject,
  m: Machine | undefined,
  cni: number | undefined,
): number | null {
  if (!m || m.files[FLANNEL_CNI_CONF] === undefined || cni === undefined) return null;
  return Math.max(n.createdAt + 5, cni, m.networkSince ?? 0);
}
