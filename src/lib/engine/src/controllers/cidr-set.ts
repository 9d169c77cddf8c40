/**
 * The arithmetic of the node IPAM controller's CIDR set (pkg/controller/nodeipam/ipam/cidrset/
 * cidr_set.go, kubernetes commit 0be333dd): the cluster CIDR (--cluster-cidr) is cut into
 * subnets of --node-cidr-mask-size bits (24 for IPv4 by default; kubeadm passes no mask size),
 * numbered from the start of the range, so 10.244.0.0/16 holds 256 /24s (index i is
 * 10.244.i.0/24) and 10.32.0.0/12 holds 4,096 (index i is 10.(32 + i/256).(i%256).0/24).
 * IPv4 only: the simulator has no IPv6 pod networks.
 */

/** kube-controller-manager's --node-cidr-mask-size-ipv4 default. */
export const NODE_CIDR_MASK_IPV4 = 24;

/** An IPv4 CIDR as its network address (a 32-bit number) and prefix length. */
export interface Ipv4Cidr {
  readonly base: number;
  readonly bits: number;
}

function ipToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** `a.b.c.d` of a 32-bit address. */
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The CIDR with its address masked to the network (net.ParseCIDR), or null when not IPv4. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | null {
  const [ip = '', len = ''] = cidr.split('/');
  const addr = ipToInt(ip);
  if (addr === null || !/^\d{1,2}$/.test(len) || Number(len) > 32) return null;
  const bits = Number(len);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(addr / size) * size, bits };
}

/**
 * How many node subnets the cluster CIDR holds (cidr_set.go NewCIDRSet maxCIDRs: its 2^16 limit,
 * clusterSubnetMaxDiff, applies to IPv6 only), or 0 for a cluster CIDR narrower than a node
 * subnet (kubeadm refuses such a podSubnet: "the size of pod subnet with mask %d is smaller than
 * the size of node subnet with mask %d", validation.go ValidatePodSubnetNodeMask).
 */
export function subnetCount(cluster: Ipv4Cidr, mask = NODE_CIDR_MASK_IPV4): number {
  const diff = mask - cluster.bits;
  return diff < 0 ? 0 : 2 ** diff;
}

/** The node subnet at `index` of the cluster CIDR (cidr_set.go indexToCIDRBlock). */
export function subnetAt(cluster: Ipv4Cidr, index: number, mask = NODE_CIDR_MASK_IPV4): string {
  return `${intToIp(cluster.base + index * 2 ** (32 - mask))}/${mask}`;
}

/**
 * The indexes [from, to) of the node subnets that `other` overlaps (the Service CIDR the range
 * allocator occupies, range_allocator.go filterOutServiceRange), empty when they do not overlap.
 */
export function overlappedSubnets(
  cluster: Ipv4Cidr,
  other: Ipv4Cidr,
  mask = NODE_CIDR_MASK_IPV4,
): readonly [number, number] {
  const clusterEnd = cluster.base + 2 ** (32 - cluster.bits);
  const otherEnd = other.base + 2 ** (32 - other.bits);
  const from = Math.max(cluster.base, other.base);
  const to = Math.min(clusterEnd, otherEnd);
  if (from >= to) return [0, 0];
  const size = 2 ** (32 - mask);
  return [Math.floor((from - cluster.base) / size), Math.ceil((to - cluster.base) / size)];
}

/** The address `offset` after the start of `cidr` (a Pod's IP in its node's range). */
export function addressIn(cidr: string, offset: number): string | null {
  const c = parseIpv4Cidr(cidr);
  return c ? intToIp(c.base + offset) : null;
}
