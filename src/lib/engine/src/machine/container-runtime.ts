/**
 * What the kubelet reports while containerd is stopped (`systemctl stop containerd`), from its
 * runtime state (pkg/kubelet/runtime.go runtimeErrors) as the Ready condition's message
 * (pkg/kubelet/nodestatus/setters.go ReadyCondition: reason KubeletNotReady, the errors joined by
 * utilerrors.NewAggregate).
 *
 * The kubelet keeps running and keeps heartbeating (its Lease and node status go to the API
 * server, not to containerd), so the node is NotReady, not Unknown:
 * - updateRuntimeUp (pkg/kubelet/kubelet.go, every 5 s) asks the runtime for its status; while
 *   containerd is gone the call fails and lastBaseRuntimeSync stops moving, and once it is older
 *   than maxWaitForContainerRuntime (30 s) runtimeErrors says "container runtime is down";
 * - the PLEG relists every second (pkg/kubelet/pleg/generic.go); its health check, registered as
 *   "PLEG", fails once the last successful relist is older than relistThreshold (3 min):
 *   "PLEG is not healthy: pleg was last seen active <elapsed> ago; threshold is 3m0s".
 * The network error keeps the value it had (updateRuntimeUp returns before updating it).
 *
 * containerd.service stops with KillMode=process: the shims and the containers keep running, so
 * the node's Pods keep serving; the kubelet cannot see them ("Skipping pod synchronization") and
 * posts no Pod status until containerd is back.
 */
import type { Machine } from '../model/state.ts';
import { goDuration } from '../kubeadm/join-command.ts';

/** pkg/kubelet/kubelet.go maxWaitForContainerRuntime (runtimeState's baseRuntimeSyncThreshold). */
export const RUNTIME_SYNC_THRESHOLD_MS = 30_000;
/** pkg/kubelet/kubelet.go genericPlegRelistThreshold (pleg relistThreshold). */
export const PLEG_RELIST_THRESHOLD_MS = 180_000;

/** When containerd last stopped on `m`, or null while it runs. */
export function runtimeStoppedAt(m: Machine): number | null {
  return m.containerd.running ? null : (m.containerd.since ?? 0);
}

/**
 * When the kubelet on `m` started reporting "container runtime is down" (the runtime's last
 * successful status check + maxWaitForContainerRuntime), if by `now`; null otherwise.
 */
export function runtimeDownSince(m: Machine, now: number): number | null {
  const stopped = runtimeStoppedAt(m);
  if (stopped === null) return null;
  const down = stopped + RUNTIME_SYNC_THRESHOLD_MS;
  return now >= down ? down : null;
}

/** runtimeErrors at `now`: the runtime check first, then the PLEG health check. */
export function runtimeErrors(m: Machine, now: number): string[] {
  const stopped = runtimeStoppedAt(m);
  if (stopped === null || runtimeDownSince(m, now) === null) return [];
  const errors = ['container runtime is down'];
  const elapsed = now - stopped;
  if (elapsed > PLEG_RELIST_THRESHOLD_MS)
    errors.push(
      `PLEG is not healthy: pleg was last seen active ${goDuration(elapsed * 1_000_000)} ago; threshold is 3m0s`,
    );
  return errors;
}

/**
 * utilerrors.NewAggregate(errs).Error(): one message alone, several (duplicates dropped) as
 * "[a, b]" (k8s.io/apimachinery/pkg/util/errors/errors.go aggregate.Error).
 */
export function aggregateError(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  return seen.length === 1 ? (seen[0] ?? '') : `[${seen.join(', ')}]`;
}
