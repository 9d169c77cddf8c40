/**
 * Files kubeadm writes: kubeconfigs, static Pod manifests, kubelet configuration. Contents are
 * abridged but keep the real structure and flags; embedded certificate data is a reference
 * (`@pki:…`) the shell materialises into real PEM/base64 on read.
 */

import { findMinor, releaseCatalog } from '../model/releases.ts';
import { kubeletConfigurationYaml } from '../config/defaults.ts';
import { etcdPodParts, type PodParts } from './etcd-pod-parts.ts';
import {
  apiServerPodParts,
  controllerManagerPodParts,
  schedulerPodParts,
} from './control-plane-pod-parts.ts';

/** Reference to base64 PEM data of a certificate or key on the same machine. */
export function pkiRef(path: string): string {
  return `@pki:base64:${path}`;
}

/** A kubeconfig as kubeadm writes it (client cert auth embedded). */
export function kubeconfig(opts: { server: string; user: string; certPath: string }): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${pkiRef('/etc/kubernetes/pki/ca.crt')}
    server: https://${opts.server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${opts.user}
  name: ${opts.user}@kubernetes
current-context: ${opts.user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${opts.user}
  user:
    client-certificate-data: ${pkiRef(opts.certPath)}
    client-key-data: ${pkiRef(opts.certPath.replace(/\.crt$/, '.key'))}
`;
}

/**
 * Image tags kubeadm deploys for a Kubernetes version, from the release catalog (the one source of
 * truth for etcd/CoreDNS/pause per minor; model/release-catalog.ts).
 */
export function imageTags(version: string): { etcd: string; coredns: string; pause: string } {
  const entry =
    findMinor(version.replace(/^v/, '').split('.').slice(0, 2).join('.')) ?? releaseCatalog.at(-1);
  return { etcd: entry?.etcd ?? '', coredns: entry?.coreDNS ?? '', pause: entry?.pause ?? '' };
}

export interface ManifestInput {
  readonly node: string;
  readonly ip: string;
  readonly version: string;
  readonly serviceSubnet: string;
  readonly podSubnet: string | null;
  /** `etcd.external` of the ClusterConfiguration: the apiserver talks to these endpoints. */
  readonly externalEtcd?: ExternalEtcdFlags | null;
}

/** The external etcd fields the kube-apiserver manifest uses. */
export interface ExternalEtcdFlags {
  readonly endpoints: readonly string[];
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * The apiserver's etcd flags (cmd/kubeadm/app/phases/controlplane/manifests.go getAPIServerCommand):
 * local etcd → 127.0.0.1:2379 and kubeadm's client certificate; external etcd → the endpoints
 * joined by commas, plus --etcd-cafile when caFile is set and --etcd-certfile/--etcd-keyfile when
 * both certFile and keyFile are set.
 */
function apiServerEtcdFlags(pki: string, ext: ExternalEtcdFlags | null | undefined): string[] {
  if (!ext)
    return [
      `--etcd-cafile=${pki}/etcd/ca.crt`,
      `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
      '--etcd-servers=https://127.0.0.1:2379',
    ];
  return [
    ...(ext.caFile ? [`--etcd-cafile=${ext.caFile}`] : []),
    ...(ext.certFile && ext.keyFile
      ? [`--etcd-certfile=${ext.certFile}`, `--etcd-keyfile=${ext.keyFile}`]
      : []),
    `--etcd-servers=${ext.endpoints.join(',')}`,
  ];
}

function staticPod(
  name: string,
  image: string,
  command: readonly string[],
  extra = '',
  parts?: PodParts,
): string {
  return `apiVersion: v1
kind: Pod
metadata:
${parts?.annotations ?? ''}  labels:
    component: ${name}
    tier: control-plane
  name: ${name}
  namespace: kube-system
spec:
  containers:
  - command:
${command.map((c) => `    - ${c}`).join('\n')}
    image: ${image}
    imagePullPolicy: IfNotPresent
${parts?.beforeName ?? ''}    name: ${name}
${parts?.afterName ?? ''}${extra}  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
${parts?.volumes ?? ''}status: {}
`;
}

/** The four static Pod manifests of a stacked control plane, by file name. */
export function controlPlaneManifests(i: ManifestInput): Record<string, string> {
  const pki = '/etc/kubernetes/pki';
  const tags = imageTags(i.version);
  return {
    'etcd.yaml': staticPod(
      'etcd',
      `registry.k8s.io/etcd:${tags.etcd}`,
      [
        'etcd',
        `--advertise-client-urls=https://${i.ip}:2379`,
        `--cert-file=${pki}/etcd/server.crt`,
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        `--initial-advertise-peer-urls=https://${i.ip}:2380`,
        `--initial-cluster=${i.node}=https://${i.ip}:2380`,
        `--key-file=${pki}/etcd/server.key`,
        `--listen-client-urls=https://127.0.0.1:2379,https://${i.ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${i.ip}:2380`,
        `--name=${i.node}`,
        `--peer-cert-file=${pki}/etcd/peer.crt`,
        '--peer-client-cert-auth=true',
        `--peer-key-file=${pki}/etcd/peer.key`,
        `--peer-trusted-ca-file=${pki}/etcd/ca.crt`,
        '--snapshot-count=10000',
        `--trusted-ca-file=${pki}/etcd/ca.crt`,
      ],
      '',
      etcdPodParts(i.ip),
    ),
    'kube-apiserver.yaml': staticPod(
      'kube-apiserver',
      `registry.k8s.io/kube-apiserver:${i.version}`,
      [
        'kube-apiserver',
        `--advertise-address=${i.ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        `--client-ca-file=${pki}/ca.crt`,
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        ...apiServerEtcdFlags(pki, i.externalEtcd),
        `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
        `--proxy-client-key-file=${pki}/front-proxy-client.key`,
        '--requestheader-allowed-names=front-proxy-client',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--secure-port=6443',
        `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
        `--service-account-key-file=${pki}/sa.pub`,
        `--service-account-signing-key-file=${pki}/sa.key`,
        `--service-cluster-ip-range=${i.serviceSubnet}`,
        `--tls-cert-file=${pki}/apiserver.crt`,
        `--tls-private-key-file=${pki}/apiserver.key`,
      ],
      '',
      apiServerPodParts(i.ip, pki),
    ),
    'kube-controller-manager.yaml': staticPod(
      'kube-controller-manager',
      `registry.k8s.io/kube-controller-manager:${i.version}`,
      [
        'kube-controller-manager',
        ...(i.podSubnet ? ['--allocate-node-cidrs=true'] : []),
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        `--client-ca-file=${pki}/ca.crt`,
        ...(i.podSubnet ? [`--cluster-cidr=${i.podSubnet}`] : []),
        '--cluster-name=kubernetes',
        `--cluster-signing-cert-file=${pki}/ca.crt`,
        `--cluster-signing-key-file=${pki}/ca.key`,
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        `--root-ca-file=${pki}/ca.crt`,
        `--service-account-private-key-file=${pki}/sa.key`,
        `--service-cluster-ip-range=${i.serviceSubnet}`,
        '--use-service-account-credentials=true',
      ],
      '',
      controllerManagerPodParts(pki),
    ),
    'kube-scheduler.yaml': staticPod(
      'kube-scheduler',
      `registry.k8s.io/kube-scheduler:${i.version}`,
      [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
      '',
      schedulerPodParts(),
    ),
  };
}

/** /var/lib/kubelet/kubeadm-flags.env. */
export function kubeadmFlagsEnv(version: string): string {
  return `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:${imageTags(version).pause}"\n`;
}

/**
 * /var/lib/kubelet/config.yaml: the same KubeletConfiguration kubeadm uploads to the kubelet-config
 * ConfigMap (one definition, in config/defaults.ts).
 */
export const KUBELET_CONFIG_YAML = kubeletConfigurationYaml();
