/**
 * The Node object as the kubelet registers it and the control plane's controllers update it
 * (k8s.io/api/core/v1 Node; conditions from pkg/kubelet/nodestatus/setters.go, taints from
 * pkg/controller/nodelifecycle).
 */
import { findNode, storedNodeObject } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { nodeLostByFault } from '../etcd/faults.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { meta } from './legacy-meta.ts';
import { nodePodCidr } from '../controllers/node-ipam.ts';
import { lastHeartbeat, unreachableSince } from '../controllers/node-lifecycle.ts';

import { findMachine } from '../state/machines.ts';
import { CONTROLLER_TAINTS } from '../store/update.ts';

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

/** The Node object, as the kubelet registers it and the control plane's controllers update it. */
export function nodeObject(state: ClusterState, name: string): Obj {
  const n = findNode(state, name);
  const stored = storedNodeObject(state, name);
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
  // A stopped kubelet posts nothing more: conditions keep its last heartbeat, and the node
  // lifecycle controller's Unknown and unreachable taints date from the end of the grace period
  // (controllers/node-lifecycle.ts).
  const hb = formatRfc3339(lastHeartbeat(state, name));
  const marked = formatRfc3339(unreachableSince(state, name) ?? lastHeartbeat(state, name));
  const since = formatRfc3339(created);
  const cond = (type: string, okReason: string, okMessage: string, okStatus: string): Obj =>
    lost
      ? {
          lastHeartbeatTime: hb,
          lastTransitionTime: marked,
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
  // Taints: the stored ones (kubeadm's control-plane taint, `kubectl taint`); then the node
  // lifecycle controller's, derived from the conditions (store/update.ts keeps them out of the store).
  const storedTaints = (stored?.['spec'] as { taints?: readonly Obj[] } | undefined)?.taints;
  const taints: Obj[] = [
    ...(storedTaints ?? []).filter((t) => !CONTROLLER_TAINTS.has(String(t['key']))),
    ...(lost
      ? [
          { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: marked },
          { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: marked },
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
    metadata: {
      ...meta(name, null, created, {
        annotations: stored?.metadata.annotations ?? {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
        labels: stored?.metadata.labels ?? labels,
      }),
      // The stored Node's identity: uid and resourceVersion as the API server keeps them.
      ...(stored
        ? { resourceVersion: stored.metadata.resourceVersion, uid: stored.metadata.uid }
        : {}),
    },
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
