/**
 * The eviction subresource (`POST …/pods/NAME/eviction`) as kube-apiserver decides it
 * (pkg/registry/core/pod/storage/eviction.go, v1.33): one Pod per request. A Pod that is
 * Pending, Succeeded, Failed or already being deleted goes without looking at budgets
 * (canIgnorePDB). Otherwise the PodDisruptionBudgets of its namespace whose selector matches it
 * decide: more than one is an error (500); none lets it go; with one, a Pod that is not Ready
 * goes without spending the budget when the budget says unhealthyPodEvictionPolicy AlwaysAllow,
 * or (IfHealthyBudget, the default) while currentHealthy >= desiredHealthy > 0; else
 * checkAndDecrement: a status older than the spec, a negative allowance or too many evictions in
 * flight refuse it, no disruption allowed answers 429 TooManyRequests with the DisruptionBudget
 * cause, and an allowed one takes one from disruptionsAllowed and records the Pod in
 * disruptedPods (the disruption controller's cue, store/pdb-status.ts). Dry run
 * (`deleteOptions.dryRun: [All]`) decides the same and changes nothing. Pure: the shell's
 * `kubectl drain` and `serve --api` both call it.
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { getObject } from '../store/read.ts';
import { scanStored } from '../store/buckets.ts';
import {
  allowedConditionOf,
  disruptionAllowedCondition,
  isPodReady,
  pdbSelects,
} from '../store/pdb-status.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { deletePod } from './pod-deletion.ts';

type Obj = { readonly [k: string]: Json };

/** eviction.go MaxDisruptedPodSize: evictions the controller has not confirmed yet, at most. */
export const MAX_DISRUPTED_POD_SIZE = 2000;

/** The message of a refused eviction (eviction.go createTooManyRequestsError, checkAndDecrement). */
export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

/** A metav1.Status as the API server answers an eviction. */
export interface EvictionStatus {
  readonly code: number;
  readonly status: 'Success' | 'Failure';
  readonly reason?: string;
  readonly message?: string;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: readonly { readonly reason: string; readonly message: string }[];
    readonly retryAfterSeconds?: number;
  };
}

/** An eviction request: the Pod, and the deleteOptions that matter here. */
export interface EvictionRequest {
  readonly namespace: string;
  readonly name: string;
  /** deleteOptions.dryRun (or the request's ?dryRun=All): decide, change nothing. */
  readonly dryRun?: boolean;
  /** deleteOptions.gracePeriodSeconds (absent: the Pod's terminationGracePeriodSeconds). */
  readonly gracePeriodSeconds?: number;
}

/** The answer, and the state after it (unchanged unless the Pod went). */
export interface EvictionOutcome {
  readonly state: ClusterState;
  readonly status: EvictionStatus;
  /** True when the Pod was let go (or would be, in a dry run). */
  readonly evicted: boolean;
}

const SUCCESS: EvictionStatus = { code: 201, status: 'Success' };

/** errors.NewTooManyRequests(message, retryAfter) with a DisruptionBudget cause. */
function tooManyRequests(cause: string, retryAfterSeconds: number): EvictionStatus {
  return {
    code: 429,
    status: 'Failure',
    reason: 'TooManyRequests',
    message: EVICTION_REFUSED,
    details: {
      // policyv1.DisruptionBudgetCause; StatusCause.Type is serialised as `reason`.
      causes: [{ reason: 'DisruptionBudget', message: cause }],
      ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}),
    },
  };
}

/** errors.NewForbidden(policy.Resource("poddisruptionbudget"), name, err). */
function forbidden(pdb: string, why: string): EvictionStatus {
  return {
    code: 403,
    status: 'Failure',
    reason: 'Forbidden',
    message: `poddisruptionbudget.policy "${pdb}" is forbidden: ${why}`,
    details: { name: pdb, group: 'policy', kind: 'poddisruptionbudget' },
  };
}

/** canIgnorePDB: a terminal or Pending Pod, or one already being deleted. */
function canIgnorePdb(pod: ApiObject): boolean {
  const phase = ((pod['status'] ?? {}) as Obj)['phase'];
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    pod.metadata.deletionTimestamp !== undefined
  );
}

/** The Pod deleted as any delete (workloads/pod-deletion.ts): Terminating until its kubelet is done. */
function letGo(state: ClusterState, req: EvictionRequest): EvictionOutcome {
  return {
    state:
      req.dryRun === true
        ? state
        : (deletePod(state, req.namespace, req.name, req.gracePeriodSeconds)?.state ?? state),
    status: SUCCESS,
    evicted: true,
  };
}

/** checkAndDecrement: the refusal, or the budget with one disruption spent (null in a dry run). */
function checkAndDecrement(
  state: ClusterState,
  pdb: ApiObject,
  pod: string,
  dryRun: boolean,
): EvictionStatus | { readonly write: ApiObject | null } {
  const status = (pdb['status'] ?? {}) as Obj;
  const num = (k: string): number => (typeof status[k] === 'number' ? status[k] : 0);
  const name = pdb.metadata.name;
  if (num('observedGeneration') < (pdb.metadata.generation ?? 1))
    return tooManyRequests(
      `The disruption budget ${name} is still being processed by the server.`,
      10,
    );
  const allowed = num('disruptionsAllowed');
  if (allowed < 0) return forbidden(name, 'pdb disruptions allowed is negative');
  const disrupted = (status['disruptedPods'] ?? {}) as Obj;
  if (Object.keys(disrupted).length > MAX_DISRUPTED_POD_SIZE)
    return forbidden(
      name,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  if (allowed === 0)
    return tooManyRequests(
      `The disruption budget ${name} needs ${num('desiredHealthy')} healthy pods and has ${num('currentHealthy')} currently`,
      0,
    );
  if (dryRun) return { write: null };
  const left = allowed - 1;
  // UpdateDisruptionAllowedCondition once the last allowed disruption is spent
  // (SetStatusCondition: replaced in place, appended when missing).
  const existing = (status['conditions'] ?? []) as readonly Obj[];
  const flipped = disruptionAllowedCondition(
    allowedConditionOf(status),
    0,
    num('observedGeneration'),
    state.now,
  );
  const conditions =
    left > 0
      ? existing
      : existing.some((c) => c['type'] === 'DisruptionAllowed')
        ? existing.map((c) => (c['type'] === 'DisruptionAllowed' ? flipped : c))
        : [...existing, flipped];
  return {
    write: {
      ...pdb,
      status: {
        ...status,
        conditions,
        disruptedPods: { ...disrupted, [pod]: formatRfc3339(state.now) },
        disruptionsAllowed: left,
      },
    },
  };
}

/** Decides and carries out one eviction (eviction.go EvictionREST.Create). */
export function evictPod(state: ClusterState, req: EvictionRequest): EvictionOutcome {
  const pod = getObject(state, 'pods', req.namespace, req.name);
  if (!pod)
    return {
      state,
      evicted: false,
      status: {
        code: 404,
        status: 'Failure',
        reason: 'NotFound',
        message: `pods "${req.name}" not found`,
        details: { name: req.name, kind: 'pods' },
      },
    };
  if (canIgnorePdb(pod)) return letGo(state, req);
  const pdbs = scanStored(state.cluster?.objects, 'poddisruptionbudgets.policy', req.namespace)
    .filter((b) => pdbSelects(b, pod))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pdbs.length > 1)
    return {
      state,
      evicted: false,
      status: {
        code: 500,
        status: 'Failure',
        message:
          'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      },
    };
  const pdb = pdbs[0];
  if (!pdb) return letGo(state, req);
  if (!isPodReady(pod)) {
    const spec = (pdb['spec'] ?? {}) as Obj;
    const st = (pdb['status'] ?? {}) as Obj;
    const current = typeof st['currentHealthy'] === 'number' ? st['currentHealthy'] : 0;
    const desired = typeof st['desiredHealthy'] === 'number' ? st['desiredHealthy'] : 0;
    // An unhealthy Pod does not count towards currentHealthy: it goes without spending the budget.
    if (spec['unhealthyPodEvictionPolicy'] === 'AlwaysAllow') return letGo(state, req);
    if (current >= desired && desired > 0) return letGo(state, req);
  }
  const checked = checkAndDecrement(state, pdb, req.name, req.dryRun === true);
  if (!('write' in checked)) return { state, status: checked, evicted: false };
  const spent =
    checked.write === null ? state : putObject(state, 'poddisruptionbudgets.policy', checked.write);
  return letGo(spent, req);
}
