/**
 * The holders of Leases, after every command: each move of the clock is one renewal round of
 * every Lease whose holder is alive (objects/lease-renewals.ts), and a Lease a client deleted is
 * created again by its holder at its next renewal: the kubelet's lease controller finds it
 * NotFound and creates it with the Node as owner (staging/src/k8s.io/component-helpers/
 * apimachinery/lease/controller.go sync → backoffEnsureLease → ensureLease, every renewInterval
 * of 10 s), the apiserver's identity lease controller does the same (same controller, 10 s), and
 * a leader keeps its leadership by creating the Lease again with a new acquireTime (client-go
 * tools/leaderelection/leaderelection.go tryAcquireOrRenew: Get → NotFound → Create, every
 * RetryPeriod of 2 s).
 */
import type { ClusterState } from '../model/state.ts';
import { findNode } from '../state/nodes.ts';
import { readStored, type GoneLease, type ObjectStore } from '../store/buckets.ts';
import type { ApiObject } from '../store/types.ts';
import { createLease, leaseHolderOf, LEASES, RENEW_EVERY_MS } from '../objects/leases.ts';
import { heartbeatStoppedAt } from './node-lifecycle.ts';

/**
 * Stored Leases `before` had and `after` has not: a walk of the changed buckets only, by
 * reference (a join changes one leaf), without copying any level.
 */
function deletedLeases(before: ObjectStore | undefined, after: ObjectStore): ApiObject[] {
  const was = before?.resources[LEASES];
  const is = after.resources[LEASES];
  if (!was || was === is) return [];
  const out: ApiObject[] = [];
  for (const b1 in was) {
    const level = was[b1];
    const now = is?.[b1];
    if (!level || now === level) continue;
    for (const b2 in level) {
      const leaf = level[b2];
      const nowLeaf = now?.[b2];
      if (!leaf || nowLeaf === leaf) continue;
      for (const key in leaf) {
        const o = leaf[key];
        if (o && (!nowLeaf || !Object.hasOwn(nowLeaf, key))) out.push(o);
      }
    }
  }
  return out;
}

function withGone(state: ClusterState, gone: readonly GoneLease[]): ClusterState {
  const c = state.cluster;
  const objects = c?.objects;
  if (!c || !objects?.renewals) return state;
  const { gone: _old, ...rest } = objects.renewals;
  const renewals = gone.length > 0 ? { ...rest, gone } : rest;
  return { ...state, cluster: { ...c, objects: { ...objects, renewals } } };
}

/** Deleted Leases whose holder still runs join the ones waiting to be created again. */
function recordDeleted(before: ClusterState, after: ClusterState): ClusterState {
  const objects = after.cluster?.objects;
  if (!objects?.renewals) return after;
  const deleted = deletedLeases(before.cluster?.objects, objects);
  const added: GoneLease[] = [];
  for (const o of deleted) {
    const holder = leaseHolderOf(o);
    // A Node's removal takes its Leases with it (garbage collection by ownerReferences).
    if (!holder || !findNode(after, holder.node)) continue;
    const namespace = o.metadata.namespace ?? '';
    added.push({
      namespace,
      name: o.metadata.name,
      due: after.now + RENEW_EVERY_MS[holder.kind],
      holder,
    });
  }
  return added.length > 0 ? withGone(after, [...(objects.renewals.gone ?? []), ...added]) : after;
}

/** Creates the deleted Leases whose holder's next renewal has come, as that holder would. */
function recreateDue(state: ClusterState): ClusterState {
  const gone = state.cluster?.objects?.renewals?.gone;
  if (!gone || gone.length === 0) return state;
  let s = state;
  const waiting: GoneLease[] = [];
  for (const g of gone) {
    const node = findNode(s, g.holder.node);
    if (!node || readStored(s.cluster?.objects, LEASES, g.namespace, g.name)) continue;
    if (s.now < g.due || heartbeatStoppedAt(s, node.name) !== null) {
      waiting.push(g);
      continue;
    }
    s = createLease(s, g.holder.kind, node, g.name, g.due, g.holder.slot);
  }
  return withGone(s, waiting);
}

/**
 * The state after a renewal round at `state.now`, when the clock moved or a holder may have come
 * back (a command on its machine, a fault cleared): every slot takes its revision.
 */
export function renewalRound(state: ClusterState): ClusterState {
  const c = state.cluster;
  const objects = c?.objects;
  const r = objects?.renewals;
  if (!c || !objects || !r || r.slots === 0) return state;
  const last = r.rounds[r.rounds.length - 1];
  // Nothing was written since the last round at this time: it already says it all.
  if (
    last &&
    last.at === state.now &&
    last.slots === r.slots &&
    last.rv + last.slots === objects.rv
  )
    return state;
  const round = { rv: objects.rv, at: state.now, slots: r.slots };
  const renewals = { ...r, rounds: [...r.rounds, round], taken: r.taken + r.slots };
  return {
    ...state,
    cluster: { ...c, objects: { ...objects, rv: objects.rv + r.slots, renewals } },
  };
}

/** True when a holder on the command's machine came back without the clock moving. */
function holderBack(before: ClusterState, after: ClusterState, machine?: string): boolean {
  const faults = (x: ClusterState): unknown => (x as { readonly faults?: unknown }).faults;
  if (faults(before) !== faults(after)) return true;
  if (machine === undefined || !findNode(after, machine)) return false;
  return (
    heartbeatStoppedAt(before, machine) !== null && heartbeatStoppedAt(after, machine) === null
  );
}

/**
 * `after` with the Leases' holders caught up: deleted Leases remembered, those due created
 * again, and one renewal round when the clock moved or a holder came back.
 */
export function keepLeases(
  before: ClusterState,
  after: ClusterState,
  machine?: string,
): ClusterState {
  if (!after.cluster?.objects?.renewals) return after;
  const s = recreateDue(recordDeleted(before, after));
  return s.now !== before.now || holderBack(before, s, machine) ? renewalRound(s) : s;
}
