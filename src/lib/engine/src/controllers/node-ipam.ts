/**
 * The node IPAM controller's range allocator (pkg/controller/nodeipam/ipam/range_allocator.go,
 * cidrset/cidr_set.go; kubernetes commit 283f41fe): with --allocate-node-cidrs, a Node that
 * registers without spec.podCIDRs gets the next free node subnet of --cluster-cidr
 * (AllocateNext: the first unused index from `nextCandidate` on, wrapping around), patched into
 * spec.podCIDR/podCIDRs, and keeps it for its whole life; a deleted Node releases it
 * (ReleaseCIDR). Subnets the Service CIDR overlaps are never handed out (filterOutServiceRange).
 * When every subnet is taken the Node gets none, and the allocator records the Warning Event
 * CIDRNotAvailable (objects/events.ts). kubeadm passes --allocate-node-cidrs and --cluster-cidr
 * only when init got a pod network CIDR (cmd/kubeadm/app/phases/controlplane/manifests.go
 * getControllerManagerCommand), so without one no node gets a podCIDR.
 *
 * The allocator's own memory (nextCandidate and the count of used subnets) lives in
 * `cluster.nodeIpam`; which subnets are used comes from the store's podCIDR index, so one
 * allocation costs the same at 5 nodes and at 5,000. The real controller retries a Node that
 * got no subnet with back-off (up to 1000 s between tries) and at each update of the Node,
 * recording CIDRNotAvailable each time (controllers/cidr-retries.ts, the Event's count);
 * simplification: it gives the Node a subnet at its next try after another Node is deleted,
 * here at the deletion.
 */
import type { Cluster, ClusterState } from '../model/state.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import { putObject } from '../store/write.ts';
import type { ApiObject, Json } from '../store/types.ts';
import {
  overlappedSubnets,
  parseIpv4Cidr,
  subnetAt,
  subnetCount,
  type Ipv4Cidr,
} from './cidr-set.ts';

/** The allocator's memory: cidr_set.go nextCandidate and allocatedCIDRs (Service range excluded). */
type NodeIpamState = NonNullable<Cluster['nodeIpam']>;

type Spec = { readonly [k: string]: Json };

function specOf(o: ApiObject | undefined): Spec | undefined {
  return o?.['spec'] as Spec | undefined;
}

/** spec.podCIDR of the Node named `name`, or null when it has none (or there is no such Node). */
export function nodePodCidr(state: Pick<ClusterState, 'cluster'>, name: string): string | null {
  const cidr = specOf(readStored(state.cluster?.objects, 'nodes', null, name))?.['podCIDR'];
  return typeof cidr === 'string' && cidr !== '' ? cidr : null;
}

interface Range {
  readonly cluster: Ipv4Cidr;
  readonly max: number;
  /** Subnets the Service CIDR takes: [from, to). */
  readonly reserved: readonly [number, number];
}

function rangeOf(c: Cluster): Range | null {
  const cluster = c.podSubnet ? parseIpv4Cidr(c.podSubnet) : null;
  if (!cluster) return null;
  const service = parseIpv4Cidr(c.serviceSubnet);
  return {
    cluster,
    max: subnetCount(cluster),
    reserved: service ? overlappedSubnets(cluster, service) : [0, 0],
  };
}

function used(state: ClusterState, r: Range, index: number): boolean {
  if (index >= r.reserved[0] && index < r.reserved[1]) return true;
  return (
    indexedKeys(state.cluster?.objects?.indexes, 'nodes/podCIDR', subnetAt(r.cluster, index))
      .length > 0
  );
}

function full(r: Range, ipam: NodeIpamState): boolean {
  return ipam.allocated + (r.reserved[1] - r.reserved[0]) >= r.max;
}

function ipamOf(c: Cluster): NodeIpamState {
  return c.nodeIpam ?? { next: 0, allocated: 0 };
}

/**
 * AllocateOrOccupyCIDR for the Node named `name`: the next free subnet into its spec, or the
 * state unchanged when it already has one, the cluster allocates none, or the range is full.
 */
export function allocateNodeCidr(state: ClusterState, name: string): ClusterState {
  const c = state.cluster;
  const node = readStored(c?.objects, 'nodes', null, name);
  const r = c ? rangeOf(c) : null;
  if (!c || !node || !r || nodePodCidr(state, name) !== null) return state;
  const ipam = ipamOf(c);
  if (full(r, ipam)) return state;
  let candidate = ipam.next % r.max;
  for (let i = 0; i < r.max && used(state, r, candidate); i++) candidate = (candidate + 1) % r.max;
  const cidr = subnetAt(r.cluster, candidate);
  const patched = putObject(state, 'nodes', {
    ...node,
    spec: { ...specOf(node), podCIDR: cidr, podCIDRs: [cidr] },
  });
  const nodeIpam = { next: (candidate + 1) % r.max, allocated: ipam.allocated + 1 };
  return patched.cluster ? { ...patched, cluster: { ...patched.cluster, nodeIpam } } : patched;
}

/** Nodes still without a subnet, oldest first (the ones the allocator keeps retrying). */
function waitingNodes(state: ClusterState): string[] {
  return scanStored(state.cluster?.objects, 'nodes')
    .filter((o) => typeof specOf(o)?.['podCIDR'] !== 'string')
    .sort((a, b) =>
      a.metadata.creationTimestamp === b.metadata.creationTimestamp
        ? a.metadata.name < b.metadata.name
          ? -1
          : 1
        : a.metadata.creationTimestamp < b.metadata.creationTimestamp
          ? -1
          : 1,
    )
    .map((o) => o.metadata.name);
}

/**
 * ReleaseCIDR after the Node `removed` was deleted: its subnet is free again, and a Node that
 * got none while the range was full takes it.
 */
export function releaseNodeCidr(state: ClusterState, removed: ApiObject): ClusterState {
  const c = state.cluster;
  const r = c ? rangeOf(c) : null;
  const cidr = specOf(removed)?.['podCIDR'];
  if (!c || !r || typeof cidr !== 'string') return state;
  const ipam = ipamOf(c);
  const wasFull = full(r, ipam);
  let s: ClusterState = {
    ...state,
    cluster: { ...c, nodeIpam: { ...ipam, allocated: Math.max(ipam.allocated - 1, 0) } },
  };
  if (wasFull) for (const name of waitingNodes(s)) s = allocateNodeCidr(s, name);
  return s;
}

/**
 * Saved states from before Nodes kept their podCIDR showed each Node the subnet of its place
 * in name order: give them exactly that, once (the allocator's memory marks it done).
 */
export function allocateSavedNodeCidrs(state: ClusterState): ClusterState {
  const c = state.cluster;
  if (!c?.podSubnet || c.nodeIpam !== undefined) return state;
  const names = scanStored(c.objects, 'nodes')
    .map((o) => o.metadata.name)
    .sort();
  return names.reduce((s, n) => allocateNodeCidr(s, n), state);
}
