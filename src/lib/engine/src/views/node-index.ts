/**
 * Lookups many commands make on the Node objects without scanning every node on every call: the
 * control-plane nodes (from the object store's role index, store/indexes.ts) and the node of a
 * machine (by name first: kubeadm names the node after the host unless told otherwise). Every
 * kubectl command asks for the running apiservers and etcd members (control planes): with 5,000
 * nodes, scanning them on every call dominated a rolling upgrade.
 */
import type { Cluster, NodeObject } from '../model/state.ts';
import { controlPlaneNodes, findNode, nodeList } from '../state/nodes.ts';

/** The control-plane nodes, sorted by name. */
export function controlPlaneNodeList(cluster: Cluster | null): readonly NodeObject[] {
  return cluster ? controlPlaneNodes({ cluster }) : [];
}

/**
 * The node `machine` registered. A machine's kubelet registers one node, named after the host
 * unless `--node-name` said otherwise, so the node of that name answers without a scan; another
 * name falls back to looking at every node.
 */
export function nodeOfMachine(cluster: Cluster | null, machine: string): NodeObject | undefined {
  if (!cluster) return undefined;
  const named = findNode({ cluster }, machine);
  if (named?.machine === machine) return named;
  return nodeList({ cluster }).find((n) => n.machine === machine);
}
