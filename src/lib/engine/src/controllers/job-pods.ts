/**
 * What the Job controller keeps beside a Job and how it finds the Job's Pods: the Pods whose
 * controller reference is the Job (pkg/controller/job/job_controller.go getPodsForJob claims
 * them by ownerReference and selector; the simulator's Pods are only ever created by their Job).
 */
import type { ClusterState } from '../model/state.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import { storedUserPods } from '../workloads/user-pods.ts';

/** The simulation record of a Job (never served). */
export interface JobSim {
  readonly user: true;
  /** The clock of the controller's last sync, epoch ms. */
  readonly syncedAt?: number;
  /** The Job's generation at that sync (a spec change is an event too). */
  readonly syncedGeneration?: number;
  /** Failed Pods since the last success (the pod failure back-off record). */
  readonly failures?: number;
  /** When the last of those failed, epoch ms. */
  readonly lastFailureAt?: number;
  /** When a back-off delayed Pod creation may go ahead, epoch ms. */
  readonly createAt?: number;
}

/** The simulation record of Job `job`. */
export function jobSim(job: ApiObject): JobSim {
  return (job['simulator'] ?? { user: true }) as unknown as JobSim;
}

/** The Pods Job `job` controls, by name. */
export function jobPods(state: ClusterState, job: ApiObject): ApiObject[] {
  return storedUserPods(state, job.metadata.namespace ?? 'default').filter(
    (p) =>
      p.metadata.ownerReferences?.some(
        (r) => r.uid === job.metadata.uid && r.controller === true,
      ) === true,
  );
}

/** `p` without `finalizer` (no `finalizers` field once none is left, as the API serves it). */
export function withoutFinalizer(p: ApiObject, finalizer?: string): NewObject {
  const { finalizers, ...meta } = p.metadata;
  const rest = (finalizers ?? []).filter((f) => finalizer !== undefined && f !== finalizer);
  return {
    ...p,
    metadata: { ...meta, ...(rest.length > 0 ? { finalizers: rest } : {}) },
  };
}
