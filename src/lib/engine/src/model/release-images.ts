/**
 * What `kubeadm config images list` prints for a Kubernetes version, modelled on
 * cmd/kubeadm/app/images/images.go GetControlPlaneImages: kube-apiserver,
 * kube-controller-manager, kube-scheduler, kube-proxy, CoreDNS, pause, etcd - in that order.
 */
import { releaseCatalog } from './release-catalog.ts';
import { formatVersion, parseVersion } from './version.ts';

/**
 * Image references for `k8sVersion` (with or without "v"), one per line of
 * `kubeadm config images list`.
 * @param imageRepository overrides kubeadm's default repository (ClusterConfiguration.imageRepository).
 * @throws EngineError InvalidVersion when `k8sVersion` does not parse.
 */
export function imagesFor(k8sVersion: string, imageRepository?: string): string[] {
  const v = parseVersion(k8sVersion);
  const tag = formatVersion({ ...v, build: '' });
  const key = `${v.major}.${v.minor}`;
  const entry = releaseCatalog.find((m) => m.minor === key) ?? releaseCatalog.at(-1);
  if (!entry) return [];
  const repo = imageRepository ?? entry.imageRepository;
  // GetDNSImage: the official CoreDNS image moved to <default repo>/coredns/coredns; a custom
  // repository keeps the flat <repo>/coredns name. The rename shipped with v1.21 (CoreDNS v1.8.0).
  const dnsRepo = repo === entry.imageRepository && v.minor >= 21 ? `${repo}/coredns` : repo;
  return [
    `${repo}/kube-apiserver:${tag}`,
    `${repo}/kube-controller-manager:${tag}`,
    `${repo}/kube-scheduler:${tag}`,
    `${repo}/kube-proxy:${tag}`,
    `${dnsRepo}/coredns:${entry.coreDNS}`,
    `${repo}/pause:${entry.pause}`,
    `${repo}/etcd:${entry.etcd}`,
  ];
}
