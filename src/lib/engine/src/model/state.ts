/**
 * The cluster state: plain, JSON-serialisable data. Transitions never mutate it; they copy only
 * the objects they change (structural sharing), so large clusters stay cheap.
 */

/** The three Kubernetes packages kubeadm installs need. */
export type KubePackage = 'kubeadm' | 'kubelet' | 'kubectl';

/** An installed Debian package. */
export interface InstalledPackage {
  /** Upstream version without the leading v, e.g. "1.36.4". */
  readonly version: string;
  /** Debian revision, e.g. "1.1". */
  readonly revision: string;
  /** True after `apt-mark hold`. */
  readonly held: boolean;
}

/** State of a systemd service as `systemctl status` reports it. */
export interface ServiceState {
  readonly enabled: boolean;
  /** `active` = running; `activating` = crash-looping (auto-restart); `inactive` = stopped. */
  readonly active: 'active' | 'activating' | 'inactive';
  /** When the current state began, epoch ms. */
  readonly since: number;
}

/**
 * Certificate metadata: the PKI module's record (pki/specs.ts), one source of truth. Real PEMs are
 * materialised on demand from it and the shipped simulation keys; they are never stored here.
 */
export type { CertificateMeta } from '../pki/specs.ts';
import type { CertificateMeta } from '../pki/specs.ts';
import type { KeyedMap } from './keyed-map.ts';
import type { ObjectStore } from '../store/buckets.ts';

/** A simulated machine (VM) that may become a node. */
export interface Machine {
  readonly name: string;
  readonly ip: string;
  readonly os: string;
  readonly kernel: string;
  readonly cpus: number;
  readonly memoryMiB: number;
  readonly swapOn: boolean;
  /** `/proc/sys/net/ipv4/ip_forward`. */
  readonly ipForward: 0 | 1;
  readonly containerd: {
    readonly version: string;
    readonly running: boolean;
    /** When containerd last stopped or started (`systemctl`); absent: running since boot. */
    readonly since?: number;
    /** When the kubelet saw it back after reporting it down (its Ready condition went True). */
    readonly recoveredAt?: number;
  };
  readonly packages: Readonly<Partial<Record<KubePackage, InstalledPackage>>>;
  /** True once `apt-get update` has read the Kubernetes repository. */
  readonly aptUpdated: boolean;
  /**
   * Minor series ("v1.36") of the pkgs.k8s.io repository the last `apt-get update` read; absent in
   * older saved states (then the default repository applies).
   */
  readonly aptIndex?: string;
  readonly kubelet: ServiceState;
  /** Files on disk: absolute path → content. Certificates and keys hold a `@pki:` reference. */
  readonly files: Readonly<Record<string, string>>;
  /** Directories created explicitly (parents of files are implied). */
  readonly dirs: readonly string[];
  /** Certificates on this machine by path of the .crt file. */
  readonly certs: Readonly<Record<string, CertificateMeta>>;
  /** True while KUBE-* iptables chains written by kube-proxy stay on the host after it stopped (reset does not flush them). */
  readonly staleKubeRules?: boolean;
  /** Kernel parameters set at runtime other than ip_forward (`sysctl -w`, `sysctl --system`). */
  readonly sysctls?: Readonly<Record<string, string>>;
  /** Kernel modules loaded with `modprobe` beyond the boot set (machine/kernel-modules.ts). */
  readonly modules?: readonly string[];
  /**
   * When the network plugin's configuration last appeared or went away (the kubelet's
   * NetworkReady changed), epoch ms; absent until it first changes (machine/network-since.ts).
   */
  readonly networkSince?: number;
}

/**
 * The compact view of a Node object (state/nodes.ts reads it from the object store; the served
 * Node is objects/node-object.ts).
 */
export interface NodeObject {
  readonly name: string;
  readonly machine: string;
  readonly controlPlane: boolean;
  readonly createdAt: number;
  readonly kubeletVersion: string;
  /** True after `kubectl cordon`/`drain` (spec.unschedulable); absent means schedulable. */
  readonly unschedulable?: boolean;
}

/**
 * The compact view of a Pod object (state/pods.ts reads it from the object store). Status is
 * derived at read time.
 */
export interface PodObject {
  readonly namespace: string;
  readonly name: string;
  /** Which workload it belongs to; drives its derived status. */
  readonly app:
    | 'etcd'
    | 'kube-apiserver'
    | 'kube-controller-manager'
    | 'kube-scheduler'
    | 'kube-proxy'
    | 'coredns'
    | 'kube-flannel';
  /** Node it runs on, or null while unscheduled. */
  readonly node: string | null;
  readonly createdAt: number;
  /**
   * Last octet of its pod IP once pinned (host-local IPAM never moves a running Pod's address);
   * absent: its place among the node's pod-network Pods by age (views/cluster.ts).
   */
  readonly ipHost?: number;
  /**
   * Its deletionTimestamp (epoch ms) once deleted gracefully and not yet removed by its kubelet
   * (an eviction by the taint eviction controller); absent otherwise.
   */
  readonly deletingAt?: number;
}

/** A bootstrap token (Secret kube-system/bootstrap-token-<id>). */
export interface BootstrapToken {
  readonly id: string;
  readonly secret: string;
  /** Expiry, epoch ms, or null for ttl 0 (never). */
  readonly expires: number | null;
  readonly description: string;
  readonly usages: readonly string[];
  readonly groups: readonly string[];
}

/** Cluster-level state, present once `kubeadm init` succeeded. */
export interface Cluster {
  readonly version: string;
  /** host:port every kubeconfig and join command uses. */
  readonly endpoint: string;
  /** Value of --control-plane-endpoint, if given. */
  readonly controlPlaneEndpoint: string | null;
  readonly podSubnet: string | null;
  readonly serviceSubnet: string;
  /** Key-pool id of the cluster CA key. */
  readonly caKeyId: string;
  /** Lowercase hex SHA-256 of the CA's SubjectPublicKeyInfo. */
  readonly caHash: string;
  /** 64 hex chars after `--upload-certs`, with its expiry (epoch ms). */
  readonly certificateKey: { readonly key: string; readonly expires: number } | null;
  readonly tokens: readonly BootstrapToken[];
  /** CNI add-on applied with kubectl, if any. */
  readonly cni: 'flannel' | null;
  /** CoreDNS image tag deployed by kubeadm; absent means the catalog's tag for `version`. */
  readonly coreDNSVersion?: string;
  /** A Sonobuoy run in the cluster (namespace sonobuoy), see src/conformance/sonobuoy.ts. */
  readonly sonobuoy?: { readonly mode: string; readonly startedAt: number } | null;
  /** The API object store (src/store): objects by resource, namespace and name; absent in older saved states. */
  readonly objects?: ObjectStore;
  /**
   * The node IPAM range allocator's memory (controllers/node-ipam.ts, cidr_set.go): the next
   * candidate subnet and how many are handed out; absent until it allocated one.
   */
  readonly nodeIpam?: { readonly next: number; readonly allocated: number };
  /** What a reader did to etcd itself with etcdctl (etcd/user-keys.ts); absent until then. */
  readonly etcdData?: EtcdData;
}

/** One key a reader wrote with `etcdctl put`: its value as text and its mvcc revisions. */
export interface EtcdUserKey {
  readonly value: string;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
}

/** The reader's etcd keys, the last `etcdctl compaction` and a leader moved with `move-leader`. */
export interface EtcdData {
  readonly keys: Readonly<Record<string, EtcdUserKey>>;
  readonly compacted?: number;
  /** Hex ID of the member `etcdctl move-leader` handed leadership to. */
  readonly leader?: string;
}

/** Metadata of a namespace (kubectl create/delete namespace). */
export interface NamespaceMeta {
  readonly createdAt: number;
  /** metadata.deletionTimestamp once deleted: the namespace is Terminating until empty. */
  readonly deletedAt?: number;
}

/** The type a CustomResourceDefinition adds to the API (apiextensions.k8s.io/v1 spec.names). */
export interface CustomResourceDefinition {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lowercase plural resource name, e.g. "widgets". */
  readonly plural: string;
}

/** An instance of a CustomResourceDefinition (e.g. a Widget left behind by an uninstalled operator). */
export interface CustomResource {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lowercase plural resource name, e.g. "widgets". */
  readonly plural: string;
  readonly namespace: string;
  readonly name: string;
  readonly createdAt: number;
  readonly finalizers: readonly string[];
  readonly deletedAt?: number;
}

/** The whole simulated world. */
export interface ClusterState {
  /** Schema version of this shape, for saved states. */
  readonly schema: 1;
  /** Simulated time, epoch ms. */
  readonly now: number;
  /** State of the seeded RNG (mulberry32). */
  readonly rng: number;
  /** Monotonic counter for certificate serials and similar ids. */
  readonly counter: number;
  /** Machines by name: a KeyedMap (src/model/keyed-map.ts); use src/state/machines.ts. */
  readonly machines: KeyedMap<Machine>;
  readonly cluster: Cluster | null;
}
