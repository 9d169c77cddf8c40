/**
 * The Node object as the kubelet registers it and the control plane's controllers update it
 * (k8s.io/api/core/v1 Node; conditions from pkg/kubelet/nodestatus/setters.go, taints from
 * pkg/controller/nodelifecycle).
 */
import { findNode, storedNodeObject } from '../state/nodes.ts';
import type { ClusterState, Machine, NodeObject } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
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

/** The parts of a served Node that change only when its stored object or its machine does. */
interface FixedParts {
  readonly machine: Machine | undefined;
  /** creationTimestamp, also the conditions' lastTransitionTime while the node is healthy. */
  readonly since: string;
  readonly metadata: Obj;
  readonly addresses: readonly Obj[];
  readonly allocatable: Obj;
  readonly capacity: Obj;
  readonly nodeInfo: Obj;
}

/**
 * Fixed parts by stored Node object. The store shares unchanged objects between states, so a
 * listing rebuilds only what the clock moves (conditions, taints); an entry is reused while the
 * node's machine is the same object. Entries are frozen: served objects share them.
 */
const fixedCache = new WeakMap<ApiObject, FixedParts>();

function freezeDeep<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) freezeDeep(v);
    Object.freeze(o);
  }
  return o;
}

/** What the kubelet reports that does not move with the clock: identity, addresses, resources. */
function fixedParts(
  name: string,
  n: NodeObject | undefined,
  stored: ApiObject | undefined,
  m: Machine | undefined,
  now: number,
): FixedParts {
  const hit = stored ? fixedCache.get(stored) : undefined;
  if (hit && hit.machine === m) return hit;
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
  const extra: Obj = {
    annotations: stored?.metadata.annotations ?? {
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
    labels: stored?.metadata.labels ?? labels,
  };
  const created = n?.createdAt ?? now;
  const memKi = (m?.memoryMiB ?? 0) * 1024;
  const since = formatRfc3339(created);
  const parts: FixedParts = {
    machine: m,
    since,
    // The stored Node's identity: uid and resourceVersion as the API server keeps them.
    metadata: stored
      ? {
          creationTimestamp: since,
          ...extra,
          name,
          resourceVersion: stored.metadata.resourceVersion,
          uid: stored.metadata.uid,
        }
      : meta(name, null, created, extra),
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
  };
  freezeDeep(parts.metadata);
  freezeDeep(parts.addresses);
  freezeDeep(parts.allocatable);
  freezeDeep(parts.capacity);
  freezeDeep(parts.nodeInfo);
  if (stored) fixedCache.set(stored, parts);
  return parts;
}

const DAEMON_ENDPOINTS: Obj = freezeDeep({ kubeletEndpoint: { Port: 10250 } });

/** The Node object, as the kubelet registers it and the control plane's controllers update it. */
export function nodeObject(state: ClusterState, name: string): Obj {
  const n = findNode(state, name);
  const stored = storedNodeObject(state, name);
  const m = n ? findMachine(state, n.machine) : undefined;
  const fixed = fixedParts(name, n, stored, m, state.now);
  // kubelet stopped (or machine gone): the node lifecycle controller sets every condition Unknown.
  const lost = !m || m.kubelet.active !== 'active' || nodeLostByFault(state, n?.machine ?? '');
  const ready = !lost && m !== undefined && nodeReady(m);
  // A stopped kubelet posts nothing more: conditions keep its last heartbeat, and the node
  // lifecycle controller's Unknown and unreachable taints date from the end of the grace period
  // (controllers/node-lifecycle.ts).
  const hbMs = lastHeartbeat(state, name);
  const hb = formatRfc3339(hbMs);
  const marked = lost ? formatRfc3339(unreachableSince(state, name) ?? hbMs) : hb;
  const since = fixed.since;
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
  const cidr = nodePodCidr(state, name);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: fixed.metadata,
    spec: {
      ...(cidr ? { podCIDR: cidr, podCIDRs: [cidr] } : {}),
      ...(taints.length > 0 ? { taints } : {}),
      ...(n?.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: fixed.addresses,
      allocatable: fixed.allocatable,
      capacity: fixed.capacity,
      conditions,
      daemonEndpoints: DAEMON_ENDPOINTS,
      nodeInfo: fixed.nodeInfo,
    },
  };
}
