/**
 * Default kubeadm configuration documents as `kubeadm config print init-defaults|join-defaults`
 * prints them (cmd/kubeadm/app/cmd/config.go getDefaultInitConfigBytes / getDefaultNodeConfigBytes,
 * defaults from cmd/kubeadm/app/apis/kubeadm/v1beta4/defaults.go). Field order is the alphabetical
 * order sigs.k8s.io/yaml produces.
 */
import { parseVersion } from '../model/version.ts';

/** The newest kubeadm config API version (v1beta4 since kubeadm 1.31). */
export const KUBEADM_API = 'kubeadm.k8s.io/v1beta4';
/** The deprecated, still accepted version. */
export const KUBEADM_API_V1BETA3 = 'kubeadm.k8s.io/v1beta3';

/** The placeholder bootstrap token of the printed defaults. */
export const PLACEHOLDER_TOKEN = 'abcdef.0123456789abcdef';

const TIMEOUTS = `timeouts:
  controlPlaneComponentHealthCheck: 4m0s
  discovery: 5m0s
  etcdAPICall: 2m0s
  kubeletHealthCheck: 4m0s
  kubernetesAPICall: 1m0s
  tlsBootstrap: 5m0s
  upgradeManifests: 5m0s
`;

/** Fields of a ClusterConfiguration the engine keeps (everything else is defaulted). */
export interface ClusterConfigFields {
  readonly kubernetesVersion: string;
  readonly controlPlaneEndpoint?: string | null;
  readonly podSubnet?: string | null;
  readonly serviceSubnet: string;
  /** v1beta4 extraArgs of the API server, in order. */
  readonly apiServerExtraArgs?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly certSANs?: readonly string[];
  readonly etcdExternal?: {
    readonly endpoints: readonly string[];
    readonly caFile: string;
    readonly certFile: string;
    readonly keyFile: string;
  } | null;
}

/** A v1beta4 ClusterConfiguration document with the given fields (alphabetical, as kubeadm marshals it). */
export function clusterConfigurationYaml(f: ClusterConfigFields): string {
  const args = f.apiServerExtraArgs ?? [];
  const sans = f.certSANs ?? [];
  const apiServer =
    args.length === 0 && sans.length === 0
      ? 'apiServer: {}\n'
      : `apiServer:\n${sans.length > 0 ? `  certSANs:\n${sans.map((s) => `  - ${s}\n`).join('')}` : ''}${args.length > 0 ? `  extraArgs:\n${args.map((a) => `  - name: ${a.name}\n    value: ${yamlScalar(a.value)}\n`).join('')}` : ''}`;
  const etcd = f.etcdExternal
    ? `etcd:\n  external:\n    caFile: ${f.etcdExternal.caFile}\n    certFile: ${f.etcdExternal.certFile}\n    endpoints:\n${f.etcdExternal.endpoints.map((e) => `    - ${e}\n`).join('')}    keyFile: ${f.etcdExternal.keyFile}\n`
    : 'etcd:\n  local:\n    dataDir: /var/lib/etcd\n';
  return `${apiServer}apiVersion: ${KUBEADM_API}
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
${f.controlPlaneEndpoint ? `controlPlaneEndpoint: ${f.controlPlaneEndpoint}\n` : ''}controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
${etcd}imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${f.kubernetesVersion}
networking:
  dnsDomain: cluster.local
${f.podSubnet ? `  podSubnet: ${f.podSubnet}\n` : ''}  serviceSubnet: ${f.serviceSubnet}
proxy: {}
scheduler: {}
`;
}

/** Quotes a YAML scalar the way sigs.k8s.io/yaml does for strings that would parse as something else. */
export function yamlScalar(value: string): string {
  if (
    value === '' ||
    /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.e+-]*)$/i.test(value) ||
    /[:#{}[\],&*?|<>=!%@`'"]|^\s|\s$/.test(value)
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * `kubeadm config print init-defaults`: the placeholder InitConfiguration and the default
 * ClusterConfiguration. kubernetesVersion is kubeadm's own minor with patch 0, printed without
 * the leading "v" (constants.CurrentKubernetesVersion.String()).
 */
export function initDefaultsYaml(kubeadmVersion: string): string {
  const v = parseVersion(kubeadmVersion);
  return `apiVersion: ${KUBEADM_API}
bootstrapTokens:
- groups:
  - system:bootstrappers:kubeadm:default-node-token
  token: ${PLACEHOLDER_TOKEN}
  ttl: 24h0m0s
  usages:
  - signing
  - authentication
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 1.2.3.4
  bindPort: 6443
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  imagePullSerial: true
  name: node
  taints: null
${TIMEOUTS}---
${clusterConfigurationYaml({ kubernetesVersion: `${v.major}.${v.minor}.0`, serviceSubnet: '10.96.0.0/12' })}`;
}

/** `kubeadm config print join-defaults` (node name = the host name, as upstream defaults it). */
export function joinDefaultsYaml(hostname: string): string {
  return `apiVersion: ${KUBEADM_API}
caCertPath: /etc/kubernetes/pki/ca.crt
discovery:
  bootstrapToken:
    apiServerEndpoint: kube-apiserver:6443
    token: ${PLACEHOLDER_TOKEN}
    unsafeSkipCAVerification: true
  tlsBootstrapToken: ${PLACEHOLDER_TOKEN}
kind: JoinConfiguration
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  imagePullSerial: true
  name: ${hostname}
  taints: null
${TIMEOUTS}`;
}

/**
 * The KubeletConfiguration kubeadm generates (componentconfigs/kubelet.go defaults), as stored in
 * the kubelet-config ConfigMap and /var/lib/kubelet/config.yaml. resolvConf is set because the
 * simulated hosts run systemd-resolved.
 */
export function kubeletConfigurationYaml(
  opts: { clusterDNS?: string; resolvConf?: boolean } = {},
): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${opts.clusterDNS ?? '10.96.0.10'}
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
${opts.resolvConf === false ? '' : 'resolvConf: /run/systemd/resolve/resolv.conf\n'}rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/**
 * The KubeProxyConfiguration kubeadm generates (componentconfigs/kubeproxy.go; abridged to the
 * fields kubeadm sets plus the mode). Upstream prints every defaulted field; this keeps the
 * structure but not every zero value (documented gap).
 */
export function kubeProxyConfigurationYaml(opts: { clusterCIDR?: string | null } = {}): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${opts.clusterCIDR ?? '""'}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""
`;
}
