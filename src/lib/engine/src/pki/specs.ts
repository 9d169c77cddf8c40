/**
 * kubeadm's certificate tree as data, and a pure planner that turns a node's configuration into
 * certificate metadata records (plain JSON) ready to be materialised as real X.509.
 *
 * Upstream sources mirrored here (kubernetes/kubernetes, v1.29+ behaviour):
 * - cmd/kubeadm/app/phases/certs/certlist.go — the tree, CNs, O, ExtKeyUsages, which CA signs what
 * - cmd/kubeadm/app/util/pkiutil/pki_helpers.go — GetAPIServerAltNames / getAltNames (SANs),
 *   NewSelfSignedCACert (CA gets DNS SAN = its CN), NewSignedCert (KeyUsage), RemoveDuplicateAltNames
 *   (DNS names sorted and de-duplicated, IPs de-duplicated in order)
 * - cmd/kubeadm/app/constants/constants.go — CertificateValidityPeriod (1y), CACertificateValidityPeriod
 *   (10y), CertificateBackdate (5m)
 * - cmd/kubeadm/app/phases/kubeconfig/kubeconfig.go — getKubeConfigSpecsBase (kubeconfig client certs)
 */

/** kubeadm constants.CertificateValidityPeriod: 365 × 24h. */
export const CERTIFICATE_VALIDITY_MS = 365 * 24 * 3600 * 1000;
/** kubeadm constants.CACertificateValidityPeriod: 10 × 365 × 24h. */
export const CA_CERTIFICATE_VALIDITY_MS = 10 * CERTIFICATE_VALIDITY_MS;
/** kubeadm constants.CertificateBackdate: notBefore = creation time − 5 minutes. */
export const CERTIFICATE_BACKDATE_MS = 5 * 60 * 1000;
/** kubeadm's default certificatesDir. */
export const PKI_DIR = '/etc/kubernetes/pki';
/** Directory of the kubeconfig files written by `kubeadm init phase kubeconfig`. */
export const KUBERNETES_DIR = '/etc/kubernetes';

/** X.509 KeyUsage bits kubeadm sets (Go x509.KeyUsage names, camel-cased). */
export type KeyUsage = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign';
/** X.509 ExtendedKeyUsage values kubeadm sets. */
export type ExtKeyUsage = 'serverAuth' | 'clientAuth';
/** Names of kubeadm's three CAs. */
export type CaName = 'ca' | 'front-proxy-ca' | 'etcd-ca';

/** Subject of a certificate: kubeadm only ever sets CN and O. */
export interface CertificateSubject {
  readonly commonName: string;
  readonly organizations: readonly string[];
}

/** Everything needed to materialise and describe one certificate; plain JSON. */
export interface CertificateMeta {
  /** kubeadm's name: `ca`, `apiserver`, `etcd-server`, … or the kubeconfig file name `admin.conf`. */
  readonly name: string;
  /** `ca` (self-signed CA), `leaf` (file pair under pki/) or `kubeconfig` (cert embedded in a .conf). */
  readonly kind: 'ca' | 'leaf' | 'kubeconfig';
  /** Where the certificate lives: `.crt` path, or the kubeconfig path for kind `kubeconfig`. */
  readonly path: string;
  /** Where the private key lives (same as `path` for kubeconfigs: embedded as client-key-data). */
  readonly keyPath: string;
  readonly subject: CertificateSubject;
  /** Name of the signing CA (`ca`, `front-proxy-ca`, `etcd-ca`); a CA names itself. */
  readonly issuer: CaName;
  /** DNS SANs in the order they are encoded (kubeadm sorts and de-duplicates them). */
  readonly dnsNames: readonly string[];
  /** IP SANs in the order they are encoded (de-duplicated, first occurrence kept). */
  readonly ipAddresses: readonly string[];
  /** Epoch ms, whole seconds (X.509 UTCTime has second precision). */
  readonly notBefore: number;
  /** Epoch ms, whole seconds. */
  readonly notAfter: number;
  readonly isCA: boolean;
  readonly keyUsages: readonly KeyUsage[];
  readonly extKeyUsages: readonly ExtKeyUsage[];
  /** Positive serial as lowercase hex without leading zeros (kubeadm: random in [1, 2^63-1)). */
  readonly serialHex: string;
  /** Id of the simulation key (see key-pool.ts) holding this certificate's key pair. */
  readonly keyId: string;
  /** For kind `kubeconfig`: the API server URL written into the file. */
  readonly server?: string;
}

/** The service-account signing key pair (`sa.key` / `sa.pub`): a key, not a certificate. */
export interface KeyPairMeta {
  readonly name: 'sa';
  readonly keyPath: string;
  readonly publicKeyPath: string;
  readonly keyId: string;
}

/** Input of {@link planCertificates}; mirrors the InitConfiguration fields kubeadm reads. */
export interface PlanCertificatesInput {
  /** nodeRegistration.name, e.g. `cp-1`. */
  readonly nodeName: string;
  /** localAPIEndpoint.advertiseAddress (IPv4 or IPv6). */
  readonly advertiseAddress: string;
  /** controlPlaneEndpoint `host[:port]` (DNS name or IP); empty/undefined when not set. */
  readonly controlPlaneEndpoint?: string | undefined;
  /** localAPIEndpoint.bindPort; default 6443. */
  readonly bindPort?: number;
  /** networking.serviceSubnet; default `10.96.0.0/12`. */
  readonly serviceSubnet?: string;
  /** networking.dnsDomain; default `cluster.local`. */
  readonly dnsDomain?: string;
  /** apiServer.certSANs (extra SANs, IPs or DNS names). */
  readonly apiServerCertSANs?: readonly string[];
  /** Creation time, epoch ms (from the injected clock). */
  readonly now: number;
  /** Seeded RNG: returns a float in [0, 1). Used for serials and picking simulation keys. */
  readonly random: () => number;
  /** Include stacked-etcd certificates (etcd/*, apiserver-etcd-client). Default true. */
  readonly localEtcd?: boolean;
  /** Include super-admin.conf (only on the node where `kubeadm init` ran). Default true. */
  readonly superAdmin?: boolean;
  /** Include kubelet.conf (init only; joining nodes bootstrap it via TLS bootstrap). Default true. */
  readonly kubeletConf?: boolean;
  /** CAs that already exist (join --control-plane, renewals): reused instead of planned. */
  readonly existingCAs?: readonly CertificateMeta[];
  /** Simulation key ids already in use in the cluster, so new certificates avoid them. */
  readonly usedKeyIds?: readonly string[];
}

/** Result of {@link planCertificates}. */
export interface CertificatePlan {
  /** CAs first, then leaves in kubeadm's GetDefaultCertList order, then kubeconfig client certs. */
  readonly certificates: readonly CertificateMeta[];
  /** sa.key / sa.pub (omitted when existingCAs are given: it is shared like the CAs). */
  readonly serviceAccountKey?: KeyPairMeta;
}

/** Which SAN recipe a certificate uses (pki_helpers.go). */
export type AltNamesRecipe = 'none' | 'self' | 'apiserver' | 'etcd';

/** One row of kubeadm's certificate list: static facts, before the node's configuration is known. */
export interface CertificateSpec {
  readonly name: string;
  readonly kind: 'ca' | 'leaf' | 'kubeconfig';
  /** kubeadm's LongName (shown in `kubeadm init phase certs --help`). */
  readonly longName: string;
  /** Path relative to pki/ without extension (`etcd/server`), or the kubeconfig file name. */
  readonly baseName: string;
  readonly issuer: CaName;
  /** Common name; `{nodeName}` is replaced by the node name. */
  readonly commonName: string;
  readonly organizations: readonly string[];
  readonly extKeyUsages: readonly ExtKeyUsage[];
  readonly altNames: AltNamesRecipe;
  /** Which API server URL a kubeconfig points at (kubeconfig.go getKubeConfigSpecsBase). */
  readonly server?: 'controlPlaneEndpoint' | 'localAPIEndpoint';
  /** Only with stacked etcd / only on the init node (super-admin.conf, kubelet.conf). */
  readonly only?: 'localEtcd' | 'superAdmin' | 'kubeletConf';
}

/** kubeadm:cluster-admins — ClusterAdminsGroupAndClusterRoleBinding (O of admin.conf since v1.29). */
export const CLUSTER_ADMINS_GROUP = 'kubeadm:cluster-admins';
/** system:masters — SystemPrivilegedGroup (O of super-admin.conf). */
export const SYSTEM_MASTERS_GROUP = 'system:masters';

/**
 * kubeadm's certificates, in GetDefaultCertList order followed by the kubeconfig client
 * certificates. v1.29+: apiserver-kubelet-client carries O=kubeadm:cluster-admins (was
 * system:masters, k/k PR #121837); apiserver-etcd-client and etcd-healthcheck-client carry no O
 * (was system:masters, k/k PR #120521).
 */
export const CERTIFICATE_SPECS: readonly CertificateSpec[] = [
  {
    name: 'ca',
    kind: 'ca',
    longName: 'self-signed Kubernetes CA to provision identities for other Kubernetes components',
    baseName: 'ca',
    issuer: 'ca',
    commonName: 'kubernetes',
    organizations: [],
    extKeyUsages: [],
    altNames: 'self',
  },
  {
    name: 'apiserver',
    kind: 'leaf',
    longName: 'certificate for serving the Kubernetes API',
    baseName: 'apiserver',
    issuer: 'ca',
    commonName: 'kube-apiserver',
    organizations: [],
    extKeyUsages: ['serverAuth'],
    altNames: 'apiserver',
  },
  {
    name: 'apiserver-kubelet-client',
    kind: 'leaf',
    longName: 'certificate for the API server to connect to kubelet',
    baseName: 'apiserver-kubelet-client',
    issuer: 'ca',
    commonName: 'kube-apiserver-kubelet-client',
    organizations: [CLUSTER_ADMINS_GROUP],
    extKeyUsages: ['clientAuth'],
    altNames: 'none',
  },
  {
    name: 'front-proxy-ca',
    kind: 'ca',
    longName: 'self-signed CA to provision identities for front proxy',
    baseName: 'front-proxy-ca',
    issuer: 'front-proxy-ca',
    commonName: 'front-proxy-ca',
    organizations: [],
    extKeyUsages: [],
    altNames: 'self',
  },
  {
    name: 'front-proxy-client',
    kind: 'leaf',
    longName: 'certificate for the front proxy client',
    baseName: 'front-proxy-client',
    issuer: 'front-proxy-ca',
    commonName: 'front-proxy-client',
    organizations: [],
    extKeyUsages: ['clientAuth'],
    altNames: 'none',
  },
  {
    name: 'etcd-ca',
    kind: 'ca',
    longName: 'self-signed CA to provision identities for etcd',
    baseName: 'etcd/ca',
    issuer: 'etcd-ca',
    commonName: 'etcd-ca',
    organizations: [],
    extKeyUsages: [],
    altNames: 'self',
    only: 'localEtcd',
  },
  {
    name: 'etcd-server',
    kind: 'leaf',
    longName: 'certificate for serving etcd',
    baseName: 'etcd/server',
    issuer: 'etcd-ca',
    commonName: '{nodeName}',
    organizations: [],
    // etcd 3.2+ needs ClientAuth on the server cert too (certlist.go TODO, etcd-io/etcd#9785).
    extKeyUsages: ['serverAuth', 'clientAuth'],
    altNames: 'etcd',
    only: 'localEtcd',
  },
  {
    name: 'etcd-peer',
    kind: 'leaf',
    longName: 'certificate for etcd nodes to communicate with each other',
    baseName: 'etcd/peer',
    issuer: 'etcd-ca',
    commonName: '{nodeName}',
    organizations: [],
    extKeyUsages: ['serverAuth', 'clientAuth'],
    altNames: 'etcd',
    only: 'localEtcd',
  },
  {
    name: 'etcd-healthcheck-client',
    kind: 'leaf',
    longName: 'certificate for liveness probes to healthcheck etcd',
    baseName: 'etcd/healthcheck-client',
    issuer: 'etcd-ca',
    commonName: 'kube-etcd-healthcheck-client',
    organizations: [],
    extKeyUsages: ['clientAuth'],
    altNames: 'none',
    only: 'localEtcd',
  },
  {
    name: 'apiserver-etcd-client',
    kind: 'leaf',
    longName: 'certificate the apiserver uses to access etcd',
    baseName: 'apiserver-etcd-client',
    issuer: 'etcd-ca',
    commonName: 'kube-apiserver-etcd-client',
    organizations: [],
    extKeyUsages: ['clientAuth'],
    altNames: 'none',
    only: 'localEtcd',
  },
  kubeconfigSpec('admin.conf', 'kubernetes-admin', [CLUSTER_ADMINS_GROUP], 'controlPlaneEndpoint'),
  {
    ...kubeconfigSpec('super-admin.conf', 'kubernetes-super-admin', [SYSTEM_MASTERS_GROUP]),
    only: 'superAdmin',
  },
  {
    ...kubeconfigSpec('kubelet.conf', 'system:node:{nodeName}', ['system:nodes']),
    only: 'kubeletConf',
  },
  kubeconfigSpec(
    'controller-manager.conf',
    'system:kube-controller-manager',
    [],
    'localAPIEndpoint',
  ),
  kubeconfigSpec('scheduler.conf', 'system:kube-scheduler', [], 'localAPIEndpoint'),
];

function kubeconfigSpec(
  file: string,
  commonName: string,
  organizations: readonly string[],
  server: 'controlPlaneEndpoint' | 'localAPIEndpoint' = 'controlPlaneEndpoint',
): CertificateSpec {
  return {
    name: file,
    kind: 'kubeconfig',
    longName: `client certificate embedded in ${file}`,
    baseName: file,
    issuer: 'ca',
    commonName,
    organizations,
    extKeyUsages: ['clientAuth'],
    altNames: 'none',
    server,
  };
}
