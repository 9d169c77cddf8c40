/**
 * The node lifecycle controller's zones (pkg/controller/nodelifecycle/node_lifecycle_controller.go,
 * kubernetes commit 003e8629): every Node belongs to the zone its topology labels name
 * (component-helpers/node/topology GetZoneKey; no label: the zone ""), each zone is Normal,
 * PartialDisruption or FullDisruption from how many of its Nodes are not Ready (ComputeZoneState),
 * and the zone's state sets the rate at which the controller adds NoExecute taints there
 * (setLimiterInZone, ReducedQPSFunc, HealthyQPSFunc). When every zone is fully disrupted the
 * controller enters "master disruption mode" (handleDisruption): it removes every NoExecute taint
 * and stops tainting, since a control plane that sees no Ready Node at all is more likely cut off
 * than every Node broken. Defaults from kube-controller-manager's flags
 * (cmd/kube-controller-manager/app/options/nodelifecyclecontroller.go).
 */

/** A zone's state (ZoneState); Initial until the controller's first pass over the zone. */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** --node-eviction-rate: taints per second in a healthy zone. */
export const NODE_EVICTION_RATE = 0.1;
/** --secondary-node-eviction-rate: taints per second in a partially disrupted large zone. */
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
/** --large-cluster-size-threshold: above this many Nodes a zone is "large". */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** --unhealthy-zone-threshold: the share of not-Ready Nodes that disrupts a zone. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

/** labelNodeDisruptionExclusion: Nodes with this label do not count in their zone. */
export const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/**
 * GetZoneKey: the failure-domain.beta labels first, then the topology ones; "" without either,
 * otherwise `region:\x00:zone`.
 */
export function zoneKey(labels: Readonly<Record<string, unknown>> | undefined): string {
  const read = (key: string): string | undefined =>
    labels !== undefined && Object.hasOwn(labels, key) ? String(labels[key]) : undefined;
  const zone =
    read('failure-domain.beta.kubernetes.io/zone') ?? read('topology.kubernetes.io/zone') ?? '';
  const region =
    read('failure-domain.beta.kubernetes.io/region') ?? read('topology.kubernetes.io/region') ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/**
 * ComputeZoneState: FullDisruption without a Ready Node, PartialDisruption when more than two
 * Nodes and at least UNHEALTHY_ZONE_THRESHOLD of them are not Ready, Normal otherwise.
 */
export function computeZoneState(ready: number, notReady: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD)
    return 'PartialDisruption';
  return 'Normal';
}

/** ReducedQPSFunc: the secondary rate in a large zone, no tainting at all in a small one. */
export function reducedQps(zoneSize: number): number {
  return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0;
}

/**
 * setLimiterInZone: the taint rate of a zone in `state` (Normal and FullDisruption: the
 * eviction rate, HealthyQPSFunc; PartialDisruption: ReducedQPSFunc), or null for Initial (the
 * limiter is left as it is).
 */
export function zoneQps(state: ZoneState, zoneSize: number): number | null {
  if (state === 'Normal' || state === 'FullDisruption') return NODE_EVICTION_RATE;
  if (state === 'PartialDisruption') return reducedQps(zoneSize);
  return null;
}

/** What handleDisruption decided in one pass. */
export interface DisruptionDecision {
  /** Every zone's state after the pass. */
  readonly states: Readonly<Record<string, ZoneState>>;
  /** Zones whose limiter is swapped, to which rate. */
  readonly swaps: Readonly<Record<string, number>>;
  /** Entering master disruption mode (every taint removed) or leaving it, if so. */
  readonly mode: 'enter' | 'exit' | null;
}

/** The zone's Ready and not-Ready Node counts. */
export interface ZoneCounts {
  readonly ready: number;
  readonly notReady: number;
}

/**
 * handleDisruption: the zones' new states from their counts (zones without Nodes are
 * forgotten); every zone fully disrupted now but not before → enter master disruption mode (every
 * limiter to 0); fully disrupted before but not now → leave it (every limiter reset for its new
 * state); otherwise each zone whose state changed gets the limiter of its new state.
 */
export function handleDisruption(
  before: Readonly<Record<string, ZoneState>>,
  counts: Readonly<Record<string, ZoneCounts>>,
): DisruptionDecision {
  const next: Record<string, ZoneState> = {};
  let allAre = true;
  for (const [zone, c] of Object.entries(counts)) {
    next[zone] = computeZoneState(c.ready, c.notReady);
    if (next[zone] !== 'FullDisruption') allAre = false;
  }
  // A zone seen for the first time starts Initial (so the first pass never looks "all was").
  const was: Record<string, ZoneState> = {};
  for (const zone of Object.keys(counts))
    was[zone] = Object.hasOwn(before, zone) ? (before[zone] ?? 'Initial') : 'Initial';
  const allWas = Object.values(was).every((s) => s === 'FullDisruption');
  const size = (zone: string): number => (counts[zone]?.ready ?? 0) + (counts[zone]?.notReady ?? 0);
  if (allAre && allWas) return { states: was, swaps: {}, mode: null };
  if (allAre) {
    const swaps = Object.fromEntries(Object.keys(was).map((z) => [z, 0]));
    const states = Object.fromEntries(Object.keys(was).map((z) => [z, 'FullDisruption' as const]));
    return { states, swaps, mode: 'enter' };
  }
  const swaps: Record<string, number> = {};
  for (const zone of Object.keys(was)) {
    const state = next[zone] ?? 'Normal';
    if (!allWas && was[zone] === state) continue;
    const qps = zoneQps(state, size(zone));
    if (qps !== null) swaps[zone] = qps;
  }
  return { states: next, swaps, mode: allWas ? 'exit' : null };
}
