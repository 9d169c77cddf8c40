/**
 * Pod IPs as flannel's CNI plugin hands them out on a node: the bridge plugin's host-local IPAM
 * (containernetworking/plugins plugins/ipam/host-local/backend/allocator/allocator.go Get,
 * GetIter) allocates from the node's podCIDR, skipping the network address, the gateway (.1,
 * the bridge cni0) and the broadcast address, starting after the last address it reserved
 * (kept in /var/lib/cni/networks/cbr0/last_reserved_ip.0 on the node, "cbr0" being the network
 * name of kube-flannel.yml's cni-conf.json), wrapping around at the end of the range, and never
 * handing out an address a Pod on the node still holds. So a new Pod gets the next address even
 * after an older one was freed, and no two Pods of a node ever share one (CoreDNS's included).
 *
 * A Pod's address is pinned when it is bound to its node (`ipHost`: the offset in the node's
 * range, on the compact record of the cluster's own Pods and in a reader's Pod's simulator
 * record); Pods of states saved before that keep the address derived from their place among
 * the node's Pods, and those addresses count as held.
 */
import type { ClusterState } from '../model/state.ts';
import { findNode } from '../state/nodes.ts';
import { findMachine, putMachine } from '../state/machines.ts';
import { readByKey } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { isUserPod } from '../workloads/user-pod-mark.ts';
import { intToIp, parseIpv4Cidr } from './cidr-set.ts';
import { nodePodCidr } from './node-ipam.ts';

/** host-local's record of the last address it reserved on the node. */
export const LAST_RESERVED_IP = '/var/lib/cni/networks/cbr0/last_reserved_ip.0';

type Obj = { readonly [k: string]: Json };

interface Sim {
  readonly createdAt?: number;
  readonly ipHost?: number;
}

const simOf = (o: ApiObject): Sim => (o['simulator'] ?? {}) as Sim;

/** True for a Pod on the pod network (not hostNetwork): CoreDNS's and a reader's Pods. */
function onPodNetwork(o: ApiObject): boolean {
  const spec = (o['spec'] ?? {}) as Obj;
  if (isUserPod(o)) return spec['hostNetwork'] !== true;
  const first = (spec['containers'] as readonly Obj[] | undefined)?.[0]?.['name'];
  return first === 'coredns';
}

/**
 * The offsets held on `node`: every pod-network Pod's pinned one; a Pod without one (a state
 * saved before pinning) holds what its place by age gives it (CoreDNS first, then readers' Pods).
 */
export function heldHosts(state: ClusterState, node: string): Set<number> {
  const store = state.cluster?.objects;
  const pods = indexedKeys(store?.indexes, 'pods/spec.nodeName', node)
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined && onPodNetwork(o));
  const byAge = (a: ApiObject, b: ApiObject): number =>
    (simOf(a).createdAt ?? 0) - (simOf(b).createdAt ?? 0);
  const dns = pods.filter((o) => !isUserPod(o)).sort(byAge);
  const users = pods.filter(isUserPod).sort(byAge);
  const held = new Set<number>();
  dns.forEach((o, i) => held.add(simOf(o).ipHost ?? i + 2));
  users.forEach((o, i) => held.add(simOf(o).ipHost ?? dns.length + i + 2));
  return held;
}

/**
 * The next address host-local reserves on `node` (its offset in the node's range) and the state
 * with its last_reserved_ip.0 updated; null when the node has no range or every address is held.
 */
export function reservePodIp(
  state: ClusterState,
  node: string,
): { readonly state: ClusterState; readonly host: number } | null {
  const range = nodePodCidr(state, node);
  const cidr = range ? parseIpv4Cidr(range) : null;
  const n = findNode(state, node);
  const m = n ? findMachine(state, n.machine) : undefined;
  if (!cidr || !m) return null;
  const size = 2 ** (32 - cidr.bits);
  const first = 2;
  const last = size - 2;
  if (last < first) return null;
  const lastIp = m.files[LAST_RESERVED_IP];
  const lastHost = lastIp ? ipOffset(lastIp, cidr.base, size) : null;
  const held = heldHosts(state, node);
  let host = lastHost !== null && lastHost >= first && lastHost < last ? lastHost + 1 : first;
  for (let tries = 0; tries <= last - first; tries++) {
    if (!held.has(host)) {
      const files = { ...m.files, [LAST_RESERVED_IP]: intToIp(cidr.base + host) };
      return { state: putMachine(state, { ...m, files }), host };
    }
    host = host >= last ? first : host + 1;
  }
  return null;
}

/** The offset of `ip` in the range starting at `base` of `size` addresses, or null outside it. */
function ipOffset(ip: string, base: number, size: number): number | null {
  const parts = ip.trim().split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    return null;
  const value = parts.reduce((a, p) => a * 256 + p, 0);
  const offset = value - base;
  return offset >= 0 && offset < size ? offset : null;
}
