/**
 * The kubelet's NodeSchedulable / NodeNotSchedulable Events: at each node status update it
 * compares spec.unschedulable with the value it saw last and records the change, so `kubectl
 * cordon` shows up as "Node worker-1 status is now: NodeNotSchedulable" within one status period
 * (and a cordon undone before the kubelet looked shows up not at all).
 *
 * upstream: pkg/kubelet/kubelet_node_status.go (recordNodeSchedulableEvent, lastNodeUnschedulable;
 * recordNodeStatusEvent "Node %s status is now: %s"), pkg/kubelet/events/event.go
 * (NodeSchedulable, NodeNotSchedulable), pkg/kubelet/apis/config/v1beta1/defaults.go
 * (nodeStatusUpdateFrequency 10s).
 */
/** The kubelet's nodeStatusUpdateFrequency default. */
export const NODE_STATUS_UPDATE_MS = 10_000;
/** kube-apiserver --event-ttl default: older changes have no Event left to show. */
const KEEP_MS = 60 * 60 * 1000;

/** One change of spec.unschedulable as the kubelet records it. */
export interface SchedulableChange {
  /** When the kubelet's status update saw it, epoch ms. */
  readonly at: number;
  readonly unschedulable: boolean;
}

/** The kubelet's next node status update after `now` for a node registered at `createdAt`. */
function nextStatusUpdate(createdAt: number, now: number): number {
  const periods = Math.floor((now - createdAt) / NODE_STATUS_UPDATE_MS) + 1;
  return createdAt + periods * NODE_STATUS_UPDATE_MS;
}

/** The changes recorded on a stored Node's simulation fields. */
export function schedulableChanges(simulator: unknown): readonly SchedulableChange[] {
  const sim = (simulator ?? {}) as { readonly schedulableChanges?: readonly SchedulableChange[] };
  return sim.schedulableChanges ?? [];
}

/**
 * The changes after spec.unschedulable went from `before` to `after` at `now`: a change the
 * kubelet has not looked at yet that is now undone is dropped (its next update sees nothing
 * new); otherwise the next update records the new value. Changes older than the Event TTL go.
 */
export function withSchedulableChange(
  changes: readonly SchedulableChange[],
  createdAt: number,
  now: number,
  before: boolean,
  after: boolean,
): readonly SchedulableChange[] {
  const kept = changes.filter((c) => now - c.at < KEEP_MS);
  if (before === after) return kept;
  const last = kept.at(-1);
  if (last !== undefined && last.at > now && last.unschedulable === before)
    return kept.slice(0, -1);
  return [...kept, { at: nextStatusUpdate(createdAt, now), unschedulable: after }];
}
