/**
 * What `kubeadm config images list` prints for a Kubernetes version, modelled on
 * cmd/kubeadm/app/images/images.go GetControlPlaneImages: kube-apiserver,
 * kube-controller-manager, kube-scheduler, kube-proxy, CoreDNS, pause, etcd - in that order.
 */
import { releaseCatalog } from './release-catalog.ts';
import { formatVersion, parseVersion } from './version.ts';

/**
 * Image references for `k8sVersion` (with or without "v"), one per line of
 * `kubeadm config images list`. The control-plane tags follow `k8sVersion`; CoreDNS and pause are
 * constants compiled into the kubeadm binary (constants.CoreDNSVersion / PauseVersion), so they
 * follow `kubeadmVersion` when given; etcd comes from the binary's SupportedEtcdVersion table,
 * which knows minors up to its own: a newer `k8sVersion` gets the nearest (its own) etcd, as
 * constants.EtcdSupportedVersion does.
 * @param imageRepository overrides kubeadm's default repository (ClusterConfiguration.imageRepository).
 * @param kubeadmVersion the kubeadm binary's version; default: the same minor as `k8sVersion`.
 * @throws EngineError InvalidVersion when `k8sVersion` does not parse.
 */
export function imagesFor(
  k8sVersion: string,
  imageRepository?: string,
  kubeadmVersion?: string,
): string[] {
  const v = parseVersion(k8sVersion);
  const tag = formatVersion({ ...v, build: '' });
  const entryOf = (minor: number) =>
    releaseCatalog.find((m) => m.minor === `${v.major}.${minor}`) ?? releaseCatalog.at(-1);
  const entry = entryOf(v.minor);
  const binary = kubeadmVersion === undefined ? v.minor : parseVersion(kubeadmVersion).minor;
  const own = entryOf(binary);
  if (!entry || !own) return [];
  const etcd = entryOf(Math.min(v.minor, binary))?.etcd ?? entry.etcd;
  const repo = imageRepository ?? entry.imageRepository;
  // GetDNSImage: the official CoreDNS image moved to <default repo>/coredns/coredns; a custom
  // repository keeps the flat <repo>/coredns name. The rename shipped with v1.21 (CoreDNS v1.8.0).
  const dnsRepo = repo === entry.imageRepository && v.minor >= 21 ? `${repo}/coredns` : repo;
  return [
    `${repo}/kube-apiserver:${tag}`,
    `${repo}/kube-controller-manager:${tag}`,
    `${repo}/kube-scheduler:${tag}`,
    `${repo}/kube-proxy:${tag}`,
    `${dnsRepo}/coredns:${own.coreDNS}`,
    `${repo}/pause:${own.pause}`,
    `${repo}/etcd:${etcd}`,
  ];
}
