/**
 * The default/kubernetes Endpoints in a multi-apiserver cluster: each running kube-apiserver
 * runs its endpoint reconciler every 10s (pkg/controlplane/controller/kubernetesservice:
 * EndpointInterval = 10s). The reconciler type and count come from the flags in the apiserver's
 * static Pod manifest on its machine, so editing the manifest changes the behaviour.
 */
import { findPod } from '../state/pods.ts';
import type { ClusterState } from '../model/state.ts';
import {
  reconcileEndpoints,
  reconcileLeaseEndpoints,
  type EndpointsState,
} from '../policy/endpoint-reconciler.ts';
import { hasQuorum, machineUp } from '../etcd/model.ts';
import { findMachine } from '../state/machines.ts';
import { controlPlaneNodeList } from '../views/node-index.ts';

/** The Endpoints object as stored on the cluster. */
export interface KubernetesEndpoints extends EndpointsState {
  /** Reconciler ticks already applied, up to this time (epoch ms). */
  readonly reconciledAt: number;
}

/** Reconcile period of kube-apiserver (EndpointInterval). */
export const RECONCILE_INTERVAL_MS = 10_000;
/** Lease TTL of the lease reconciler (--endpoint-reconciler lease: masterLeaseTTL 15s). */
export const LEASE_TTL_MS = 15_000;

const PORTS = [{ name: 'https', port: 6443, protocol: 'TCP' as const }];
const MANIFEST = '/etc/kubernetes/manifests/kube-apiserver.yaml';

/** Flags of one apiserver as its manifest says. */
export interface ApiserverConfig {
  readonly machine: string;
  readonly ip: string;
  readonly reconciler: 'master-count' | 'lease' | 'none';
  readonly count: number;
  /** Start of its reconcile timer (pod creation), epoch ms. */
  readonly startedAt: number;
}

function flag(manifest: string, name: string): string | undefined {
  const m = new RegExp(`--${name}=(\\S+)`).exec(manifest);
  return m?.[1];
}

/** The apiservers whose static Pod runs now, with the flags from their manifests. */
export function runningApiservers(state: ClusterState): ApiserverConfig[] {
  const c = state.cluster;
  if (!c) return [];
  const out: ApiserverConfig[] = [];
  for (const n of controlPlaneNodeList(c)) {
    const m = findMachine(state, n.machine);
    const manifest = m?.files[MANIFEST];
    if (!m || manifest === undefined || m.kubelet.active !== 'active' || !machineUp(state, m.name))
      continue;
    const type = flag(manifest, 'endpoint-reconciler-type');
    out.push({
      machine: m.name,
      ip: flag(manifest, 'advertise-address') ?? m.ip,
      reconciler: type === 'master-count' || type === 'none' ? type : 'lease',
      count: Number(flag(manifest, 'apiserver-count') ?? '1') || 1,
      startedAt:
        findPod(state, 'kube-system', `kube-apiserver-${n.name}`)?.createdAt ?? n.createdAt,
    });
  }
  return out.sort((a, b) => (a.machine < b.machine ? -1 : 1));
}

/** The Endpoints the cluster holds now (empty before any reconcile). */
export function kubernetesEndpoints(state: ClusterState): KubernetesEndpoints | undefined {
  return (state.cluster as { kubernetesEndpoints?: KubernetesEndpoints } | null)
    ?.kubernetesEndpoints;
}

/**
 * Runs every apiserver reconcile tick in (from, to] in time order. Only the last minute matters
 * for the outcome, so long clock jumps stay cheap. Without etcd quorum nothing can be written.
 */
export function reconcileKubernetesEndpoints(
  state: ClusterState,
  from: number,
  to: number,
): ClusterState {
  const c = state.cluster;
  if (!c || !hasQuorum(state)) return state;
  const servers = runningApiservers(state);
  if (servers.length === 0) return state;
  const start = Math.max(from, to - 6 * RECONCILE_INTERVAL_MS);
  const ticks: Array<{ t: number; s: ApiserverConfig }> = [];
  for (const s of servers) {
    const first =
      s.startedAt +
      Math.ceil((start - s.startedAt) / RECONCILE_INTERVAL_MS) * RECONCILE_INTERVAL_MS;
    // At most seven ticks fall in the last minute; counting them (not adding to t until it
    // passes `to`) keeps the cost fixed for any jump, however far the clock moves.
    const from0 = Math.max(first, s.startedAt);
    for (let k = 0; k <= 7; k++) {
      const t = from0 + k * RECONCILE_INTERVAL_MS;
      if (t > to) break;
      if (t > start) ticks.push({ t, s });
    }
  }
  ticks.sort((a, b) => a.t - b.t || (a.s.machine < b.s.machine ? -1 : 1));
  let current: EndpointsState | null = kubernetesEndpoints(state) ?? null;
  const leaseServers = servers.filter((s) => s.reconciler === 'lease');
  for (const { t, s } of ticks) {
    if (s.reconciler === 'none') continue;
    const r =
      s.reconciler === 'master-count'
        ? reconcileEndpoints({
            type: 'master-count',
            ownIP: s.ip,
            masterCount: s.count,
            current,
            ports: PORTS,
            reconcilePorts: true,
          })
        : reconcileLeaseEndpoints({
            // Running lease apiservers renew every tick; their leases are live.
            leases: leaseServers.map((l) => ({ ip: l.ip, expiresAt: t + LEASE_TTL_MS })),
            now: t,
            current,
            ports: PORTS,
            reconcilePorts: true,
          });
    if (r.action !== 'none') current = { addresses: r.addresses, ports: r.ports };
  }
  if (current === null) return state;
  const next: KubernetesEndpoints = {
    addresses: current.addresses,
    ports: current.ports,
    reconciledAt: to,
  };
  return { ...state, cluster: { ...c, kubernetesEndpoints: next } as typeof c };
}
