/**
 * Lookups many commands make on the Node objects without scanning every node on every call: the
 * control-plane nodes (computed once per nodes record: state is immutable, so a record seen before
 * has the same answer, and a write makes a new record) and the node of a machine (by name first:
 * kubeadm names the node after the host unless told otherwise). Every kubectl command asks for the
 * running apiservers and etcd members (control planes): with 5,000 nodes, scanning them on every
 * call dominated a rolling upgrade.
 *
 * The cache is a WeakMap keyed by the record itself: nothing observable, nothing kept alive.
 * When the Node objects move to another storage, this is the one place to adapt.
 */
import type { Cluster, NodeObject } from '../model/state.ts';

const controlPlanes = new WeakMap<object, readonly NodeObject[]>();

/** The control-plane nodes, in the nodes record's order (sort a copy where order matters). */
export function controlPlaneNodeList(cluster: Cluster | null): readonly NodeObject[] {
  if (!cluster) return [];
  const hit = controlPlanes.get(cluster.nodes);
  if (hit) return hit;
  const list = Object.values(cluster.nodes).filter((n) => n.controlPlane);
  controlPlanes.set(cluster.nodes, list);
  return list;
}

/**
 * The node `machine` registered. A machine's kubelet registers one node, named after the host
 * unless `--node-name` said otherwise, so the node of that name answers without a scan; another
 * name falls back to looking at every node.
 */
export function nodeOfMachine(cluster: Cluster | null, machine: string): NodeObject | undefined {
  if (!cluster) return undefined;
  const named = cluster.nodes[machine];
  if (named?.machine === machine) return named;
  return Object.values(cluster.nodes).find((n) => n.machine === machine);
}
