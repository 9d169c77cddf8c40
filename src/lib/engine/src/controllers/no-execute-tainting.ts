/**
 * The node lifecycle controller's NoExecute tainting, run after every command as a function of
 * the store and the simulated clock (pkg/controller/nodelifecycle/node_lifecycle_controller.go,
 * kubernetes commit 003e8629: monitorNodeHealth → processTaintBaseEviction → markNodeForTainting,
 * handleDisruption, doNoExecuteTaintingPass).
 *
 * A Node that stops being Ready joins its zone's taint queue (RateLimitedTimedQueue); the queue
 * hands out NoExecute taints (not-ready for Ready False, unreachable for Unknown) at the zone's
 * rate (controllers/taint-limiter.ts), which the zone's state sets (controllers/zone-state.ts:
 * 0.1/s while Normal, none in a partially disrupted zone of up to 50 Nodes, 0.01/s in a larger
 * one). A tainted Node whose status flips is re-tainted at once (the swap is not rate limited);
 * a Node Ready again loses its taint and leaves the queue (markNodeAsReachable). With every zone
 * fully disrupted the controller removes every taint and stops ("master disruption mode").
 *
 * What the controller keeps is data on the state (`nodeLifecycle`): the Nodes it watches (those
 * with a reason to be unhealthy: controllers/node-health.ts), the not-Ready ones with their queue
 * time or taint, each zone's state and limiter, and its log lines. A pass looks at the Nodes of
 * the machines the command changed and at the watched ones, never at every Node; the zones'
 * sizes are counted only while a Node is not Ready, once per change of the Node table.
 * Simplifications: the controller's 5 s monitor period and the 100 ms tainting period are not
 * modelled (it acts at the instant the status changes or a token is there).
 */
import type { ClusterState } from '../model/state.ts';
import {
  deleteKeyed,
  emptyKeyed,
  getKeyed,
  keyedEntries,
  keyedKeys,
  setKeyed,
  type KeyedMap,
} from '../model/keyed-map.ts';
import { faultsOf } from '../etcd/model.ts';
import { nodeOfMachine } from '../views/node-index.ts';
import { findNode } from '../state/nodes.ts';
import { kubeletReady } from '../machine/kubelet-ready.ts';
import { machineSuspect, nodeHealth, type NodeHealth } from './node-health.ts';
import { NOT_READY_TAINT, UNREACHABLE_TAINT } from './node-lifecycle.ts';
import { handleDisruption, type ZoneCounts, type ZoneState } from './zone-state.ts';
import { newLimiter, nextToken, swapLimiter, takeToken, tokensAt } from './taint-limiter.ts';
import { zoneSizes } from './zone-sizes.ts';
import {
  nodeLifecycleOf,
  type LastPosted,
  type NodeLifecycleRecord,
  type TrackedNode,
  type ZoneRecord,
} from './node-lifecycle-record.ts';
import { NODE_EVICTION_RATE } from './zone-state.ts';

/** The work of the last pass (tests check that it follows the change, not the cluster). */
export const taintingWork = { nodesLookedAt: 0 };

const EMPTY: NodeLifecycleRecord = {
  watched: emptyKeyed<LastPosted>(),
  notReady: emptyKeyed<TrackedNode>(),
  zones: {},
  disrupted: false,
  log: [],
};

/** The Nodes of the machines whose records changed between `before` and `after` (bucket diff). */
function changedNodes(before: ClusterState, after: ClusterState): string[] | null {
  if (before.machines === after.machines) return [];
  const a = before.machines.buckets;
  const b = after.machines.buckets;
  // A map that grew rehashed every bucket: look at every machine.
  if (a.length !== b.length) return null;
  const out: string[] = [];
  for (let i = 0; i < b.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y || !y) continue;
    for (const name of Object.keys(y)) if (!x || x[name] !== y[name]) out.push(name);
    if (x) for (const name of Object.keys(x)) if (!Object.hasOwn(y, name)) out.push(name);
  }
  return out;
}

/**
 * The Node of `machine`, or null: a Node is named after its machine unless kubeadm was given
 * --node-name; only a machine whose kubelet runs can have registered one under another name.
 */
function nodeNameOf(state: ClusterState, machine: string): string | null {
  const named = findNode(state, machine);
  if (named?.machine === machine) return named.name;
  if (getKeyed(state.machines, machine)?.kubelet.active !== 'active') return null;
  return nodeOfMachine(state.cluster, machine)?.name ?? null;
}

/** The watched set after this command: changed machines' Nodes re-checked, the rest kept. */
function watchedAfter(rec: NodeLifecycleRecord, before: ClusterState, after: ClusterState) {
  const changed = changedNodes(before, after);
  const faulted = new Set([
    ...faultsOf(before).map((f) => f.machine),
    ...faultsOf(after).map((f) => f.machine),
  ]);
  // No record yet (a fresh or loaded state): look at every machine once.
  const machines =
    changed === null || !nodeLifecycleOf(after)
      ? keyedKeys(after.machines)
      : [...new Set([...changed, ...faulted])];
  let watched = rec.watched;
  for (const machine of machines) {
    const m = getKeyed(after.machines, machine);
    const node = nodeNameOf(after, machine) ?? nodeNameOf(before, machine);
    if (node === null) continue;
    if (!machineSuspect(after, m, machine)) {
      watched = deleteKeyed(watched, node);
      continue;
    }
    // A kubelet that stopped with this command posted last what it saw before it.
    const old = getKeyed(before.machines, machine);
    const running =
      m?.kubelet.active === 'active' ? after : old?.kubelet.active === 'active' ? before : null;
    const posted = running
      ? lastPosted(running, node)
      : (getKeyed(watched, node) ?? { falseSince: null });
    watched = setKeyed(watched, node, posted);
  }
  return watched;
}

/** What the running kubelet of `node` posts at `state.now`. */
function lastPosted(state: ClusterState, node: string): LastPosted {
  const n = findNode(state, node);
  const m = n ? getKeyed(state.machines, n.machine) : undefined;
  const report = n && m ? kubeletReady(n, m, state.now) : null;
  return { falseSince: report?.status === 'False' ? report.since : null };
}

type Change =
  | { readonly t: number; readonly node: string; readonly kind: 'down'; readonly h: NodeHealth }
  | { readonly t: number; readonly node: string; readonly kind: 'unknown' | 'false' }
  | { readonly t: number; readonly node: string; readonly kind: 'up' };

/** The zones' Ready/not-Ready counts. */
function counts(state: ClusterState, notReady: KeyedMap<TrackedNode>): Record<string, ZoneCounts> {
  const sizes = zoneSizes(state);
  const down: Record<string, number> = {};
  for (const [, n] of keyedEntries(notReady))
    if (!n.excluded) down[n.zone] = (Object.hasOwn(down, n.zone) ? (down[n.zone] ?? 0) : 0) + 1;
  const out: Record<string, ZoneCounts> = {};
  for (const [zone, size] of Object.entries(sizes)) {
    const d = Object.hasOwn(down, zone) ? (down[zone] ?? 0) : 0;
    out[zone] = { ready: Math.max(0, size - d), notReady: Math.min(size, d) };
  }
  return out;
}

/** The taint key for a Node's status at `t`. */
const keyAt = (n: TrackedNode, t: number): string =>
  n.unknownAt !== null && n.unknownAt <= t ? UNREACHABLE_TAINT : NOT_READY_TAINT;

/** doNoExecuteTaintingPass up to `until` (inclusive): each zone's queue at its limiter's pace. */
function taintUntil(rec: NodeLifecycleRecord, until: number): NodeLifecycleRecord {
  let { notReady, zones } = rec;
  const queued = keyedEntries(notReady)
    .filter(([, n]) => n.queuedAt !== undefined && n.taint === undefined)
    .sort(([a, x], [b, y]) => (x.queuedAt ?? 0) - (y.queuedAt ?? 0) || (a < b ? -1 : 1));
  for (const [name, n] of queued) {
    const zone = Object.hasOwn(zones, n.zone) ? zones[n.zone] : undefined;
    const limiter = zone?.limiter ?? newLimiter(NODE_EVICTION_RATE, n.queuedAt ?? until);
    const at = nextToken(limiter, Math.max(n.queuedAt ?? until, limiter.at));
    if (at > until) continue;
    const key = keyAt(n, at);
    const { queuedAt: _gone, ...rest } = n;
    notReady = setKeyed(notReady, name, { ...rest, taint: { key, timeAdded: at, since: at } });
    zones = {
      ...zones,
      [n.zone]: { state: zone?.state ?? 'Initial', limiter: takeToken(limiter, at) },
    };
  }
  return { ...rec, notReady, zones };
}

const LOG_ENTER =
  'Controller detected that all Nodes are not-Ready. Entering master disruption mode';
const LOG_EXIT = 'Controller detected that some Nodes are Ready. Exiting master disruption mode';

/** Applies the changes at `t`, then handleDisruption at `t`. */
function applyAt(
  state: ClusterState,
  rec: NodeLifecycleRecord,
  t: number,
  changes: readonly Change[],
): NodeLifecycleRecord {
  let notReady = rec.notReady;
  for (const c of changes) {
    const n = getKeyed(notReady, c.node);
    if (c.kind === 'up') notReady = deleteKeyed(notReady, c.node);
    else if (c.kind === 'down') notReady = setKeyed(notReady, c.node, { ...c.h, queuedAt: t });
    else if (!n) continue;
    else if (n.taint)
      // processTaintBaseEviction: a tainted Node is re-tainted at once, keeping the episode.
      notReady = setKeyed(notReady, c.node, {
        ...n,
        unknownAt: c.kind === 'unknown' ? t : null,
        taint: {
          key: c.kind === 'unknown' ? UNREACHABLE_TAINT : NOT_READY_TAINT,
          timeAdded: t,
          since: n.taint.since,
        },
      });
    // markNodeForTainting: not yet tainted with the new key → leaves the queue, joins it again.
    else
      notReady = setKeyed(notReady, c.node, {
        ...n,
        unknownAt: c.kind === 'unknown' ? t : null,
        queuedAt: t,
      });
  }
  const before: Record<string, ZoneState> = Object.fromEntries(
    Object.entries(rec.zones).map(([z, r]) => [z, r.state]),
  );
  const decision = handleDisruption(before, counts(state, notReady));
  const zones: Record<string, ZoneRecord> = {};
  for (const [zone, s] of Object.entries(decision.states)) {
    const old = Object.hasOwn(rec.zones, zone) ? rec.zones[zone] : undefined;
    // addPodEvictorForNewZone: a new zone's limiter starts full at the eviction rate.
    let limiter = old?.limiter ?? newLimiter(NODE_EVICTION_RATE, t);
    if (Object.hasOwn(decision.swaps, zone))
      limiter = swapLimiter(limiter, decision.swaps[zone] ?? 0, t);
    zones[zone] = { state: s, limiter };
  }
  let log = rec.log;
  let disrupted = rec.disrupted;
  if (decision.mode === 'enter') {
    disrupted = true;
    log = [...log, { at: t, text: LOG_ENTER }];
    // markNodeAsReachable on every Node: taints gone; the next pass queues them again.
    for (const [name, n] of keyedEntries(notReady)) {
      const { taint: _gone, ...rest } = n;
      notReady = setKeyed(notReady, name, { ...rest, queuedAt: t });
    }
  } else if (decision.mode === 'exit') {
    disrupted = false;
    log = [...log, { at: t, text: LOG_EXIT }];
  }
  for (const [zone, s] of Object.entries(decision.states))
    if (
      decision.mode === null &&
      before[zone] !== undefined &&
      before[zone] !== s &&
      before[zone] !== 'Initial'
    )
      log = [
        ...log,
        {
          at: t,
          text: `Controller detected that zone is now in new state zone="${zone}" newState="${s}"`,
        },
      ];
  return { ...rec, notReady, zones, disrupted, log };
}

/**
 * The record with every bucket that has filled up in one form (a full bucket is full whenever it
 * filled), so that equal histories save equal states; the same record when nothing changed.
 */
function settled(rec: NodeLifecycleRecord, now: number): NodeLifecycleRecord {
  let zones: Record<string, ZoneRecord> | null = null;
  for (const [zone, z] of Object.entries(rec.zones)) {
    const l = z.limiter;
    if (l.qps <= 0 || (l.tokens === 1 && l.at === 0) || tokensAt(l, now) < 1) continue;
    zones ??= { ...rec.zones };
    zones[zone] = { ...z, limiter: { qps: l.qps, tokens: 1, at: 0 } };
  }
  return zones === null ? rec : { ...rec, zones };
}

/**
 * `after` with the controller caught up: the Nodes that stopped or started being Ready since
 * `before` (in time order), their zones' states, and the taints the queues handed out.
 */
export function reconcileNodeTainting(before: ClusterState, after: ClusterState): ClusterState {
  if (!after.cluster) return after;
  const old = nodeLifecycleOf(after) ?? EMPTY;
  const watched = watchedAfter(old, before, after);
  const names = new Set([...keyedKeys(watched), ...keyedKeys(old.notReady)]);
  taintingWork.nodesLookedAt = names.size;
  if (names.size === 0 && nodeLifecycleOf(after) !== undefined) {
    const idle = settled(old, after.now);
    return idle === old ? after : ({ ...after, nodeLifecycle: idle } as ClusterState);
  }
  const from = Math.min(before.now, after.now);
  const changes: Change[] = [];
  let rec: NodeLifecycleRecord = { ...old, watched };
  for (const name of names) {
    const { health, exists } = nodeHealth(after, name, getKeyed(watched, name));
    if (!exists) rec = { ...rec, watched: deleteKeyed(rec.watched, name) };
    const was = getKeyed(old.notReady, name);
    const clamp = (t: number): number => Math.max(from, Math.min(t, after.now));
    if (!health) {
      if (was) changes.push({ t: after.now, node: name, kind: 'up' });
      continue;
    }
    if (!was) {
      changes.push({
        t: clamp(health.since),
        node: name,
        kind: 'down',
        h: { ...health, unknownAt: null },
      });
      if (health.unknownAt !== null)
        changes.push({ t: clamp(health.unknownAt), node: name, kind: 'unknown' });
    } else if (was.unknownAt === null && health.unknownAt !== null)
      changes.push({ t: clamp(health.unknownAt), node: name, kind: 'unknown' });
    // Its kubelet posts again and reports Ready False.
    else if (was.unknownAt !== null && health.unknownAt === null)
      changes.push({ t: after.now, node: name, kind: 'false' });
  }
  changes.sort((a, b) => a.t - b.t || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  for (let i = 0; i < changes.length;) {
    const t = changes[i]?.t ?? after.now;
    const at: Change[] = [];
    while (i < changes.length && changes[i]?.t === t) at.push(changes[i++] as Change);
    rec = applyAt(after, taintUntil(rec, t - 1), t, at);
  }
  rec = taintUntil(rec, after.now);
  return { ...after, nodeLifecycle: settled(rec, after.now) } as ClusterState;
}
