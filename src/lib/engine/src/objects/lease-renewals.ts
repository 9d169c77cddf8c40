/**
 * Lease renewals as writes of the global resourceVersion, without a write per Lease per renewal.
 * A real holder updates its Lease every few seconds (the kubelet every 10 s,
 * staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go sync), and each update
 * takes etcd's next revision. The simulated clock moves in steps, so every step is one renewal
 * round (controllers/lease-holders.ts): the round takes one revision per Lease slot at once, and
 * the Lease with slot `i` renewed in it has resourceVersion `round.rv + i + 1` and renewTime
 * `round.at`. A Lease whose holder stopped keeps what its last round before the stop gave it; a
 * Lease written after a round (created, edited by a client) keeps its own until the next round.
 * One round costs O(1) whatever the number of nodes; serving a Lease costs a lookup.
 */
import type { ClusterState } from '../model/state.ts';
import { writeSequence, type LeaseRenewals, type RenewalRound } from '../store/buckets.ts';
import type { ApiObject } from '../store/types.ts';
import { heartbeatStoppedAt } from '../controllers/node-lifecycle.ts';
import { leaseHolderOf, microTime } from './leases.ts';

/** The last round at or before `t` (rounds are in time order), if any. */
export function roundAtOrBefore(
  rounds: readonly RenewalRound[],
  t: number,
): RenewalRound | undefined {
  let lo = 0;
  let hi = rounds.length - 1;
  let found: RenewalRound | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rounds[mid] as RenewalRound;
    if (r.at <= t) {
      found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The renewal that last changed a Lease: its resourceVersion and time, or null when none did. */
export function lastRenewal(
  state: ClusterState,
  renewals: LeaseRenewals | undefined,
  o: ApiObject,
): { rv: number; at: number } | null {
  const holder = leaseHolderOf(o);
  if (!renewals || !holder) return null;
  const stopped = heartbeatStoppedAt(state, holder.node);
  const round =
    stopped === null
      ? renewals.rounds[renewals.rounds.length - 1]
      : roundAtOrBefore(renewals.rounds, stopped);
  if (!round || holder.slot >= round.slots) return null;
  const rv = round.rv + holder.slot + 1;
  return rv > Number(o.metadata.resourceVersion) ? { rv, at: round.at } : null;
}

/** A stored Lease as served: renewed in its last round, without the simulation's record. */
export function servedLease(state: ClusterState, o: ApiObject): ApiObject {
  const renewed = lastRenewal(state, state.cluster?.objects?.renewals, o);
  const { simulator: _sim, ...rest } = o;
  if (!renewed) return rest;
  const spec = (o['spec'] ?? {}) as Readonly<Record<string, unknown>>;
  return {
    ...rest,
    metadata: { ...o.metadata, resourceVersion: String(renewed.rv) },
    spec: { ...spec, renewTime: microTime(renewed.at) },
  };
}

/**
 * How many writes other than Lease renewals `after` has over `before` (a later state of the same
 * session): a clock step renews the Leases, which is no change a waiting client looks for.
 */
export function writesBesidesRenewals(before: ClusterState, after: ClusterState): number {
  return writeSequence(after.cluster?.objects) - writeSequence(before.cluster?.objects);
}
