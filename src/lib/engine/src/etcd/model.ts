/**
 * The stacked etcd cluster as data and its derived health: members, leader, quorum.
 *
 * Until something changes membership explicitly (member add/remove, a snapshot restore), the
 * member list is derived from the control-plane nodes, so clusters built before this module
 * existed (and saved states) keep working and no RNG draws shift other outputs. Member and
 * cluster IDs are hashes of the peer URLs and the cluster token, as etcd itself derives them
 * (server/etcdserver/api/membership/member.go computeMemberID: sha1 of peer URLs + cluster
 * name); we use a 64-bit FNV-1a instead of SHA-1 - same idea, different bits.
 */
import type { ClusterState } from '../model/state.ts';
import { EngineError } from '../errors.ts';
import { findMachine } from '../state/machines.ts';
import { controlPlaneNodeList } from '../views/node-index.ts';

/** One etcd member as `etcdctl member list` reports it. */
export interface EtcdMember {
  /** 16 lowercase hex digits. */
  readonly id: string;
  /** Empty while the member was added but has not started yet (STATUS `unstarted`). */
  readonly name: string;
  /** Machine the member runs on. */
  readonly machine: string;
  readonly peerURL: string;
  /** Empty while unstarted. */
  readonly clientURL: string;
  readonly learner: boolean;
}

/** The etcd cluster once its membership was changed explicitly. */
export interface EtcdClusterState {
  readonly clusterId: string;
  readonly members: readonly EtcdMember[];
  /** Added to the revision to model restores (etcdutl bumps revisions so watchers relist). */
  readonly revisionBump?: number;
}

/** Fault kinds `kubelife fault` can inject. */
export type FaultKind = 'machine-down' | 'etcd-member-lost' | 'disk-full' | 'kubelet-stopped';

/** An injected fault. */
export interface Fault {
  readonly kind: FaultKind;
  readonly machine: string;
  /** When it was injected, epoch ms. */
  readonly since: number;
}

/** 64-bit FNV-1a of `text` as 16 hex digits. */
export function hash64(text: string): string {
  // Two 32-bit halves instead of BigInt (ten times faster): the prime is 2^40 + 0x1b3, so
  // h * prime mod 2^64 = h * 0x1b3 + (lo << 40); every partial product stays below 2^53.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % 0x100000000;
    lo = low % 0x100000000;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Faults currently injected (the optional `faults` field of the state). */
export function faultsOf(state: ClusterState): readonly Fault[] {
  return (state as { readonly faults?: readonly Fault[] }).faults ?? [];
}

/** True when `machine` has a fault of `kind`. */
export function hasFault(state: ClusterState, machine: string, kind: FaultKind): boolean {
  return faultsOf(state).some((f) => f.machine === machine && f.kind === kind);
}

/** True when the machine is powered on and reachable. */
export function machineUp(state: ClusterState, machine: string): boolean {
  return !hasFault(state, machine, 'machine-down');
}

/** The explicit etcd state on the cluster, if any. */
export function explicitEtcd(state: ClusterState): EtcdClusterState | undefined {
  return (state.cluster as { readonly etcd?: EtcdClusterState } | null)?.etcd;
}

/** Derived member of a control-plane machine. */
export function memberFor(state: ClusterState, machine: string, node: string): EtcdMember {
  const ip = findMachine(state, machine)?.ip ?? '';
  const peerURL = `https://${ip}:2380`;
  return {
    id: hash64(`${peerURL}|etcd-cluster|${state.cluster?.caHash ?? ''}`),
    name: node,
    machine,
    peerURL,
    clientURL: `https://${ip}:2379`,
    learner: false,
  };
}

/**
 * An etcd cluster on its own hosts (external topology, setup-ha-etcd-with-kubeadm.md). It exists
 * before and after any Kubernetes cluster, so it lives at the state's top level (optional field).
 */
export interface ExternalEtcdCluster extends EtcdClusterState {
  /** Client URLs, `https://<ip>:2379`, in member order. */
  readonly endpoints: readonly string[];
}

/** The external etcd cluster, if one was set up. */
export function externalEtcdOf(state: ClusterState): ExternalEtcdCluster | undefined {
  return (state as { readonly externalEtcd?: ExternalEtcdCluster }).externalEtcd;
}

/** ClusterConfiguration `etcd.external` as stored in the cluster (kubeadm-config ConfigMap). */
export interface ExternalEtcdConfig {
  readonly endpoints: readonly string[];
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** The cluster's `etcd.external`, when it was initialised with one. */
export function clusterExternalEtcd(state: ClusterState): ExternalEtcdConfig | undefined {
  return (state.cluster as { readonly externalEtcd?: ExternalEtcdConfig } | null)?.externalEtcd;
}

/** True when the cluster's etcd is external (kubeadm manages no etcd member of it). */
export function usesExternalEtcd(state: ClusterState): boolean {
  return clusterExternalEtcd(state) !== undefined;
}

/**
 * The etcd cluster as it is now: the external cluster when the Kubernetes cluster uses it (or when
 * there is no Kubernetes cluster yet), else explicit membership, else one member per
 * control-plane node.
 */
export function etcdView(state: ClusterState): EtcdClusterState | null {
  const c = state.cluster;
  const external = externalEtcdOf(state);
  if (external && (!c || usesExternalEtcd(state))) return external;
  if (!c) return null;
  const explicit = explicitEtcd(state);
  if (explicit) return explicit;
  const members = [...controlPlaneNodeList(c)]
    .sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : 1))
    .map((n) => memberFor(state, n.machine, n.name));
  return { clusterId: hash64(`cluster|${members[0]?.id ?? ''}`), members };
}

/** True when the member's etcd process runs and can serve (static pod present, no fault). */
export function memberRunning(state: ClusterState, member: EtcdMember): boolean {
  const m = findMachine(state, member.machine);
  if (!m || member.name === '') return false;
  if (!machineUp(state, member.machine)) return false;
  if (
    hasFault(state, member.machine, 'etcd-member-lost') ||
    hasFault(state, member.machine, 'disk-full')
  )
    return false;
  if (m.kubelet.active !== 'active') return false;
  return m.files['/etc/kubernetes/manifests/etcd.yaml'] !== undefined;
}

/** Quorum size of `n` voting members: floor(n/2)+1. */
export function quorumSize(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** True when enough voting members run to elect a leader and commit writes. */
export function hasQuorum(state: ClusterState): boolean {
  const e = etcdView(state);
  if (!e) return false;
  const voters = e.members.filter((m) => !m.learner);
  const up = voters.filter((m) => memberRunning(state, m)).length;
  return voters.length > 0 && up >= quorumSize(voters.length);
}

/** The leader: the first running voter (by member order) while quorum holds. */
export function etcdLeader(state: ClusterState): EtcdMember | null {
  if (!hasQuorum(state)) return null;
  const e = etcdView(state);
  const voters = e?.members.filter((m) => !m.learner && memberRunning(state, m)) ?? [];
  // After `etcdctl move-leader` the transferee leads while it runs (etcd/user-keys.ts).
  const moved = state.cluster?.etcdData?.leader;
  return voters.find((m) => m.id === moved) ?? voters[0] ?? null;
}

/**
 * For callers that write through the API server (kubectl apply/delete/cordon, kubeadm join,
 * token create, ...): the error the apiserver returns when etcd has no quorum, or null.
 * The apiserver's etcd client gives up with etcd's ErrTimeout ("etcdserver: request timed out",
 * server/etcdserver/errors.go) and kubectl prints it as "Error from server: ...".
 */
export function requireEtcdQuorum(state: ClusterState): EngineError | null {
  if (!state.cluster || hasQuorum(state)) return null;
  return new EngineError('EtcdNoQuorum', {});
}
