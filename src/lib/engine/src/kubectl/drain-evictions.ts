/**
 * The eviction half of `kubectl drain` (staging/src/k8s.io/kubectl/pkg/drain/drain.go v1.33,
 * evictPods / deletePods / waitForDelete, and pkg/cmd/drain/drain.go's callbacks): each Pod is
 * posted to the eviction subresource (workloads/pod-eviction.ts, what the API server decides),
 * `evicting pod NS/NAME` first; a 429 TooManyRequests (a PodDisruptionBudget allows no
 * disruption now) prints `error when evicting pods/"NAME" -n "NS" (will retry after 5s): …` and
 * the Pod is tried again 5 s later, while the controllers (the ReplicaSet's replacement, the
 * disruption controller's recount) run in between; an attempt made once --timeout has passed
 * fails with `global timeout reached`. An evicted Pod terminates like any deleted Pod
 * (workloads/pod-deletion.ts: Terminating, its ReplicaSet's replacement created at once, gone
 * once its kubelet has stopped the containers); waitForDelete polls until then and the Pod is
 * reported `pod/NAME evicted`.
 * --disable-eviction deletes instead (`pod/NAME deleted`, no budget consulted); --dry-run=client
 * only prints what it would evict, --dry-run=server asks the API server with dryRun.
 *
 * Time: the simulated clock moves by the 5 s waits, as the real kubectl sleeps them, and on to
 * the moment the last evicted Pod is gone. kubectl without --timeout (0, infinite) retries until
 * it is interrupted; the simulator stops as soon as a wait changes nothing in the cluster (no
 * controller will make the budget allow it, no kubelet will finish a Pod) or after an hour of
 * simulated retries, and says so instead of hanging.
 */
import type { ClusterState } from '../model/state.ts';
import { text, type EngineEvent } from '../events.ts';
import { goDuration } from '../kubeadm/join-command.ts';
import { runControllers } from '../controllers/run-controllers.ts';
import { evictPod } from '../workloads/pod-eviction.ts';
import { deletePod } from '../workloads/pod-deletion.ts';
import { getObject } from '../store/read.ts';
import { waitForPodsGone } from './pod-wait.ts';
import type { DrainOptions } from './drain.ts';
import { writesBesidesRenewals } from '../objects/lease-renewals.ts';

/** kubectl drain's wait after a 429 (drain.go: time.Sleep(5 * time.Second)). */
export const EVICTION_RETRY_MS = 5000;

/** Without --timeout, the simulator retries for at most this long (simulated). */
export const UNBOUNDED_RETRY_LIMIT_MS = 60 * 60 * 1000;

/** What the evictions did: the state, the lines, the errors kubectl aggregates, a notice. */
export interface DrainRun {
  readonly state: ClusterState;
  readonly events: readonly EngineEvent[];
  readonly errors: readonly string[];
  /** Set when the simulator stopped an unbounded wait (no --timeout). */
  readonly notice?: string;
  /** True when the error is a plain one (deletePods), not evictPods' aggregate. */
  readonly plain?: boolean;
  readonly options: DrainOptions;
}

const split = (key: string): { ns: string; name: string } => {
  const i = key.indexOf('/');
  return { ns: key.slice(0, i), name: key.slice(i + 1) };
};

/**
 * deletePods + waitForDelete: no budget consulted, `pod/NAME deleted` for each once gone. With
 * --dry-run=server the API server deletes nothing, so kubectl waits for Pods that stay until
 * --timeout (PollUntilContextTimeout: `context deadline exceeded`), or for ever without one.
 */
function deletePods(state: ClusterState, keys: readonly string[], opts: DrainOptions): DrainRun {
  const present = keys.filter((k) => {
    const { ns, name } = split(k);
    return getObject(state, 'pods', ns, name) !== null;
  });
  if (opts.dryRun === 'server' && present.length > 0) {
    const timeout = opts.timeoutMs ?? 0;
    if (timeout === 0)
      return {
        state,
        events: [],
        errors: [],
        options: opts,
        notice: `kubelife: kubectl drain --disable-eviction --dry-run=server without --timeout waits for ever for Pods the dry run did not delete; the simulator stopped at once (set --timeout to bound the wait)`,
      };
    const waited = runControllers(state, { ...state, now: state.now + timeout });
    return {
      state: waited,
      events: [],
      errors: ['context deadline exceeded'],
      plain: true,
      options: opts,
    };
  }
  let next = state;
  for (const key of present) {
    const { ns, name } = split(key);
    next = runControllers(next, deletePod(next, ns, name, opts.gracePeriodSeconds)?.state ?? next);
  }
  return finished(state.now, next, present, [], [], opts, 'deleted');
}

/**
 * waitForDelete: kubectl polls each Pod it evicted (or deleted) until it is gone, then reports it
 * (`pod/NAME evicted|deleted`); a Pod that will not go waits until --timeout (`global timeout
 * reached`), or for ever without one (the simulator stops and says so).
 */
function finished(
  start: number,
  state: ClusterState,
  keys: readonly string[],
  before: readonly EngineEvent[],
  errors: readonly string[],
  opts: DrainOptions,
  verb: 'evicted' | 'deleted',
): DrainRun {
  const timeout = opts.timeoutMs ?? 0;
  const waited = waitForPodsGone(state, keys, timeout > 0 ? start + timeout : null);
  const events = [
    ...before,
    ...keys
      .filter((k) => !waited.left.includes(k))
      .map((k) => text(`pod/${split(k).name} ${verb}`)),
  ];
  if (waited.left.length === 0) return { state: waited.state, events, errors, options: opts };
  if (timeout > 0)
    return {
      state: waited.state,
      events,
      errors: [
        ...errors,
        ...waited.left.map(
          (k) =>
            `error when waiting for pod "${split(k).name}" in namespace "${split(k).ns}" to terminate: global timeout reached: ${goDuration(timeout * 1e6)}`,
        ),
      ],
      options: opts,
    };
  return {
    state: waited.state,
    events,
    errors,
    options: opts,
    notice: `kubelife: kubectl drain waits until the Pods it ${verb} are gone; the kubelet of ${waited.left.length === 1 ? "this Pod's node" : "these Pods' nodes"} cannot finish their deletion (the node is not Ready), so the simulator stopped (set --timeout to bound the wait)`,
  };
}

/** The Pods of `keys` drain evicts (or deletes), with kubectl's lines and errors. */
export function drainPods(
  state: ClusterState,
  keys: readonly string[],
  opts: DrainOptions,
): DrainRun {
  if (opts.dryRun === 'client')
    return {
      state,
      events: keys.map((k) => text(`evicting pod ${k} (dry run)`)),
      errors: [],
      options: opts,
    };
  if (opts.disableEviction === true) return deletePods(state, keys, opts);
  const server = opts.dryRun === 'server';
  const timeout = opts.timeoutMs ?? 0;
  const start = state.now;
  const deadline = timeout > 0 ? start + timeout : start + UNBOUNDED_RETRY_LIMIT_MS;
  const events: EngineEvent[] = [];
  const errors: string[] = [];
  let next = state;
  let pending = [...keys];
  const waiting: { key: string; uid: string | null }[] = [];
  for (;;) {
    const retry: string[] = [];
    const gone: string[] = [];
    let evictedAny = false;
    for (const key of pending) {
      const { ns, name } = split(key);
      events.push(text(`evicting pod ${key}${server ? ' (server dry run)' : ''}`));
      if (timeout > 0 && next.now >= deadline) {
        errors.push(
          `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(timeout * 1e6)}`,
        );
        continue;
      }
      const r = evictPod(next, {
        namespace: ns,
        name,
        dryRun: server,
        ...(opts.gracePeriodSeconds !== undefined
          ? { gracePeriodSeconds: opts.gracePeriodSeconds }
          : {}),
      });
      if (r.evicted) {
        evictedAny = true;
        if (!server) {
          next = runControllers(next, r.state);
          gone.push(key);
        }
      } else if (r.status.code === 404) continue;
      else if (r.status.code === 429) {
        events.push(
          text(
            `error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${r.status.message ?? ''}`,
            'stderr',
          ),
        );
        retry.push(key);
      } else
        errors.push(`error when evicting pods/"${name}" -n "${ns}": ${r.status.message ?? ''}`);
    }
    waiting.push(...gone.map((key) => ({ key, uid: uidOf(next, key) })));
    if (retry.length === 0)
      return finished(
        start,
        next,
        waiting.map((w) => w.key),
        events,
        errors,
        opts,
        'evicted',
      );
    const waited = runControllers(next, { ...next, now: next.now + EVICTION_RETRY_MS });
    // The evicted Pods gone during the 5 s are reported as their waitForDelete sees it, before
    // the refused ones are tried again.
    for (const w of waiting.splice(0))
      if (uidOf(waited, w.key) === w.uid) waiting.push(w);
      else events.push(text(`pod/${split(w.key).name} evicted`));
    const still = !evictedAny && sameCluster(next, waited);
    if (timeout === 0 && (still || waited.now >= deadline)) {
      return {
        state: waited,
        events,
        errors,
        options: opts,
        notice: `kubelife: kubectl drain without --timeout retries every 5s until it is interrupted; nothing in the simulated cluster will let ${retry.length === 1 ? 'this eviction' : 'these evictions'} through, so the simulator stopped after ${goDuration((waited.now - start) * 1e6)} (set --timeout to bound the wait, or change the PodDisruptionBudget or the workload)`,
      };
    }
    next = waited;
    pending = retry;
  }
}

/** The uid of Pod `key`, or null when it is gone. */
function uidOf(state: ClusterState, key: string): string | null {
  const { ns, name } = split(key);
  return getObject(state, 'pods', ns, name)?.metadata.uid ?? null;
}

/** True when waiting changed no stored object (only the clock moved, and the Leases renewed). */
function sameCluster(a: ClusterState, b: ClusterState): boolean {
  return writesBesidesRenewals(a, b) === 0;
}
