/**
 * The CronJob controller for a reader's CronJobs, run after every command before the Job
 * controller. The simulated clock may jump, so each CronJob is worked through every schedule time
 * it crossed, in order: its Jobs are first brought up to that time by the Job controller, the
 * ones that finished are seen at the time they finished (SawCompletedJob, lastSuccessfulTime,
 * the history limits' SuccessfulDelete), then the Job of that schedule time is created (named
 * `<cronjob>-<scheduled minutes since the epoch>`, owned by the CronJob, with the
 * batch.kubernetes.io/cronjob-scheduled-timestamp annotation), unless the CronJob is suspended,
 * the concurrencyPolicy Forbid finds one still active (JobAlreadyActive) or the
 * startingDeadlineSeconds has passed (MissSchedule); Replace deletes the active ones first.
 * When more than 100 schedule times passed in one jump, only the last 100 are worked through:
 * the earlier runs' Jobs would be gone under any history limit below that, and their Events
 * past kube-apiserver's --event-ttl (the controller itself warns TooManyMissedTimes only when it
 * was not running, which the simulated one always is).
 *
 * upstream (v1.33): pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob,
 * cleanupFinishedJobs, removeOldestJobs, deleteJob: "Deleted job %v", "Created job %v",
 * "Saw completed job: %s, condition: %v", "Active job went missing: %v", "Not starting job
 * because prior execution is running and concurrency policy is Forbid", "Missed scheduled time
 * to start a job: %s"), pkg/controller/cronjob/utils.go (getJobName, getTimeHashInMinutes,
 * getJobFromTemplate2, mostRecentScheduleTime, inActiveList).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc1123z, formatRfc3339, parseTime } from '../clock.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { readByKey, readStored, scanStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json, NewObject } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { nextRun, parseCron, type CronSchedule } from './cron-schedule.ts';
import { jobFinished } from './job-sync.ts';
import { collectJobPods, jobFinishedAt, reconcileJobs } from './jobs.ts';

type Obj = { readonly [k: string]: Json };

const COMPONENT = 'cronjob-controller';
/** Schedule times worked through at most in one clock jump (see above). */
const MAX_STEPS = 100;

const spec = (o: ApiObject): Obj => (o['spec'] ?? {}) as Obj;
const status = (o: ApiObject): Obj => (o['status'] ?? {}) as Obj;
const refName = (r: Obj): string => (typeof r['name'] === 'string' ? r['name'] : '');
const activeRefs = (cj: ApiObject): readonly Obj[] =>
  (status(cj)['active'] ?? []) as readonly Obj[];

function event(s: ClusterState, cj: ApiObject, reason: string, message: string, warn = false) {
  return recordEvent(s, {
    object: cj,
    reason,
    message,
    component: COMPONENT,
    ...(warn ? { type: 'Warning' as const } : {}),
  });
}

/** The CronJob's Jobs (controller reference to its uid). */
function ownedJobs(state: ClusterState, cj: ApiObject): ApiObject[] {
  return scanStored(
    state.cluster?.objects,
    'jobs.batch',
    cj.metadata.namespace ?? 'default',
  ).filter(
    (j) =>
      j.metadata.ownerReferences?.some(
        (r) => r.uid === cj.metadata.uid && r.controller === true,
      ) === true,
  );
}

function schedule(cj: ApiObject): CronSchedule | null {
  try {
    const text = spec(cj)['schedule'];
    return parseCron(typeof text === 'string' ? text : '');
  } catch {
    return null;
  }
}

const timeZone = (cj: ApiObject): string | undefined => {
  const tz = spec(cj)['timeZone'];
  return typeof tz === 'string' ? tz : undefined;
};

/** The next schedule time after the last one (or the creation), or null. */
function nextScheduled(cj: ApiObject, sched: CronSchedule, after?: number): number | null {
  const last = status(cj)['lastScheduleTime'];
  const from =
    after ??
    (typeof last === 'string' ? parseTime(last) : parseTime(cj.metadata.creationTimestamp));
  return nextRun(sched, from, timeZone(cj));
}

function writeStatus(s: ClusterState, cj: ApiObject, next: Obj): ClusterState {
  return JSON.stringify(next) === JSON.stringify(status(cj))
    ? s
    : putObject(s, 'cronjobs.batch', { ...cj, status: next });
}

const withNow = (s: ClusterState, at: number, f: (s: ClusterState) => ClusterState) => {
  const now = s.now;
  return { ...f({ ...s, now: at }), now };
};

/** Sees the CronJob's Jobs that finished (at their finish times) and applies the history limits. */
function sawFinished(state: ClusterState, key: string, until: number): ClusterState {
  let s = state;
  const cj0 = readByKey(s.cluster?.objects, 'cronjobs.batch', key);
  if (!cj0) return s;
  const done = ownedJobs(s, cj0)
    .filter((j) => jobFinished(j) && activeRefs(cj0).some((r) => r['uid'] === j.metadata.uid))
    .map((j) => ({ j, at: Math.min(jobFinishedAt(j) ?? until, until) }))
    .sort((a, b) => a.at - b.at);
  for (const { j, at } of done)
    s = withNow(s, at, (t) => {
      const cj = readByKey(t.cluster?.objects, 'cronjobs.batch', key);
      if (!cj) return t;
      const type = jobFinished(j) && hasComplete(j) ? 'Complete' : 'Failed';
      let u = event(
        t,
        cj,
        'SawCompletedJob',
        `Saw completed job: ${j.metadata.name}, condition: ${type}`,
      );
      const completion = ((j['status'] ?? {}) as Obj)['completionTime'];
      const lastOk = status(cj)['lastSuccessfulTime'];
      const next: Obj = {
        ...status(cj),
        active: activeRefs(cj).filter((r) => r['uid'] !== j.metadata.uid),
        ...(type === 'Complete' &&
        typeof completion === 'string' &&
        (typeof lastOk !== 'string' || parseTime(completion) > parseTime(lastOk))
          ? { lastSuccessfulTime: completion }
          : {}),
      };
      const { active, ...rest } = next;
      u = writeStatus(u, cj, (active as readonly Obj[]).length > 0 ? next : rest);
      return cleanup(u, key);
    });
  // A succeeded Job outside the active list (`create job --from`) still counts.
  const cj = readByKey(s.cluster?.objects, 'cronjobs.batch', key);
  if (!cj) return s;
  const latest = ownedJobs(s, cj)
    .filter(hasComplete)
    .map((j) => ((j['status'] ?? {}) as Obj)['completionTime'])
    .filter((t): t is string => typeof t === 'string' && parseTime(t) <= until)
    .sort((a, b) => parseTime(b) - parseTime(a))[0];
  const lastOk = status(cj)['lastSuccessfulTime'];
  if (latest !== undefined && (typeof lastOk !== 'string' || parseTime(latest) > parseTime(lastOk)))
    return sawFinished(
      writeStatus(s, cj, { ...status(cj), lastSuccessfulTime: latest }),
      key,
      until,
    );
  // Finished Jobs outside the active list count for the history limits too, from when they
  // finished (the sync their update triggers).
  const finished = ownedJobs(s, cj)
    .filter(jobFinished)
    .map((j) => jobFinishedAt(j) ?? until)
    .filter((t) => t <= until);
  if (finished.length > 0) s = withNow(s, Math.max(...finished), (t) => cleanup(t, key));
  // Active Jobs that are gone (deleted by a reader): MissingJob.
  const ns = cj.metadata.namespace ?? 'default';
  const missing = activeRefs(cj).filter(
    (r) => readStored(s.cluster?.objects, 'jobs.batch', ns, refName(r))?.metadata.uid !== r['uid'],
  );
  if (missing.length === 0) return s;
  return withNow(s, until, (t) => {
    let u = t;
    for (const r of missing)
      u = event(u, cj, 'MissingJob', `Active job went missing: ${refName(r)}`);
    const left = activeRefs(cj).filter((r) => !missing.includes(r));
    const { active: _a, ...rest } = status(cj);
    return writeStatus(u, cj, left.length > 0 ? { ...rest, active: left } : rest);
  });
}

const hasComplete = (j: ApiObject): boolean =>
  (((j['status'] ?? {}) as Obj)['conditions'] as readonly Obj[] | undefined)?.some(
    (c) => c['type'] === 'Complete' && c['status'] === 'True',
  ) === true;

/** cleanupFinishedJobs: the oldest finished Jobs beyond the history limits are deleted. */
function cleanup(state: ClusterState, key: string): ClusterState {
  let s = state;
  const cj = readByKey(s.cluster?.objects, 'cronjobs.batch', key);
  if (!cj) return s;
  const jobs = ownedJobs(s, cj).filter(jobFinished);
  const start = (j: ApiObject): number => {
    const t = ((j['status'] ?? {}) as Obj)['startTime'];
    return typeof t === 'string' ? parseTime(t) : parseTime(j.metadata.creationTimestamp);
  };
  for (const [ok, limitKey] of [
    [true, 'successfulJobsHistoryLimit'],
    [false, 'failedJobsHistoryLimit'],
  ] as const) {
    const limit = spec(cj)[limitKey];
    if (typeof limit !== 'number') continue;
    const group = jobs.filter((j) => hasComplete(j) === ok).sort((a, b) => start(a) - start(b));
    for (const j of group.slice(0, Math.max(0, group.length - limit))) {
      s = removeObject(s, 'jobs.batch', j.metadata.namespace ?? 'default', j.metadata.name);
      s = event(s, cj, 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
    }
  }
  return collectJobPods(s);
}

/** The Job of schedule time `at` (getJobFromTemplate2). */
function jobFor(cj: ApiObject, at: number): NewObject {
  const jt = (spec(cj)['jobTemplate'] ?? {}) as Obj;
  const meta = (jt['metadata'] ?? {}) as Obj;
  const labels = (meta['labels'] ?? {}) as Record<string, string>;
  const annotations = {
    ...((meta['annotations'] ?? {}) as Record<string, string>),
    'batch.kubernetes.io/cronjob-scheduled-timestamp': formatRfc3339(at),
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${cj.metadata.name}-${Math.floor(at / 60_000)}`,
      namespace: cj.metadata.namespace ?? 'default',
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      annotations,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata.name,
          uid: cj.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: jt['spec'] ?? {},
    simulator: { user: true },
  };
}

/** Runs schedule time `at` of the CronJob under `key` (state.now is `at`). */
function runScheduled(state: ClusterState, key: string, at: number): ClusterState {
  let s = state;
  const cj = readByKey(s.cluster?.objects, 'cronjobs.batch', key);
  if (!cj) return s;
  const ns = cj.metadata.namespace ?? 'default';
  const deadline = spec(cj)['startingDeadlineSeconds'];
  if (typeof deadline === 'number' && at + deadline * 1000 < s.now)
    return event(
      s,
      cj,
      'MissSchedule',
      `Missed scheduled time to start a job: ${formatRfc1123z(at)}`,
      true,
    );
  const name = `${cj.metadata.name}-${Math.floor(at / 60_000)}`;
  if (activeRefs(cj).some((r) => r['name'] === name)) return s;
  const policy = spec(cj)['concurrencyPolicy'];
  let active = [...activeRefs(cj)];
  if (policy === 'Forbid' && active.length > 0)
    return event(
      s,
      cj,
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    );
  if (policy === 'Replace')
    for (const r of active) {
      s = removeObject(s, 'jobs.batch', ns, refName(r));
      s = event(s, cj, 'SuccessfulDelete', `Deleted job ${refName(r)}`);
      active = [];
    }
  s = collectJobPods(s);
  if (readStored(s.cluster?.objects, 'jobs.batch', ns, name)) return s;
  s = putObject(s, 'jobs.batch', jobFor(cj, at));
  const job = readStored(s.cluster?.objects, 'jobs.batch', ns, name);
  if (!job) return s;
  s = event(s, cj, 'SuccessfulCreate', `Created job ${name}`);
  const ref = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name,
    namespace: ns,
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
  const fresh = readByKey(s.cluster?.objects, 'cronjobs.batch', key) ?? cj;
  return writeStatus(s, fresh, {
    ...status(fresh),
    active: [...active, ref],
    lastScheduleTime: formatRfc3339(at),
  });
}

/** Works one CronJob through the schedule times up to the clock. */
function runCronJob(state: ClusterState, key: string): ClusterState {
  let s = state;
  const cj = readByKey(s.cluster?.objects, 'cronjobs.batch', key);
  if (!cj || cj.metadata.deletionTimestamp !== undefined) return s;
  const sched = schedule(cj);
  const times: number[] = [];
  if (sched !== null && spec(cj)['suspend'] !== true)
    for (
      let t = nextScheduled(cj, sched);
      t !== null && t <= s.now;
      t = nextRun(sched, t, timeZone(cj))
    ) {
      times.push(t);
      if (times.length > MAX_STEPS) times.shift();
    }
  for (const at of times) {
    s = reconcileJobs(s, at);
    s = sawFinished(s, key, at);
    s = withNow(s, at, (t) => runScheduled(t, key, at));
  }
  s = reconcileJobs(s);
  return sawFinished(s, key, s.now);
}

/** Runs the CronJob controller over the reader's CronJobs; unchanged when there are none. */
export function reconcileCronJobs(state: ClusterState): ClusterState {
  const keys = indexedKeys(state.cluster?.objects?.indexes, 'cronjobs.batch/user', 'user');
  let s = state;
  for (const key of keys) s = runCronJob(s, key);
  // Jobs of CronJobs that are gone (garbage collection by ownerReferences).
  if (
    keys.length > 0 ||
    indexedKeys(s.cluster?.objects?.indexes, 'jobs.batch/user', 'user').length > 0
  )
    for (const j of scanStored(s.cluster?.objects, 'jobs.batch')) {
      const ref = j.metadata.ownerReferences?.find((r) => r.kind === 'CronJob');
      if (!ref) continue;
      const owner = readStored(
        s.cluster?.objects,
        'cronjobs.batch',
        j.metadata.namespace ?? 'default',
        ref.name,
      );
      if (owner?.metadata.uid !== ref.uid)
        s = collectJobPods(
          removeObject(s, 'jobs.batch', j.metadata.namespace ?? 'default', j.metadata.name),
        );
    }
  return s;
}
