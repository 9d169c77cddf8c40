/**
 * What flannel's agent does with a node's pod range (flannel pkg/subnet/kube/kube.go
 * AcquireLease, kube-subnet-mgr mode): it needs the node's spec.podCIDR, assigned by the node
 * IPAM controller only when kube-controller-manager runs with --allocate-node-cidrs (kubeadm
 * sets it when init got --pod-network-cidr), and that range must lie inside the Network of its
 * net-conf.json (10.244.0.0/16 in the release manifest). Otherwise flanneld exits with
 * "Error registering network: failed to acquire lease: …" and its Pod crash-loops; the node
 * still goes Ready (the install-cni init container wrote the CNI config first), but Pods that
 * need the pod network stay ContainerCreating.
 */
import type { ClusterState } from '../model/state.ts';
import { nodePodCidr } from './node-ipam.ts';
import { systemPodOnNode } from '../state/pods.ts';
import { heartbeatStoppedAt } from './node-lifecycle.ts';
import { FLANNEL_NAMESPACE } from '../objects/node-network-ready.ts';

/** The Network of kube-flannel.yml's net-conf.json. */
export const FLANNEL_NETWORK = '10.244.0.0/16';

function toInt(ip: string): number {
  return ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
}

/** True when CIDR `inner` lies inside CIDR `outer` (IPv4). */
export function cidrContains(outer: string, inner: string): boolean {
  const [oip = '', obits = '32'] = outer.split('/');
  const [iip = '', ibits = '32'] = inner.split('/');
  const o = Number(obits);
  if (Number(ibits) < o) return false;
  const size = 2 ** (32 - o);
  return Math.floor(toInt(oip) / size) === Math.floor(toInt(iip) / size);
}

/** Why flannel's agent cannot start on `node`, in its own words, or null when it can. */
export function flannelLeaseError(state: ClusterState, node: string): string | null {
  const cidr = nodePodCidr(state, node);
  if (cidr === null) return `failed to acquire lease: node "${node}" pod cidr not assigned`;
  if (!cidrContains(FLANNEL_NETWORK, cidr))
    return `failed to acquire lease: subnet "${FLANNEL_NETWORK}" specified in the flannel net config doesn't contain "${cidr}" PodCIDR of the "${node}" node`;
  return null;
}

/**
 * When flannel's agent on `node` acquired its lease and patched the Node's NetworkUnavailable
 * condition False (kube.go CompleteLease, --set-node-network-unavailable defaulting to true:
 * reason FlannelIsUp, "Flannel is running on this node", both times the moment it came up), or
 * null: no flannel Pod on the node, its agent cannot get a lease (it exits before
 * CompleteLease), or its kubelet was gone before the Pod could start (`stopped`: when it stopped
 * posting, for a caller that has it at hand). Nothing sets the condition
 * back: it stays False when flannel or the kubelet stops later.
 */
export function flannelUpAt(
  state: ClusterState,
  node: string,
  stopped: number | null = heartbeatStoppedAt(state, node),
): number | null {
  if (state.cluster?.cni !== 'flannel') return null;
  const pod = systemPodOnNode(state, node, FLANNEL_NAMESPACE, 'kube-flannel');
  if (!pod || flannelLeaseError(state, node) !== null) return null;
  return stopped !== null && stopped < pod.createdAt ? null : pod.createdAt;
}

/**
 * Restarts of a crash-looping container `elapsedMs` after its Pod started, and when the last one
 * was: the kubelet's back-off doubles from 10s up to 5 minutes (pkg/kubelet/kuberuntime,
 * MaxContainerBackOff); each run lasts about a second before the process exits.
 */
export function crashLoop(elapsedMs: number): { restarts: number; lastStartMs: number } {
  const RUN = 1000;
  const CAP = 300_000;
  let start = 0;
  let restarts = 0;
  // Doubling phase: 10s, 20s, … until the cap; then one restart every RUN + CAP.
  for (let delay = 10_000; delay < CAP; delay *= 2) {
    if (start + RUN + delay > elapsedMs) return { restarts, lastStartMs: start };
    start += RUN + delay;
    restarts++;
  }
  const more = Math.floor((elapsedMs - start) / (RUN + CAP));
  return { restarts: restarts + more, lastStartMs: start + more * (RUN + CAP) };
}
