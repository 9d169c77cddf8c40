/**
 * A client waiting for Pods to be gone, as kubectl does after it deleted or evicted them
 * (staging/src/k8s.io/kubectl/pkg/drain/drain.go waitForDelete: a Pod is gone once a GET answers
 * NotFound or a Pod of another UID; staging/src/k8s.io/kubectl/pkg/cmd/wait/delete.go for
 * `kubectl delete --wait`). The simulated clock moves from one kubelet's finished deletion to the
 * next (workloads/pod-deletion.ts nextPodTermination), with the controllers run at each step as
 * they run while a real client polls; it stops at `deadline`, or when no kubelet will finish a
 * Pod that is left (its node is not Ready).
 */
import type { ClusterState } from '../model/state.ts';
import { fail, ok, type Transition } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { runControllers } from '../controllers/run-controllers.ts';
import { readStored } from '../store/buckets.ts';
import { nextPodTermination } from '../workloads/pod-deletion.ts';

/** Where the wait ended: the state then, and the keys (`namespace/name`) still there. */
export interface PodWait {
  readonly state: ClusterState;
  readonly left: readonly string[];
}

/** The uid of Pod `key` (`namespace/name`), or null when there is none. */
function uidOf(state: ClusterState, key: string): string | null {
  const i = key.indexOf('/');
  const pod = readStored(state.cluster?.objects, 'pods', key.slice(0, i), key.slice(i + 1));
  return pod?.metadata.uid ?? null;
}

/**
 * Waits until each Pod of `keys`, as it is in `state`, is gone; `deadline` (epoch ms) bounds the
 * wait, null waits as long as some kubelet will still finish one.
 */
export function waitForPodsGone(
  state: ClusterState,
  keys: readonly string[],
  deadline: number | null,
): PodWait {
  const uids = new Map(keys.map((k) => [k, uidOf(state, k)]));
  const left = (s: ClusterState): string[] =>
    keys.filter((k) => uids.get(k) !== null && uidOf(s, k) === uids.get(k));
  let s = state;
  for (let pending = left(s); ; pending = left(s)) {
    if (pending.length === 0) return { state: s, left: [] };
    const next = nextPodTermination(s);
    if (next === null) return { state: s, left: pending };
    if (deadline !== null && next > deadline) {
      const until = Math.max(s.now, deadline);
      return { state: runControllers(s, { ...s, now: until }), left: pending };
    }
    s = runControllers(s, { ...s, now: next });
  }
}

/**
 * `kubectl delete --wait` (the default) once the objects are deleted: waits for the Pods among
 * them (cmd/delete/delete.go DeleteResult → cmd/wait RunWait with --for=delete, the timeout
 * --timeout or a week). A Pod still there at --timeout: `timed out waiting for the condition on
 * pods/NAME` (wait.go errWaitTimeoutWithName); without --timeout, where kubectl would wait a
 * week for a Pod no kubelet finishes, the simulator stops and says so.
 */
export function applyDeleteWait(
  state: ClusterState,
  pods: readonly string[],
  timeoutMs: number,
): Transition {
  const waited = waitForPodsGone(state, pods, timeoutMs > 0 ? state.now + timeoutMs : null);
  const first = waited.left[0];
  if (first === undefined) return ok(waited.state);
  const name = first.slice(first.indexOf('/') + 1);
  const message =
    timeoutMs > 0
      ? `error: timed out waiting for the condition on pods/${name}`
      : `kubelife: kubectl delete waits until pods/${name} is gone; the kubelet of its node cannot finish its deletion (the node is not Ready), so the simulator stopped (--wait=false does not wait; --timeout bounds the wait)`;
  return fail(new EngineError('UsageError', { message }), [], waited.state);
}
