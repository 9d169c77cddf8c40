/**
 * kubeadm's checks of networking.podSubnet (cmd/kubeadm/app/apis/kubeadm/validation/
 * validation.go ValidateNetworking, ValidatePodSubnetNodeMask, getClusterNodeMask; kubernetes
 * v1.35.0), shared by `kubeadm init --pod-network-cidr` and a ClusterConfiguration: the CIDR
 * must parse, and it must hold one or more node subnets of the controller manager's node mask
 * (24 for IPv4, 64 for IPv6, as kubeadm passes no --node-cidr-mask-size), at most 2^16 of them
 * (constants.PodSubnetNodeMaskMaxDiff).
 */
import { parseIp } from '../pki/net.ts';

const MAX_DIFF = 16;

/** A CIDR that net.ParseCIDR accepts (IPv4 or IPv6). */
export function validCidr(text: string): boolean {
  const [ip, bits, more] = text.split('/');
  if (ip === undefined || bits === undefined || more !== undefined || !/^\d+$/.test(bits))
    return false;
  const bytes = parseIp(ip);
  if (!bytes) return false;
  return Number(bits) <= bytes.length * 8;
}

/** The field errors of a pod subnet, in kubeadm's words (none: valid). */
export function podSubnetErrors(subnet: string): string[] {
  const field = (detail: string) => `networking.podSubnet: Invalid value: "${subnet}": ${detail}`;
  if (!validCidr(subnet)) return [field("couldn't parse subnet")];
  const [ip = '', bits = ''] = subnet.split('/');
  const mask = Number(bits);
  const nodeMask = (parseIp(ip)?.length ?? 4) === 4 ? 24 : 64;
  if (mask > nodeMask)
    return [
      field(
        `the size of pod subnet with mask ${mask} is smaller than the size of node subnet with mask ${nodeMask}`,
      ),
    ];
  if (nodeMask - mask > MAX_DIFF)
    return [
      field(
        `pod subnet mask (${mask}) and node-mask (${nodeMask}) difference is greater than ${MAX_DIFF}`,
      ),
    ];
  return [];
}
