/**
 * The status a Job's Pod reports at an instant (workloads/job-pod-run.ts decides what its
 * containers do): running containers as any running Pod's, an exited one `terminated` with
 * reason Completed (exit 0) or Error, one waiting to restart CrashLoopBackOff with its last run
 * in lastState; phase Succeeded or Failed once every container is done, with the kubelet's
 * terminal-phase conditions (Ready and ContainersReady False with reason PodCompleted or
 * PodFailed, Initialized True with reason PodCompleted for a Succeeded Pod, and
 * PodReadyToStartContainers False once the sandbox is gone).
 *
 * upstream: pkg/kubelet/status/generate.go (GeneratePodInitializedCondition,
 * generateContainersReadyConditionForTerminalPhase, generatePodReadyConditionForTerminalPhase),
 * pkg/kubelet/kuberuntime/kuberuntime_container.go (reason Completed / Error of an exited
 * container), pkg/kubelet/kuberuntime/kuberuntime_manager.go ("back-off %s restarting failed
 * container=%s pod=%s").
 */
import { formatRfc3339 } from '../clock.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { jobPodAt, type ContainerAt } from './job-pod-run.ts';
import { containerId } from './container-id.ts';

type Obj = { readonly [k: string]: Json };

/** Go's time.Duration.String for whole seconds ("10s", "1m20s", "5m0s"). */
function goSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

function terminated(run: { started: number; at: number; code: number }, id: string): Obj {
  return {
    terminated: {
      containerID: id,
      exitCode: run.code,
      finishedAt: formatRfc3339(run.at),
      reason: run.code === 0 ? 'Completed' : 'Error',
      startedAt: formatRfc3339(run.started),
    },
  };
}

function containerStatus(o: ApiObject, c: ContainerAt, base: Obj): Obj {
  const s = c.state;
  const running = s.kind === 'running';
  const podRef = `${o.metadata.name}_${o.metadata.namespace ?? 'default'}(${o.metadata.uid})`;
  // Run k has restartCount k; one backing off after run k still names run k's container.
  const current = containerId(o.metadata.uid, c.name, c.restarts);
  const previous = containerId(
    o.metadata.uid,
    c.name,
    s.kind === 'backoff' ? c.restarts : c.restarts - 1,
  );
  return {
    // What the running Pod's status says of it (image, mounts, resources), with this run's ID.
    ...base,
    containerID: current,
    imageID: '',
    lastState: c.last ? terminated(c.last, previous) : {},
    name: c.name,
    ready: running,
    restartCount: c.restarts,
    started: running,
    state:
      s.kind === 'running'
        ? { running: { startedAt: formatRfc3339(s.since) } }
        : s.kind === 'exited'
          ? terminated(s, current)
          : {
              waiting: {
                message: `back-off ${goSeconds(s.delayMs)} restarting failed container=${c.name} pod=${podRef}`,
                reason: 'CrashLoopBackOff',
              },
            },
  };
}

const condition = (type: string, status: boolean, at: string, reason?: string): Obj => ({
  lastProbeTime: null,
  lastTransitionTime: at,
  ...(reason !== undefined ? { reason } : {}),
  status: status ? 'True' : 'False',
  type,
});

/**
 * The status of Job Pod `o` bound at `start`, at `now`, from `running` (the status the Pod
 * would report if its containers kept running: addresses, QoS, the conditions of a running Pod).
 */
export function jobPodStatus(o: ApiObject, running: Obj, start: number, now: number): Obj {
  const at = jobPodAt(o, start, now);
  const statuses = new Map(
    ((running['containerStatuses'] ?? []) as readonly Obj[]).map((c) => [
      typeof c['name'] === 'string' ? c['name'] : '',
      c,
    ]),
  );
  const containerStatuses = at.containers.map((c) =>
    containerStatus(o, c, statuses.get(c.name) ?? {}),
  );
  const since = formatRfc3339(start);
  if (at.phase === 'Running') {
    const unready = at.containers.filter((c) => c.state.kind !== 'running').map((c) => c.name);
    if (unready.length === 0) return { ...running, containerStatuses };
    const last = Math.max(...at.containers.map((c) => c.last?.at ?? start));
    const notReady = (type: string): Obj => ({
      lastProbeTime: null,
      lastTransitionTime: formatRfc3339(last),
      message: `containers with unready status: [${unready.join(' ')}]`,
      reason: 'ContainersNotReady',
      status: 'False',
      type,
    });
    const conditions = ((running['conditions'] ?? []) as readonly Obj[]).map((c) =>
      c['type'] === 'Ready' || c['type'] === 'ContainersReady' ? notReady(String(c['type'])) : c,
    );
    return { ...running, conditions, containerStatuses };
  }
  const done = formatRfc3339(at.finishedAt ?? now);
  const ok = at.phase === 'Succeeded';
  const reason = ok ? 'PodCompleted' : 'PodFailed';
  return {
    ...running,
    conditions: [
      condition('PodReadyToStartContainers', false, done),
      condition('Initialized', true, since, ok ? 'PodCompleted' : undefined),
      condition('Ready', false, done, reason),
      condition('ContainersReady', false, done, reason),
      condition('PodScheduled', true, since),
    ],
    containerStatuses,
    phase: at.phase,
  };
}
