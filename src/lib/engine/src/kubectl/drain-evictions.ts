/**
 * The eviction half of `kubectl drain` (staging/src/k8s.io/kubectl/pkg/drain/drain.go v1.33,
 * evictPods / deletePods / waitForDelete, and pkg/cmd/drain/drain.go's callbacks): each Pod is
 * posted to the eviction subresource (workloads/pod-eviction.ts, what the API server decides),
 * `evicting pod NS/NAME` first; a 429 TooManyRequests (a PodDisruptionBudget allows no
 * disruption now) prints `error when evicting pods/"NAME" -n "NS" (will retry after 5s): …` and
 * the Pod is tried again 5 s later, while the controllers (the ReplicaSet's replacement, the
 * disruption controller's recount) run in between; an attempt made once --timeout has passed
 * fails with `global timeout reached`. Evicted Pods are reported `pod/NAME evicted` once gone.
 * --disable-eviction deletes instead (`pod/NAME deleted`, no budget consulted); --dry-run=client
 * only prints what it would evict, --dry-run=server asks the API server with dryRun.
 *
 * Time: the simulated clock moves by the 5 s waits, as the real kubectl sleeps them. kubectl
 * without --timeout (0, infinite) retries until it is interrupted; the simulator stops as soon
 * as a wait changes nothing in the cluster (no controller will make the budget allow it) or after
 * an hour of simulated retries, and says so instead of hanging.
 */
import type { ClusterState } from '../model/state.ts';
import { text, type EngineEvent } from '../events.ts';
import { goDuration } from '../kubeadm/join-command.ts';
import { runControllers } from '../controllers/run-controllers.ts';
import { evictPod } from '../workloads/pod-eviction.ts';
import { removeEvictedPod } from '../workloads/evicted-pod-removal.ts';
import { getObject } from '../store/read.ts';
import type { DrainOptions } from './drain.ts';
import { writesBesidesRenewals } from '../objects/lease-renewals.ts';

/** kubectl drain's wait after a 429 (drain.go: time.Sleep(5 * time.Second)). */
export const EVICTION_RETRY_MS = 5000;

/** How long evicted Pods take to be gone, as kubectl's waitForDelete sees it. */
export const TERMINATION_MS = 5000;

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
  const events: EngineEvent[] = [];
  for (const key of present) {
    const { ns, name } = split(key);
    next = runControllers(next, removeEvictedPod(next, ns, name));
    events.push(text(`pod/${name} deleted`));
  }
  return { state: terminated(next, events.length > 0), events, errors: [], options: opts };
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
  let everGone = false;
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
      const r = evictPod(next, { namespace: ns, name, dryRun: server });
      if (r.evicted) {
        evictedAny = true;
        if (!server) {
          next = runControllers(next, r.state);
          gone.push(name);
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
    for (const name of gone) events.push(text(`pod/${name} evicted`));
    everGone = everGone || gone.length > 0;
    if (retry.length === 0)
      return { state: terminated(next, everGone), events, errors, options: opts };
    const waited = runControllers(next, { ...next, now: next.now + EVICTION_RETRY_MS });
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

/**
 * waitForDelete: kubectl waits until the Pods it evicted (or deleted) are gone, polling each
 * second while their containers stop; the simulator's Pods take 5 s to get there.
 */
function terminated(state: ClusterState, anyGone: boolean): ClusterState {
  return anyGone ? runControllers(state, { ...state, now: state.now + TERMINATION_MS }) : state;
}

/** True when waiting changed no stored object (only the clock moved, and the Leases renewed). */
function sameCluster(a: ClusterState, b: ClusterState): boolean {
  return writesBesidesRenewals(a, b) === 0;
}
