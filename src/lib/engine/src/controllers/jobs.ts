/**
 * The Job controller for a reader's Jobs (`kubectl create job`, `create -f`, a POST, and the
 * CronJob controller's Jobs), run after every command. The simulated clock may jump (`sleep`,
 * `kubelife clock advance`), so a Job is synced at every instant something happened to it since
 * its last sync, in order: a container exiting or restarting (workloads/job-pod-run.ts), a
 * back-off delayed Pod creation falling due, activeDeadlineSeconds passing; then at the
 * current clock. Completion times, the Pods' names and creation times and the Events come out
 * as a controller running all along would have written them. A finished Job with
 * ttlSecondsAfterFinished is deleted by the TTL-after-finished controller when it expires, and
 * the garbage collector removes the Pods of a Job that is gone (kubectl deletes Jobs in the
 * background propagation by default).
 *
 * upstream (v1.33): pkg/controller/job/job_controller.go, pkg/controller/ttlafterfinished/
 * ttlafterfinished_controller.go (the Job is deleted at completionTime (or the Failed condition's
 * time) + ttlSecondsAfterFinished), pkg/controller/garbagecollector.
 */
import type { ClusterState } from '../model/state.ts';
import { parseTime } from '../clock.ts';
import { readByKey, readStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { isJobPod, jobPodAt } from '../workloads/job-pod-run.ts';
import { storedUserPods, userPodSim } from '../workloads/user-pods.ts';
import { jobFinished, syncJob } from './job-sync.ts';
import { jobPods, jobSim, withoutFinalizer } from './job-pods.ts';

type Obj = { readonly [k: string]: Json };

/** When a finished Job finished: its completionTime, else its Failed condition's time. */
export function jobFinishedAt(job: ApiObject): number | null {
  const status = (job['status'] ?? {}) as Obj;
  if (typeof status['completionTime'] === 'string') return parseTime(status['completionTime']);
  const failed = ((status['conditions'] ?? []) as readonly Obj[]).find(
    (c) => c['type'] === 'Failed' && c['status'] === 'True',
  );
  return typeof failed?.['lastTransitionTime'] === 'string'
    ? parseTime(failed['lastTransitionTime'])
    : null;
}

/** The first instant after `after` (and not after `until`) at which `job` needs a sync. */
function nextEvent(
  state: ClusterState,
  job: ApiObject,
  after: number,
  until: number,
): number | null {
  const times: number[] = [];
  for (const p of jobPods(state, job)) {
    const sim = userPodSim(p);
    if (((p['spec'] ?? {}) as Obj)['nodeName'] === undefined) continue;
    const next = jobPodAt(p, sim.scheduledAt ?? sim.createdAt, after).next;
    if (next !== null) times.push(next);
  }
  const sim = jobSim(job);
  if (sim.createAt !== undefined) times.push(sim.createAt);
  const spec = (job['spec'] ?? {}) as Obj;
  const start = ((job['status'] ?? {}) as Obj)['startTime'];
  const deadline = spec['activeDeadlineSeconds'];
  if (typeof deadline === 'number' && typeof start === 'string')
    times.push(parseTime(start) + deadline * 1000);
  const due = times.filter((x) => x > after && x <= until);
  return due.length > 0 ? Math.min(...due) : null;
}

/** Syncs one Job up to `until` (at most the clock). */
function runJob(state: ClusterState, key: string, until: number): ClusterState {
  const now = state.now;
  let s = state;
  for (let guard = 0; guard < 10_000; guard++) {
    const job = readByKey(s.cluster?.objects, 'jobs.batch', key);
    if (!job) return s;
    if (jobFinished(job)) return expire(s, job, until);
    const synced = jobSim(job).syncedAt;
    // The first sync happens when the Job is created (a CronJob's Job, created at its schedule
    // time while the clock is already further on, gets its Pods then).
    const created = parseTime(job.metadata.creationTimestamp);
    if (created > until) return s;
    const t = synced === undefined ? created : nextEvent(s, job, synced, until);
    if (t === null) {
      const changed = jobSim(job).syncedGeneration !== (job.metadata.generation ?? 1);
      if (synced === until && !changed) return s;
      return { ...syncJob({ ...s, now: until }, job), now };
    }
    s = { ...syncJob({ ...s, now: t }, job), now };
  }
  return s;
}

/** The TTL-after-finished controller: a finished Job past its TTL is deleted. */
function expire(state: ClusterState, job: ApiObject, until: number): ClusterState {
  const ttl = ((job['spec'] ?? {}) as Obj)['ttlSecondsAfterFinished'];
  const done = jobFinishedAt(job);
  if (typeof ttl !== 'number' || done === null || done + ttl * 1000 > until) return state;
  return collectJobPods(
    removeObject(state, 'jobs.batch', job.metadata.namespace ?? 'default', job.metadata.name),
  );
}

/** The garbage collector for Pods of Jobs that are gone (their finalizer goes with them). */
export function collectJobPods(state: ClusterState): ClusterState {
  let s = state;
  for (const p of storedUserPods(s, null)) {
    if (!isJobPod(p)) continue;
    const ref = p.metadata.ownerReferences?.find((r) => r.kind === 'Job');
    const ns = p.metadata.namespace ?? 'default';
    const owner = ref ? readStored(s.cluster?.objects, 'jobs.batch', ns, ref.name) : undefined;
    if (owner && owner.metadata.uid === ref?.uid) continue;
    if ((p.metadata.finalizers ?? []).length > 0) s = putObject(s, 'pods', withoutFinalizer(p));
    s = removeObject(s, 'pods', ns, p.metadata.name);
  }
  return s;
}

/**
 * Runs the Job controller over the reader's Jobs up to `until` (default: the clock); the same
 * state when there is nothing to do.
 */
export function reconcileJobs(state: ClusterState, until: number = state.now): ClusterState {
  const store = state.cluster?.objects;
  const keys = indexedKeys(store?.indexes, 'jobs.batch/user', 'user');
  let s = state;
  for (const key of keys) s = runJob(s, key, until);
  return indexedKeys(s.cluster?.objects?.indexes, 'pods/user', 'user').length > 0
    ? collectJobPods(s)
    : s;
}
