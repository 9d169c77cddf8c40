/**
 * The parts of a served Node that change only with its stored object or its machine (identity,
 * addresses, capacity, nodeInfo), built once and shared, frozen, by every listing
 * (objects/node-object.ts adds what moves with the clock). Values as the kubelet reports them
 * (pkg/kubelet/nodestatus/setters.go: NodeAddress, MachineInfo, VersionInfo).
 */
import type { Machine, NodeObject } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { meta } from './legacy-meta.ts';

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
export interface FixedParts {
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

/**
 * What the kubelet reports that does not move with the clock: identity, addresses, resources
 * (reused while `stored` and `m` are the same objects).
 */
export function fixedParts(
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

/** status.daemonEndpoints: the kubelet's port. */
export const DAEMON_ENDPOINTS: Obj = freezeDeep({ kubeletEndpoint: { Port: 10250 } });
