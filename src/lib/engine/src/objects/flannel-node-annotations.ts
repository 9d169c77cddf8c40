/**
 * The annotations flannel's agent writes on its Node when it acquires its lease (flannel
 * pkg/subnet/kube/kube.go AcquireLease with the annotation names of annotations.go, prefix
 * flannel.alpha.coreos.com): the backend type (vxlan in kube-flannel.yml's net-conf.json), the
 * backend's data (`{"VNI":1,"VtepMAC":…}`: VNI 1 by default, the MAC of the flannel.1 VXLAN
 * device the kernel gave a random locally administered address), the public IP it chose (the
 * node's address) and the kube subnet manager mark.
 */
import { hash64 } from '../etcd/model.ts';

type Obj = Record<string, unknown>;

/** The MAC of node `seed`'s flannel.1 device: random, unicast, locally administered (eth_random_addr). */
export function vtepMac(seed: string): string {
  const hex = hash64(`flannel.1:${seed}`).slice(0, 12).padEnd(12, '0');
  const bytes = (hex.match(/../g) ?? []).map((b) => parseInt(b, 16));
  bytes[0] = ((bytes[0] ?? 0) & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The Node annotations flannel's agent set (before kubeadm's and the kubelet's), keys sorted. */
export function flannelNodeAnnotations(seed: string, publicIp: string): Obj {
  return {
    'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: vtepMac(seed) }),
    'flannel.alpha.coreos.com/backend-type': 'vxlan',
    'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
    'flannel.alpha.coreos.com/public-ip': publicIp,
  };
}
