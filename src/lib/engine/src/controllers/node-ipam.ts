/**
 * The node IPAM controller (pkg/controller/nodeipam, range allocator): with
 * --allocate-node-cidrs it gives every node a /24 of --cluster-cidr (node-cidr-mask-size 24) in
 * spec.podCIDR/podCIDRs. kubeadm passes both flags only when init got a pod network CIDR
 * (cmd/kubeadm/app/phases/controlplane/manifests.go getControllerManagerCommand); without one
 * nodes get no podCIDR. Ranges are handed out in the order of the node list.
 */
import { nodeList } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';

const positions = new WeakMap<object, ReadonlyMap<string, number>>();

/** The node's place in the node list, from a map built once per list (lists are cached). */
function positionOf(state: ClusterState, name: string): number {
  const list = nodeList(state);
  let map = positions.get(list);
  if (!map) {
    map = new Map(list.map((n, i) => [n.name, i]));
    positions.set(list, map);
  }
  return map.get(name) ?? -1;
}

/**
 * spec.podCIDR of a node, or null when the cluster has no pod network CIDR (or no such node).
 * `position` (the node's place in name order) spares a sort when the caller already knows it.
 */
export function nodePodCidr(state: ClusterState, name: string, position?: number): string | null {
  const c = state.cluster;
  if (!c?.podSubnet) return null;
  const base = c.podSubnet.split('.').slice(0, 2).join('.');
  const index = position ?? positionOf(state, name);
  return index < 0 ? null : `${base}.${index}.0/24`;
}
