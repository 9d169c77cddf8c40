/**
 * Leases in the API object store, written when their holder starts: each node's kubelet heartbeat
 * Lease in kube-node-lease (pkg/kubelet/nodelease and
 * staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go newLease: holder = node
 * name, leaseDurationSeconds 40, owned by the Node), the leader-election Leases of
 * kube-controller-manager and kube-scheduler in kube-system (client-go
 * tools/leaderelection/leaderelection.go tryAcquireOrRenew: holder `<hostname>_<uuid>`,
 * leaseDurationSeconds 15, acquireTime, leaseTransitions 0), acquired by the first control-plane
 * node, and each kube-apiserver's identity Lease in kube-system (APIServerIdentity, beta and on
 * by default since v1.26): named `apiserver-` + the lower-case unpadded base32 of the first 16
 * bytes of SHA-256 over the length-prefixed hostname and "kube-apiserver"
 * (staging/src/k8s.io/apiserver/pkg/server/config.go NewConfig, v1.29+), holder `<name>_<uuid>`,
 * leaseDurationSeconds 3600, labelled with the identity and the hostname
 * (pkg/controlplane/apiserver/server.go, IdentityLeaseDurationSeconds; the Lease YAML on
 * kubernetes.io/docs/concepts/architecture/leases/).
 *
 * Each Lease carries its holder in `simulator` (not served): its renewals take resourceVersions
 * from the global counter (objects/lease-renewals.ts), and its holder creates it again when a
 * client deleted it (controllers/lease-holders.ts).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { readStored, type GoneLease } from '../store/buckets.ts';
import { putObject, removeObject } from '../store/write.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import { uid } from './legacy-meta.ts';
import { sha256 } from '../pki/sha.ts';
import { utf8 } from '../pki/der.ts';

/** The resource id of Leases in the store. */
export const LEASES = 'leases.coordination.k8s.io';

/**
 * What the simulation keeps about a renewed Lease (dropped when served): which component holds
 * it, the Node whose kubelet or control-plane components renew it, and its place in each renewal
 * round (objects/lease-renewals.ts).
 */
export type LeaseHolder = GoneLease['holder'];

/** Which component holds a Lease, and so how it renews it. */
export type LeaseHolderKind = LeaseHolder['kind'];

/** The holder record of a stored Lease, if its holder renews it. */
export function leaseHolderOf(o: ApiObject): LeaseHolder | undefined {
  const sim = o['simulator'] as Partial<LeaseHolder> | undefined;
  return typeof sim?.node === 'string' && typeof sim.slot === 'number' && sim.kind !== undefined
    ? (sim as LeaseHolder)
    : undefined;
}

/**
 * How often the holder renews, which is also how soon it creates a deleted Lease again:
 * the kubelet's renewInterval (pkg/kubelet/kubelet.go: nodeLeaseRenewIntervalFraction 0.25 of
 * the 40 s lease), the apiserver's IdentityLeaseRenewIntervalPeriod (10 s), and client-go
 * leader election's RetryPeriod (2 s: kubeadm sets only --leader-elect=true, cmd/kubeadm/app/
 * phases/controlplane/manifests.go, so component-base's RecommendedDefaultLeaderElection-
 * Configuration applies).
 */
export const RENEW_EVERY_MS: Readonly<Record<LeaseHolderKind, number>> = {
  node: 10_000,
  identity: 10_000,
  leader: 2_000,
};

/** The leader-election Leases kubeadm's control plane takes. */
export const LEADER_LEASES = ['kube-controller-manager', 'kube-scheduler'] as const;

/** MicroTime as the API serializes it (RFC 3339 with microseconds). */
export function microTime(ms: number): string {
  return formatRfc3339(ms).replace(/Z$/, `.${String((ms % 1000) * 1000).padStart(6, '0')}Z`);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** base32.StdEncoding without padding, lower-cased. */
function base32Lower(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The identity (and Lease name) of the kube-apiserver on a host named `hostname`. */
export function apiserverIdentity(hostname: string): string {
  const prefixed = (s: string): number[] => {
    const b = utf8(s);
    return [b.length >> 8, b.length & 0xff, ...b];
  };
  const hash = sha256(Uint8Array.from([...prefixed(hostname), ...prefixed('kube-apiserver')]));
  return `apiserver-${base32Lower(hash.subarray(0, 16))}`;
}

/** A Node as the Lease builders need it. */
export interface LeaseNode {
  readonly name: string;
  readonly machine: string;
  readonly createdAt: number;
}

/** The Lease `holder` creates at `at` (namespace and name as stored), its slot given. */
export function leaseOf(
  state: ClusterState,
  holder: LeaseHolder,
  node: LeaseNode,
  name: string,
  at: number,
): { namespace: string; object: NewObject } {
  const simulator = holder as unknown as NewObject['simulator'];
  const base = { creationTimestamp: formatRfc3339(at), name };
  if (holder.kind === 'node') {
    const owner = readStored(state.cluster?.objects, 'nodes', null, node.name)?.metadata.uid;
    return {
      namespace: 'kube-node-lease',
      object: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          ...base,
          namespace: 'kube-node-lease',
          // setNodeOwnerFunc (pkg/kubelet/nodelease.go) adds the Node once it can read its uid.
          ...(owner !== undefined
            ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: owner }] }
            : {}),
        },
        spec: { holderIdentity: node.name, leaseDurationSeconds: 40, renewTime: microTime(at) },
        simulator,
      },
    };
  }
  if (holder.kind === 'leader') {
    const id = uid(`${node.name}/${name}/${node.createdAt}#lease`);
    return {
      namespace: 'kube-system',
      object: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { ...base, namespace: 'kube-system' },
        spec: {
          acquireTime: microTime(at),
          holderIdentity: `${node.name}_${id}`,
          leaseDurationSeconds: 15,
          leaseTransitions: 0,
          renewTime: microTime(at),
        },
        simulator,
      },
    };
  }
  return {
    namespace: 'kube-system',
    object: {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        ...base,
        namespace: 'kube-system',
        labels: {
          'apiserver.kubernetes.io/identity': 'kube-apiserver',
          'kubernetes.io/hostname': node.machine,
        },
      },
      spec: {
        holderIdentity: `${name}_${uid(`${node.machine}/kube-apiserver/${node.createdAt}#identity`)}`,
        leaseDurationSeconds: 3600,
        renewTime: microTime(at),
      },
      simulator,
    },
  };
}

/** The name of the Lease a holder of `kind` on `node` keeps (one per kind, leaders aside). */
export function leaseName(kind: Exclude<LeaseHolderKind, 'leader'>, node: LeaseNode): string {
  return kind === 'node' ? node.name : apiserverIdentity(node.machine);
}

/** The state with the next renewal slot handed out. */
function takeSlot(state: ClusterState): { state: ClusterState; slot: number } {
  const c = state.cluster;
  const objects = c?.objects;
  if (!c || !objects) return { state, slot: 0 };
  const r = objects.renewals ?? { slots: 0, rounds: [], taken: 0 };
  const renewals = { ...r, slots: r.slots + 1 };
  return {
    state: { ...state, cluster: { ...c, objects: { ...objects, renewals } } },
    slot: r.slots,
  };
}

/** Creates one Lease of `kind` for `node` at `at`, unless it is stored already. */
export function createLease(
  state: ClusterState,
  kind: LeaseHolderKind,
  node: LeaseNode,
  name: string,
  at: number,
  slot?: number,
): ClusterState {
  const namespace = kind === 'node' ? 'kube-node-lease' : 'kube-system';
  if (readStored(state.cluster?.objects, LEASES, namespace, name)) return state;
  const taken = slot === undefined ? takeSlot(state) : { state, slot };
  const lease = leaseOf(taken.state, { kind, node: node.name, slot: taken.slot }, node, name, at);
  return putObject(taken.state, LEASES, lease.object);
}

/**
 * The Leases a node's components create when it registers at `at`: its kubelet's, and on a
 * control-plane node its kube-apiserver's identity Lease and, while no one holds them yet, the
 * leader-election Leases of its controller-manager and scheduler.
 */
export function createNodeLeases(
  state: ClusterState,
  node: LeaseNode,
  controlPlane: boolean,
  at: number,
): ClusterState {
  let s = createLease(state, 'node', node, leaseName('node', node), at);
  if (!controlPlane) return s;
  s = createLease(s, 'identity', node, leaseName('identity', node), at);
  for (const name of LEADER_LEASES) s = createLease(s, 'leader', node, name, at);
  return s;
}

/**
 * The state without the Leases of a removed Node: its kubelet's (garbage-collected through its
 * ownerReference to the Node) and its kube-apiserver's identity Lease.
 */
export function removeNodeLeases(state: ClusterState, node: LeaseNode): ClusterState {
  const s = removeObject(state, LEASES, 'kube-node-lease', node.name);
  const identity = apiserverIdentity(node.machine);
  const stored = readStored(s.cluster?.objects, LEASES, 'kube-system', identity);
  return stored && leaseHolderOf(stored)?.node === node.name
    ? removeObject(s, LEASES, 'kube-system', identity)
    : s;
}

/**
 * The leader-election Leases a removed Node held, acquired by the control-plane node `heir`: a
 * candidate that finds the Lease unrenewed takes it with a new acquireTime and one more
 * leaseTransitions (client-go tools/leaderelection/leaderelection.go tryAcquireOrRenew). The
 * simulation hands it over at the removal, not a lease duration later.
 */
export function handOverLeaderLeases(
  state: ClusterState,
  removed: string,
  heir: LeaseNode,
): ClusterState {
  let s = state;
  for (const name of LEADER_LEASES) {
    const stored = readStored(s.cluster?.objects, LEASES, 'kube-system', name);
    const holder = stored ? leaseHolderOf(stored) : undefined;
    if (!stored || !holder || holder.node !== removed) continue;
    const next = { kind: 'leader' as const, node: heir.name, slot: holder.slot };
    const fresh = leaseOf(s, next, heir, name, s.now).object;
    const spec = stored['spec'] as { readonly leaseTransitions?: number } | undefined;
    s = putObject(s, LEASES, {
      ...fresh,
      metadata: { ...stored.metadata },
      spec: {
        ...(fresh['spec'] as Readonly<Record<string, NewObject['spec']>>),
        leaseTransitions: (spec?.leaseTransitions ?? 0) + 1,
      },
    });
  }
  return s;
}
