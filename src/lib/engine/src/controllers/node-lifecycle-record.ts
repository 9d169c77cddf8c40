/**
 * What the node lifecycle controller keeps between passes (controllers/no-execute-tainting.ts),
 * as data on the state (its optional `nodeLifecycle` field), and the readers the served Node
 * objects and the taint eviction controller use.
 */
import { getKeyed, type KeyedMap } from '../model/keyed-map.ts';
import type { ClusterState } from '../model/state.ts';
import type { NodeHealth } from './node-health.ts';
import type { TaintLimiter } from './taint-limiter.ts';
import type { ZoneState } from './zone-state.ts';

/** The controller's NoExecute taint on a Node. */
export interface ControllerTaint {
  readonly key: string;
  readonly timeAdded: number;
  /** The episode's first NoExecute taint (a swap keeps it: taint eviction counts from here). */
  readonly since: number;
}

/** A Node the controller sees not Ready. */
export interface TrackedNode extends NodeHealth {
  /** In its zone's queue since (absent: tainted, or not queued). */
  readonly queuedAt?: number;
  readonly taint?: ControllerTaint;
}

/**
 * What a watched Node's kubelet posted last while it ran: Ready False since `falseSince`, or
 * Ready (null). Kept because a stopped kubelet posts nothing more, whatever happens to its
 * machine afterwards (kubeadm reset removing the CNI configuration does not make it post False).
 */
export interface LastPosted {
  readonly falseSince: number | null;
}

/** One zone: its state and its limiter. */
export interface ZoneRecord {
  readonly state: ZoneState;
  readonly limiter: TaintLimiter;
}

/** A log line of the controller (klog Info), at a simulated time. */
export interface ControllerLogLine {
  readonly at: number;
  readonly text: string;
}

/** What the node lifecycle controller keeps (the optional `nodeLifecycle` field of the state). */
export interface NodeLifecycleRecord {
  /** Nodes with a reason to be unhealthy, watched every pass, with their kubelet's last post. */
  readonly watched: KeyedMap<LastPosted>;
  /** Nodes not Ready. */
  readonly notReady: KeyedMap<TrackedNode>;
  readonly zones: Readonly<Record<string, ZoneRecord>>;
  /** True in master disruption mode. */
  readonly disrupted: boolean;
  readonly log: readonly ControllerLogLine[];
}

/** The controller's record, if it has started. */
export function nodeLifecycleOf(state: ClusterState): NodeLifecycleRecord | undefined {
  return (state as { readonly nodeLifecycle?: NodeLifecycleRecord }).nodeLifecycle;
}

/** The controller's NoExecute taint on `node`, if any. */
export function controllerTaint(state: ClusterState, node: string): ControllerTaint | undefined {
  const rec = nodeLifecycleOf(state);
  return rec ? getKeyed(rec.notReady, node)?.taint : undefined;
}

/** True in master disruption mode (every zone fully disrupted). */
export function masterDisruption(state: ClusterState): boolean {
  return nodeLifecycleOf(state)?.disrupted ?? false;
}
