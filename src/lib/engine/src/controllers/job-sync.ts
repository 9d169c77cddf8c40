/**
 * One sync of the Job controller at the state's clock: the Job's Pods that finished since the
 * last sync are counted (their `batch.kubernetes.io/job-tracking` finalizer removed; a Pod
 * deleted before it finished counts as failed and is gone), then the Job fails (more failures
 * than spec.backoffLimit, or restarts of OnFailure Pods reaching it, or past
 * activeDeadlineSeconds: FailureTarget then Failed, active Pods deleted), completes (enough
 * successes and nothing active: SuccessCriteriaMet then Complete, completionTime), or gets the
 * Pods it wants (min(parallelism, completions - succeeded); none once a work-queue Job has a
 * success; none while suspended; new Pods wait out the failure back-off, 10s doubling per
 * failure since the last success, at most 10m). Status: active, ready, terminating,
 * uncountedTerminatedPods, startTime, succeeded, failed, conditions, completionTime.
 *
 * upstream (v1.33): pkg/controller/job/job_controller.go (syncJob, manageJob,
 * trackJobStatusAndRemoveFinalizers, newSuccessCondition: SuccessCriteriaMet/Complete with
 * reason CompletionsReached "Reached expected number of succeeded pods", newFailureCondition:
 * FailureTarget/Failed "Job has reached the specified backoff limit" (BackoffLimitExceeded),
 * "Job was active longer than specified deadline" (DeadlineExceeded), recordJobFinished:
 * Completed "Job completed", pastBackoffLimitOnFailure), pkg/controller/job/backoff_utils.go
 * (DefaultJobPodFailureBackOff 10s, MaxJobPodFailureBackOff 10m), pkg/controller/controller_utils.go
 * (SuccessfulCreate "Created pod: %v", SuccessfulDelete "Deleted pod: %v").
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339, parseTime } from '../clock.ts';
import { recordEvent } from '../objects/controller-events.ts';
import type { ApiObject, Json, NewObject } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { writeSequence } from '../store/buckets.ts';
import { jobPodAt } from '../workloads/job-pod-run.ts';
import { servedUserPod, userPodSim } from '../workloads/user-pods.ts';
import { schedulePods } from './scheduler.ts';
import { newPod } from './workloads.ts';
import { jobPods, jobSim, withoutFinalizer, type JobSim } from './job-pods.ts';

type Obj = { readonly [k: string]: Json };

/** The finalizer the Job controller keeps on a Pod until it has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
const COMPONENT = 'job-controller';
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 600_000;

const num = (v: Json | undefined, d: number): number => (typeof v === 'number' ? v : d);

/** The failure back-off after `failures` failures since the last success. */
export function podFailureBackoff(failures: number): number {
  return failures <= 0 ? 0 : Math.min(BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
}

/** The time a Pod started, when it is bound. */
const boundAt = (p: ApiObject): number | undefined => {
  const sim = userPodSim(p);
  return ((p['spec'] ?? {}) as Obj)['nodeName'] === undefined
    ? undefined
    : (sim.scheduledAt ?? sim.createdAt);
};

/** The phase of Pod `p` at `t` (Pending while unbound). */
function phaseAt(
  p: ApiObject,
  t: number,
): { phase: string; finishedAt?: number; restarts: number } {
  const start = boundAt(p);
  if (start === undefined) return { phase: 'Pending', restarts: 0 };
  return jobPodAt(p, start, t);
}

const hasCondition = (job: ApiObject, type: string): boolean =>
  ((((job['status'] ?? {}) as Obj)['conditions'] ?? []) as readonly Obj[]).some(
    (c) => c['type'] === type && c['status'] === 'True',
  );

/** True once the Job has its Complete or Failed condition. */
export function jobFinished(job: ApiObject): boolean {
  return hasCondition(job, 'Complete') || hasCondition(job, 'Failed');
}

const condition = (type: string, reason: string, message: string, at: string): Obj => ({
  lastProbeTime: at,
  lastTransitionTime: at,
  message,
  reason,
  status: 'True',
  type,
});

function event(s: ClusterState, job: ApiObject, reason: string, message: string, warn = false) {
  return recordEvent(s, {
    object: job,
    reason,
    message,
    component: COMPONENT,
    ...(warn ? { type: 'Warning' as const } : {}),
  });
}

function deletePod(s: ClusterState, job: ApiObject, p: ApiObject): ClusterState {
  const ns = p.metadata.namespace ?? 'default';
  const next = removeObject(putObject(s, 'pods', withoutFinalizer(p)), 'pods', ns, p.metadata.name);
  return event(next, job, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
}

/** Syncs `job` at `state.now`; the state unchanged when nothing changed. */
export function syncJob(state: ClusterState, job: ApiObject): ClusterState {
  const t = state.now;
  const at = formatRfc3339(t);
  const spec = (job['spec'] ?? {}) as Obj;
  const status = (job['status'] ?? {}) as Obj;
  const podSpec = (((spec['template'] ?? {}) as Obj)['spec'] ?? {}) as Obj;
  let sim: JobSim = jobSim(job);
  let succeeded = num(status['succeeded'], 0);
  let failed = num(status['failed'], 0);
  let conditions = [...((status['conditions'] ?? []) as readonly Obj[])];
  let s = state;
  // Count what finished and release the Pods (trackJobStatusAndRemoveFinalizers).
  const active: ApiObject[] = [];
  for (const p of jobPods(s, job)) {
    if (!(p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) continue;
    const run = phaseAt(p, t);
    const deleting = p.metadata.deletionTimestamp !== undefined;
    if (run.phase !== 'Succeeded' && run.phase !== 'Failed' && !deleting) {
      active.push(p);
      continue;
    }
    const ns = p.metadata.namespace ?? 'default';
    s = putObject(s, 'pods', withoutFinalizer(p, JOB_TRACKING_FINALIZER));
    if (deleting) s = removeObject(s, 'pods', ns, p.metadata.name);
    if (run.phase === 'Succeeded') {
      succeeded++;
      sim = { ...sim, failures: 0 };
    } else {
      failed++;
      sim = { ...sim, failures: (sim.failures ?? 0) + 1, lastFailureAt: run.finishedAt ?? t };
    }
  }
  const suspended = spec['suspend'] === true;
  let startTime =
    typeof status['startTime'] === 'string' ? status['startTime'] : suspended ? undefined : at;
  const backoffLimit = num(spec['backoffLimit'], 6);
  const restarts =
    podSpec['restartPolicy'] === 'OnFailure'
      ? active.reduce((n, p) => n + phaseAt(p, t).restarts, 0)
      : 0;
  const deadline = spec['activeDeadlineSeconds'];
  let failure: [string, string] | null = null;
  if (failed > backoffLimit || (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit))
    failure = ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'];
  else if (
    typeof deadline === 'number' &&
    startTime !== undefined &&
    !suspended &&
    t >= parseTime(startTime) + deadline * 1000
  )
    failure = ['DeadlineExceeded', 'Job was active longer than specified deadline'];
  let completionTime: string | undefined;
  let suspendEvent: [string, string] | null = null;
  let finished: 'Complete' | 'Failed' | null = null;
  let running = [...active];
  if (failure !== null) {
    for (const p of active) s = deletePod(s, job, p);
    failed += active.length;
    running = [];
    conditions = [
      ...conditions,
      condition('FailureTarget', failure[0], failure[1], at),
      condition('Failed', failure[0], failure[1], at),
    ];
    finished = 'Failed';
  } else {
    const completions = spec['completions'];
    const parallelism = num(spec['parallelism'], 1);
    let want =
      typeof completions !== 'number'
        ? succeeded > 0
          ? active.length
          : parallelism
        : Math.max(0, Math.min(completions - succeeded, parallelism));
    if (suspended) want = 0;
    if (running.length > want) {
      // activePodsForRemoval: the newest first.
      const newest = [...running].sort((a, b) => userPodSim(b).createdAt - userPodSim(a).createdAt);
      for (const p of newest.slice(0, running.length - want)) s = deletePod(s, job, p);
      running = newest.slice(running.length - want);
    }
    const due = (sim.lastFailureAt ?? 0) + podFailureBackoff(sim.failures ?? 0);
    if (running.length < want && due > t) sim = { ...sim, createAt: due };
    else if (running.length < want) {
      const { createAt: _done, ...rest } = sim;
      sim = rest;
      for (let i = running.length; i < want; i++) {
        const base = newPod(s, job, i + writeSequence(s.cluster?.objects));
        const pod = {
          ...base,
          metadata: { ...base.metadata, finalizers: [JOB_TRACKING_FINALIZER] },
        };
        s = putObject(s, 'pods', pod);
        s = event(s, job, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        running.push(pod as unknown as ApiObject);
      }
      s = schedulePods(s);
    }
    const done =
      typeof completions !== 'number'
        ? succeeded > 0 && running.length === 0
        : succeeded >= completions && running.length === 0;
    if (done && !suspended) {
      const message = 'Reached expected number of succeeded pods';
      conditions = [
        ...conditions,
        condition('SuccessCriteriaMet', 'CompletionsReached', message, at),
        condition('Complete', 'CompletionsReached', message, at),
      ];
      completionTime = at;
      finished = 'Complete';
    } else {
      // ensureJobConditionStatus: Suspended True while suspended, False once resumed (which
      // restarts the clock of activeDeadlineSeconds: startTime is reset).
      const i = conditions.findIndex((c) => c['type'] === 'Suspended');
      const was = conditions[i]?.['status'] === 'True';
      const flip = (c: Obj): Obj[] =>
        i >= 0 ? conditions.map((x, j) => (j === i ? c : x)) : [...conditions, c];
      if (suspended && !was) {
        conditions = flip(condition('Suspended', 'JobSuspended', 'Job suspended', at));
        suspendEvent = ['Suspended', 'Job suspended'];
      } else if (!suspended && was) {
        conditions = flip({
          ...condition('Suspended', 'JobResumed', 'Job resumed', at),
          status: 'False',
        });
        suspendEvent = ['Resumed', 'Job resumed'];
        startTime = at;
      }
    }
  }
  const names = new Set(running.map((p) => p.metadata.name));
  const ready = jobPods(s, job).filter(
    (p) =>
      names.has(p.metadata.name) &&
      (((servedUserPod(s, p)['status'] as Obj)['conditions'] ?? []) as readonly Obj[]).some(
        (c) => c['type'] === 'Ready' && c['status'] === 'True',
      ),
  ).length;
  const next: Obj = {
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(startTime !== undefined ? { startTime } : {}),
    ...(completionTime !== undefined ? { completionTime } : {}),
    ...(running.length > 0 ? { active: running.length } : {}),
    ...(succeeded > 0 ? { succeeded } : {}),
    ...(failed > 0 ? { failed } : {}),
    terminating: 0,
    uncountedTerminatedPods: {},
    ready,
  };
  const nextSim: JobSim = { ...sim, syncedAt: t, syncedGeneration: job.metadata.generation ?? 1 };
  const same =
    JSON.stringify(next) === JSON.stringify(status) &&
    JSON.stringify(nextSim) === JSON.stringify(jobSim(job));
  if (same && s === state) return state;
  s = putObject(s, 'jobs.batch', {
    ...job,
    status: next,
    simulator: nextSim,
  } as unknown as NewObject);
  if (suspendEvent) s = event(s, job, suspendEvent[0], suspendEvent[1]);
  if (finished === 'Complete') s = event(s, job, 'Completed', 'Job completed');
  if (finished === 'Failed' && failure) s = event(s, job, failure[0], failure[1], true);
  return s;
}
