/**
 * One step of a Deployment's rollout: which ReplicaSet to create or scale next, from the
 * ReplicaSets' replica counts and how many of their Pods are available. RollingUpdate first
 * scales the new ReplicaSet up within maxSurge, then the old ones down while maxUnavailable
 * allows (unhealthy old replicas first); Recreate scales every old ReplicaSet to 0, waits for
 * their Pods to be gone, then creates or scales the new one. The caller applies a step, lets the
 * ReplicaSet controller and the scheduler act, and asks again until nothing is left to do.
 *
 * upstream: pkg/controller/deployment/rolling.go (rolloutRolling, reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate),
 * recreate.go (rolloutRecreate, oldPodsRunning), util/deployment_util.go (NewRSNewReplicas),
 * pkg/controller/controller_utils.go (ReplicaSetsByCreationTimestamp).
 */
import type { ApiObject, Json } from '../store/types.ts';
import {
  desiredReplicas,
  fenceposts,
  isRollingUpdate,
  maxUnavailable,
} from './rollout-fenceposts.ts';

type Obj = { readonly [k: string]: Json };

/** What the rollout sees: the new ReplicaSet (if it exists) and the Deployment's older ones. */
export interface RolloutView {
  readonly deployment: ApiObject;
  readonly newRS: ApiObject | undefined;
  readonly oldRSs: readonly ApiObject[];
  /** Available Pods of a ReplicaSet. */
  readonly available: (rs: ApiObject) => number;
  /** Pods of the old ReplicaSets that still exist (Recreate waits for none). */
  readonly oldPods: number;
}

/** The step to take: create the new ReplicaSet with `create` replicas, or scale these. */
export interface RolloutStep {
  readonly create?: number;
  readonly scale: ReadonlyArray<readonly [ApiObject, number]>;
}

const NOTHING: RolloutStep = { scale: [] };

/** spec.replicas of a ReplicaSet. */
export const rsReplicas = (rs: ApiObject): number => {
  const r = ((rs['spec'] ?? {}) as Obj)['replicas'];
  return typeof r === 'number' ? r : 1;
};

const total = (list: readonly ApiObject[]): number => list.reduce((n, r) => n + rsReplicas(r), 0);

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
function byCreation(list: readonly ApiObject[]): ApiObject[] {
  return [...list].sort((a, b) => {
    const t = Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp);
    return t !== 0 ? t : a.metadata.name < b.metadata.name ? -1 : 1;
  });
}

/** NewRSNewReplicas for RollingUpdate: scale up within maxSurge, never above spec.replicas. */
function newReplicas(v: RolloutView, current: number): number {
  const want = desiredReplicas(v.deployment);
  const maxTotal = want + fenceposts(v.deployment).surge;
  const all = total(v.oldRSs) + (v.newRS ? rsReplicas(v.newRS) : 0);
  if (all >= maxTotal) return current;
  return current + Math.min(maxTotal - all, want - current);
}

/** reconcileOldReplicaSets: the old ReplicaSets' new counts, unhealthy replicas first. */
function scaleDownOld(v: RolloutView, newRS: ApiObject): RolloutStep {
  const d = v.deployment;
  if (total(v.oldRSs) === 0) return NOTHING;
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const newUnavailable = rsReplicas(newRS) - v.available(newRS);
  const maxScaledDown = total(v.oldRSs) + rsReplicas(newRS) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return NOTHING;
  const counts = new Map(v.oldRSs.map((rs) => [rs, rsReplicas(rs)] as const));
  let cleaned = 0;
  for (const rs of byCreation(v.oldRSs)) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rsReplicas(rs) - v.available(rs);
    if (rsReplicas(rs) === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    counts.set(rs, rsReplicas(rs) - down);
    cleaned += down;
  }
  const availableNow = [...v.oldRSs, newRS].reduce((n, rs) => n + v.available(rs), 0);
  let budget = availableNow - minAvailable;
  for (const rs of byCreation(v.oldRSs)) {
    if (budget <= 0) break;
    const current = counts.get(rs) ?? 0;
    if (current === 0) continue;
    const down = Math.min(current, budget);
    counts.set(rs, current - down);
    budget -= down;
  }
  return { scale: [...counts].filter(([rs, n]) => n !== rsReplicas(rs)) };
}

/** rolloutRolling's next step. */
function rolling(v: RolloutView): RolloutStep {
  const want = desiredReplicas(v.deployment);
  if (!v.newRS) return { create: newReplicas(v, 0), scale: [] };
  const current = rsReplicas(v.newRS);
  if (current > want) return { scale: [[v.newRS, want]] };
  if (current < want) {
    const up = newReplicas(v, current);
    if (up !== current) return { scale: [[v.newRS, up]] };
  }
  return scaleDownOld(v, v.newRS);
}

/** rolloutRecreate's next step. */
function recreate(v: RolloutView): RolloutStep {
  const active = v.oldRSs.filter((rs) => rsReplicas(rs) > 0);
  if (active.length > 0) return { scale: active.map((rs) => [rs, 0] as const) };
  if (v.oldPods > 0) return NOTHING;
  const want = desiredReplicas(v.deployment);
  if (!v.newRS) return { create: want, scale: [] };
  return rsReplicas(v.newRS) === want ? NOTHING : { scale: [[v.newRS, want]] };
}

/** The next step of the Deployment's rollout. */
export function rolloutStep(v: RolloutView): RolloutStep {
  return isRollingUpdate(v.deployment) ? rolling(v) : recreate(v);
}
