/**
 * The one place that builds API objects (k8s.io/api core/v1, certificates/v1) from the state, and
 * the resource registry kubectl's generic printers (-o json|yaml|name|jsonpath, describe) read.
 * Each resource: its aliases, whether it is namespaced, the `-o name` prefix, and a list function
 * returning full objects. Tables keep their own columns (printers.go) but read the same views.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric),
 * pkg/printers/internalversion/printers.go, k8s.io/api/core/v1/types.go.
 */
import {
  crdName,
  formatRfc3339,
  hash64,
  imagesFor,
  listPods,
  nodeLostByFault,
  podLabels,
  type ClusterState,
  type PodObject,
} from '../../src/index.ts';
import { nodeReady } from '../../src/machine/kubelet.ts';
import { addresses as endpointAddresses } from './kubectl-endpoints.ts';
import {
  clusterStart,
  configMapObject,
  configMaps,
  crMatches,
  crObject,
  meta,
  namespaceObject,
  uid,
} from './kubectl-objects.ts';
import { findMachine } from '../../src/index.ts';

type Obj = Record<string, unknown>;

/**
 * Simulated machine properties the state does not carry (a node's root disk). Real nodes report
 * ephemeral-storage from the kubelet's root filesystem; 30 GiB is this simulator's disk size.
 */
const DISK_KI = 30 * 1024 * 1024;

function uuidOf(seed: string): string {
  const h = hash64(seed) + hash64(`${seed}#uuid`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** spec.podCIDR the node IPAM controller assigns (--allocate-node-cidrs, /24 per node). */
export function nodePodCidr(state: ClusterState, name: string): string | null {
  const c = state.cluster;
  if (!c?.podSubnet) return null;
  const base = c.podSubnet.split('.').slice(0, 2).join('.');
  const index = Object.keys(c.nodes).sort().indexOf(name);
  return index < 0 ? null : `${base}.${index}.0/24`;
}

/** The Node object, as the kubelet registers it and the control plane's controllers update it. */
export function nodeObject(state: ClusterState, name: string): Obj {
  const n = state.cluster?.nodes[name];
  const m = n ? findMachine(state, n.machine) : undefined;
  const labels: Obj = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(n?.controlPlane
      ? {
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        }
      : {}),
  };
  const created = n?.createdAt ?? state.now;
  // kubelet stopped (or machine gone): the node lifecycle controller sets every condition Unknown.
  const lost = !m || m.kubelet.active !== 'active' || nodeLostByFault(state, n?.machine ?? '');
  const ready = !lost && m !== undefined && nodeReady(m);
  const hb = formatRfc3339(state.now);
  const since = formatRfc3339(created);
  const cond = (type: string, okReason: string, okMessage: string, okStatus: string): Obj =>
    lost
      ? {
          lastHeartbeatTime: hb,
          lastTransitionTime: hb,
          message: 'Kubelet stopped posting node status.',
          reason: 'NodeStatusUnknown',
          status: 'Unknown',
          type,
        }
      : {
          lastHeartbeatTime: hb,
          lastTransitionTime: since,
          message: okMessage,
          reason: okReason,
          status: okStatus,
          type,
        };
  const conditions = [
    cond(
      'MemoryPressure',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
      'False',
    ),
    cond('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'False'),
    cond('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'False'),
    ready
      ? cond('Ready', 'KubeletReady', 'kubelet is posting ready status', 'True')
      : lost
        ? cond('Ready', '', '', '')
        : {
            lastHeartbeatTime: hb,
            lastTransitionTime: since,
            message:
              'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
            reason: 'KubeletNotReady',
            status: 'False',
            type: 'Ready',
          },
  ];
  // Taints: kubeadm's control-plane taint; the node lifecycle controller's condition taints.
  const taints: Obj[] = [
    ...(n?.controlPlane
      ? [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]
      : []),
    ...(lost
      ? [
          { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: hb },
          { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: hb },
        ]
      : !ready
        ? [{ effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready' }]
        : []),
    ...(n?.unschedulable
      ? [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: hb }]
      : []),
  ];
  const memKi = (m?.memoryMiB ?? 0) * 1024;
  const cidr = nodePodCidr(state, name);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, null, created, {
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels,
    }),
    spec: {
      ...(cidr ? { podCIDR: cidr, podCIDRs: [cidr] } : {}),
      ...(taints.length > 0 ? { taints } : {}),
      ...(n?.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { address: m?.ip ?? '', type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      // Allocatable = capacity minus the kubelet's default hard eviction thresholds
      // (memory.available<100Mi, nodefs.available<10%); no system/kube reservations by default.
      allocatable: {
        cpu: String(m?.cpus ?? 0),
        'ephemeral-storage': String(Math.floor(DISK_KI * 1024 * 0.9)),
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${memKi - 102400}Ki`,
        pods: '110',
      },
      capacity: {
        cpu: String(m?.cpus ?? 0),
        'ephemeral-storage': `${DISK_KI}Ki`,
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${memKi}Ki`,
        pods: '110',
      },
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidOf(`${name}/boot`),
        containerRuntimeVersion: `containerd://${m?.containerd.version ?? ''}`,
        kernelVersion: m?.kernel ?? '',
        kubeProxyVersion: '',
        kubeletVersion: n?.kubeletVersion ?? '',
        machineID: (hash64(`${name}/machine-id`) + hash64(`${name}/machine-id#2`)).slice(0, 32),
        operatingSystem: 'linux',
        osImage: m?.os ?? '',
        systemUUID: uuidOf(`${name}/system`),
      },
    },
  };
}

/** Resource requests/limits of each workload's container (kubeadm manifests, coredns, kube-flannel.yml). */
export const POD_RESOURCES: Readonly<Record<PodObject['app'], Obj>> = {
  etcd: { requests: { cpu: '100m', memory: '100Mi' } },
  'kube-apiserver': { requests: { cpu: '250m' } },
  'kube-controller-manager': { requests: { cpu: '200m' } },
  'kube-scheduler': { requests: { cpu: '100m' } },
  coredns: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
  'kube-proxy': {},
  'kube-flannel': { requests: { cpu: '100m', memory: '50Mi' } },
};

const STATIC = new Set(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
/** The image of kube-flannel.yml's DaemonSet (flannel v0.27.4 release manifest). */
const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.27.4';

function podImage(state: ClusterState, p: PodObject): string {
  const c = state.cluster;
  if (p.app === 'kube-flannel') return FLANNEL_IMAGE;
  // A static Pod runs what its manifest on that node says (differs per node mid-upgrade).
  const machine = p.node ? c?.nodes[p.node]?.machine : undefined;
  const manifest = machine
    ? findMachine(state, machine)?.files[`/etc/kubernetes/manifests/${p.app}.yaml`]
    : undefined;
  const fromManifest = manifest ? /image: (\S+)/.exec(manifest)?.[1] : undefined;
  if (fromManifest) return fromManifest;
  const images = imagesFor(c?.version ?? 'v1.0.0');
  const prefix = p.app === 'coredns' ? '/coredns:' : `/${p.app}:`;
  return images.find((i) => i.includes(prefix)) ?? '';
}

/** Pod objects of one namespace (null = all), in the order the API lists them. */
export function podObjects(state: ClusterState, namespace: string | null): Obj[] {
  const c = state.cluster;
  if (!c) return [];
  const pods = c.pods;
  const byKey = new Map(Object.values(pods).map((p) => [`${p.namespace}/${p.name}`, p]));
  return listPods(state, namespace).map((row) => {
    const p = byKey.get(`${row.namespace}/${row.name}`) as PodObject;
    const hostIP = p.node ? (findMachine(state, c.nodes[p.node]?.machine ?? '')?.ip ?? '') : '';
    const owner = STATIC.has(p.app)
      ? {
          apiVersion: 'v1',
          controller: true,
          kind: 'Node',
          name: p.node ?? '',
          uid: uid(`null/${p.node}/${c.nodes[p.node ?? '']?.createdAt}`),
        }
      : p.app === 'coredns'
        ? {
            apiVersion: 'apps/v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'ReplicaSet',
            name: p.name.split('-').slice(0, 2).join('-'),
            uid: uid(`kube-system/rs/${p.name.split('-')[1]}`),
          }
        : {
            apiVersion: 'apps/v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'DaemonSet',
            name: p.app === 'kube-flannel' ? 'kube-flannel-ds' : 'kube-proxy',
            uid: uid(`${p.namespace}/ds/${p.app}`),
          };
    const phase = row.status === 'Running' ? 'Running' : 'Pending';
    const resources = POD_RESOURCES[p.app];
    const hostNetwork = p.app !== 'coredns';
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(p.name, p.namespace, p.createdAt, {
        ...(STATIC.has(p.app) ? { annotations: { 'kubernetes.io/config.source': 'file' } } : {}),
        labels: { ...podLabels(p.app) },
        ownerReferences: [owner],
      }),
      spec: {
        containers: [
          { image: podImage(state, p), imagePullPolicy: 'IfNotPresent', name: p.app, resources },
        ],
        ...(hostNetwork ? { hostNetwork: true } : {}),
        ...(p.node ? { nodeName: p.node } : {}),
        priority: p.app === 'coredns' ? 2000000000 : 2000001000,
        priorityClassName: p.app === 'coredns' ? 'system-cluster-critical' : 'system-node-critical',
      },
      status: {
        ...(p.node ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
        phase,
        ...(row.ip !== '<none>' ? { podIP: row.ip, podIPs: [{ ip: row.ip }] } : {}),
        qosClass: Object.keys(resources).length === 0 ? 'BestEffort' : 'Burstable',
        ...(p.node ? { startTime: formatRfc3339(p.createdAt) } : {}),
      },
    };
  });
}

/** default/kubernetes, the only Endpoints object of a kubeadm cluster without workloads. */
export function endpointsObjects(state: ClusterState, namespace: string | null): Obj[] {
  if (namespace !== null && namespace !== 'default') return [];
  const ips = endpointAddresses(state);
  return [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('kubernetes', 'default', clusterStart(state), {
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      }),
      ...(ips.length > 0
        ? {
            subsets: [
              {
                addresses: ips.map((ip) => ({ ip })),
                ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
              },
            ],
          }
        : {}),
    },
  ];
}

/**
 * CertificateSigningRequest objects. spec.request and status.certificate (the PEM blobs) are not
 * modelled and left out.
 */
export function csrObjects(state: ClusterState): Obj[] {
  return (state.cluster?.csrs ?? []).map((c) => {
    const serving = c.signerName === 'kubernetes.io/kubelet-serving';
    const bootstrap = c.requestor.startsWith('system:bootstrap:');
    const when = formatRfc3339(c.createdAt);
    const conditions =
      c.condition === 'Pending'
        ? []
        : c.condition === 'Denied'
          ? [
              {
                lastTransitionTime: when,
                lastUpdateTime: when,
                message: 'This CSR was denied by kubectl certificate deny.',
                reason: 'KubectlDeny',
                status: 'True',
                type: 'Denied',
              },
            ]
          : serving
            ? [
                {
                  lastTransitionTime: when,
                  lastUpdateTime: when,
                  message: 'This CSR was approved by kubectl certificate approve.',
                  reason: 'KubectlApprove',
                  status: 'True',
                  type: 'Approved',
                },
              ]
            : [
                {
                  lastTransitionTime: when,
                  lastUpdateTime: when,
                  message: 'Auto approving kubelet client certificate after SubjectAccessReview.',
                  reason: 'AutoApproved',
                  status: 'True',
                  type: 'Approved',
                },
              ];
    return {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: meta(c.name, null, c.createdAt),
      spec: {
        ...(c.requestedDurationMs !== null
          ? { expirationSeconds: Math.round(c.requestedDurationMs / 1000) }
          : {}),
        groups: bootstrap
          ? [
              'system:bootstrappers',
              'system:bootstrappers:kubeadm:default-node-token',
              'system:authenticated',
            ]
          : ['system:nodes', 'system:authenticated'],
        signerName: c.signerName,
        usages: serving
          ? ['digital signature', 'server auth']
          : ['digital signature', 'client auth'],
        username: c.requestor,
      },
      status: conditions.length > 0 ? { conditions } : {},
    };
  });
}

/** A resource kubectl can list generically. */
export interface ResourceType {
  readonly resource: string;
  readonly namespaced: boolean;
  /** `-o name` prefix: lower-case kind, with the group for non-core resources. */
  readonly namePrefix: string;
  /** Objects in `namespace` (null = all namespaces; ignored for cluster-scoped resources). */
  readonly list: (state: ClusterState, namespace: string | null) => Obj[];
}

const CORE: Record<string, ResourceType> = {
  nodes: {
    resource: 'nodes',
    namespaced: false,
    namePrefix: 'node',
    list: (s) =>
      Object.keys(s.cluster?.nodes ?? {})
        .sort()
        .map((n) => nodeObject(s, n)),
  },
  pods: { resource: 'pods', namespaced: true, namePrefix: 'pod', list: podObjects },
  namespaces: {
    resource: 'namespaces',
    namespaced: false,
    namePrefix: 'namespace',
    list: (s) => (s.cluster?.namespaces ?? []).map((n) => namespaceObject(s, n)),
  },
  configmaps: {
    resource: 'configmaps',
    namespaced: true,
    namePrefix: 'configmap',
    list: (s, ns) =>
      configMaps(s)
        .filter((c) => ns === null || c.namespace === ns)
        .map((c) => configMapObject(s, c)),
  },
  endpoints: {
    resource: 'endpoints',
    namespaced: true,
    namePrefix: 'endpoints',
    list: endpointsObjects,
  },
  certificatesigningrequests: {
    resource: 'certificatesigningrequests.certificates.k8s.io',
    namespaced: false,
    namePrefix: 'certificatesigningrequest.certificates.k8s.io',
    list: csrObjects,
  },
};

const ALIASES: Record<string, string> = {
  node: 'nodes',
  no: 'nodes',
  nodes: 'nodes',
  pod: 'pods',
  po: 'pods',
  pods: 'pods',
  namespace: 'namespaces',
  ns: 'namespaces',
  namespaces: 'namespaces',
  configmap: 'configmaps',
  cm: 'configmaps',
  configmaps: 'configmaps',
  endpoint: 'endpoints',
  ep: 'endpoints',
  endpoints: 'endpoints',
  csr: 'certificatesigningrequests',
  certificatesigningrequest: 'certificatesigningrequests',
  certificatesigningrequests: 'certificatesigningrequests',
};

/** The resource type a `kubectl get|describe KIND` argument names, or null when the server has none. */
export function resolveResource(state: ClusterState, kind: string): ResourceType | null {
  const core = ALIASES[kind];
  if (core) return CORE[core] ?? null;
  const matched = crMatches(state, kind);
  if (matched === null) return null;
  const { crd } = matched;
  return {
    resource: crdName(crd),
    namespaced: true,
    namePrefix: `${crd.kind.toLowerCase()}.${crd.group}`,
    list: (s, ns) =>
      (crMatches(s, kind)?.items ?? [])
        .filter((r) => ns === null || r.namespace === ns)
        .map(crObject),
  };
}
