/**
 * One Node's health as the node lifecycle controller observes it (monitorNodeHealth,
 * tryUpdateNodeHealth): Ready False from the moment its kubelet reports it (no CNI
 * configuration, container runtime down: machine/kubelet-ready.ts), Unknown from the end of the
 * grace period after its kubelet stopped posting (controllers/node-lifecycle.ts). Only Nodes with
 * a reason to be unhealthy are ever asked (the "suspects": kubelet not running, containerd
 * stopped, no network plugin configuration, an injected fault), so a pass costs what changed.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { faultsOf } from '../etcd/model.ts';
import { FLANNEL_CNI_CONF } from '../machine/kubelet.ts';
import { kubeletReady } from '../machine/kubelet-ready.ts';
import { findMachine } from '../state/machines.ts';
import { findNode, storedNodeObject } from '../state/nodes.ts';
import { heartbeatStoppedFor, unreachableAfter } from './node-lifecycle.ts';
import { EXCLUDE_DISRUPTION_LABEL, zoneKey } from './zone-state.ts';
import type { LastPosted } from './node-lifecycle-record.ts';

/** True when something on machine `m` can make its Node not Ready (now or later). */
export function machineSuspect(state: ClusterState, m: Machine | undefined, name: string): boolean {
  if (!m) return true;
  return (
    m.kubelet.active !== 'active' ||
    !m.containerd.running ||
    m.files[FLANNEL_CNI_CONF] === undefined ||
    faultsOf(state).some((f) => f.machine === name)
  );
}

/** How the controller sees a not-Ready Node. */
export interface NodeHealth {
  /** When it stopped being Ready (this episode). */
  readonly since: number;
  /** When it went Unknown (the end of the grace period), or null while Ready is False. */
  readonly unknownAt: number | null;
  /** Its zone (GetZoneKey) and whether it is left out of the zone counts. */
  readonly zone: string;
  readonly excluded: boolean;
}

/**
 * The Node's health at `state.now`: null while it is Ready, otherwise since when it is not Ready
 * and since when Unknown; `exists` is false once the Node is gone. `posted` is what its kubelet
 * posted last, for a kubelet that no longer runs.
 */
export function nodeHealth(
  state: ClusterState,
  name: string,
  posted?: LastPosted,
): { readonly health: NodeHealth | null; readonly exists: boolean } {
  const n = findNode(state, name);
  if (!n) return { health: null, exists: false };
  const m = findMachine(state, n.machine);
  const now = state.now;
  const stopped = heartbeatStoppedFor(state, n, m);
  const marked = unreachableAfter(stopped, now);
  const labels = storedNodeObject(state, name)?.metadata.labels;
  const where = {
    zone: zoneKey(labels),
    excluded: labels !== undefined && Object.hasOwn(labels, EXCLUDE_DISRUPTION_LABEL),
  };
  // What the kubelet last posted: now while it runs; once it stopped, what it posted last (kept
  // by the controller), or else what its machine says at its last heartbeat.
  const report = m ? kubeletReady(n, m, stopped ?? now) : null;
  const falseSince =
    m && m.kubelet.active !== 'active' && posted !== undefined
      ? posted.falseSince
      : report?.status === 'False'
        ? report.since
        : null;
  if (marked !== null) {
    const since = falseSince !== null && falseSince < marked ? falseSince : marked;
    return { health: { since, unknownAt: marked, ...where }, exists: true };
  }
  if (falseSince !== null)
    return { health: { since: falseSince, unknownAt: null, ...where }, exists: true };
  return { health: null, exists: true };
}
