/**
 * The life of a Job's Pod over simulated time, from what its containers do
 * (workloads/container-run.ts): each container starts when the Pod is bound to its node; with
 * `restartPolicy: Never` it runs once, with `OnFailure` a container that exits non-zero is
 * restarted by the kubelet after its crash back-off (10s, doubling, at most 300s:
 * pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff), showing CrashLoopBackOff between
 * runs. The Pod is Succeeded when every container exited 0, Failed when a `Never` container
 * exited non-zero and the others are done. Only Pods owned by a Job follow this model; other
 * Pods keep running (workloads/user-pods.ts).
 */
import type { ApiObject, Json } from '../store/types.ts';
import { containerExit } from './container-run.ts';

type Obj = { readonly [k: string]: Json };

const INITIAL_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 300_000;
/** Restarts computed at most (a Job gives up long before: its backoffLimit). */
const MAX_ATTEMPTS = 1000;

/** A container at one instant. */
export interface ContainerAt {
  readonly name: string;
  /** running since, or exited (at, code), or waiting to restart after the last exit. */
  readonly state:
    | { readonly kind: 'running'; readonly since: number }
    | {
        readonly kind: 'exited';
        readonly started: number;
        readonly at: number;
        readonly code: number;
      }
    | { readonly kind: 'backoff'; readonly delayMs: number };
  /** The previous run, when the container restarted. */
  readonly last?: { readonly started: number; readonly at: number; readonly code: number };
  readonly restarts: number;
  /** Next time its state changes, or null. */
  readonly next: number | null;
}

/** A Job Pod at one instant. */
export interface JobPodAt {
  readonly phase: 'Running' | 'Succeeded' | 'Failed';
  /** When the Pod reached its terminal phase. */
  readonly finishedAt?: number;
  readonly containers: readonly ContainerAt[];
  readonly restarts: number;
  /** Next time anything changes, or null. */
  readonly next: number | null;
}

/** True for a Pod a Job controls. */
export function isJobPod(o: ApiObject): boolean {
  return (
    o.metadata.ownerReferences?.some((r) => r.kind === 'Job' && r.controller === true) === true
  );
}

function containerAt(c: Obj, start: number, onFailure: boolean, t: number): ContainerAt {
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  const exit = containerExit(c);
  if (exit === null)
    return { name, state: { kind: 'running', since: start }, restarts: 0, next: null };
  const run = exit.seconds * 1000;
  let started = start;
  let last: ContainerAt['last'];
  for (let k = 0; k < MAX_ATTEMPTS; k++) {
    const ends = started + run;
    const base = { name, restarts: k, ...(last ? { last } : {}) };
    if (t < ends) return { ...base, state: { kind: 'running', since: started }, next: ends };
    const exited = { started, at: ends, code: exit.exitCode };
    if (exit.exitCode === 0 || !onFailure)
      return { ...base, state: { kind: 'exited', ...exited }, next: null };
    const delay = Math.min(INITIAL_BACKOFF_MS * 2 ** k, MAX_BACKOFF_MS);
    if (t < ends + delay)
      return {
        ...base,
        last: exited,
        state: { kind: 'backoff', delayMs: delay },
        next: ends + delay,
      };
    last = exited;
    started = ends + delay;
  }
  return { name, state: { kind: 'running', since: started }, restarts: MAX_ATTEMPTS, next: null };
}

/** The Pod `o`, bound at `start`, at time `t`. */
export function jobPodAt(o: ApiObject, start: number, t: number): JobPodAt {
  const spec = (o['spec'] ?? {}) as Obj;
  const onFailure = spec['restartPolicy'] === 'OnFailure';
  const containers = ((spec['containers'] ?? []) as readonly Obj[]).map((c) =>
    containerAt(c, start, onFailure, t),
  );
  const restarts = containers.reduce((n, c) => n + c.restarts, 0);
  const nexts = containers.map((c) => c.next).filter((n): n is number => n !== null);
  const next = nexts.length > 0 ? Math.min(...nexts) : null;
  const exited = containers.map((c) => (c.state.kind === 'exited' ? c.state : null));
  if (containers.length === 0 || exited.some((e) => e === null))
    return { phase: 'Running', containers, restarts, next };
  const done = exited as { at: number; code: number }[];
  const finishedAt = Math.max(...done.map((e) => e.at));
  const phase = done.every((e) => e.code === 0) ? 'Succeeded' : 'Failed';
  return { phase, finishedAt, containers, restarts, next };
}
