/**
 * The disruption controller's status of a PodDisruptionBudget
 * (pkg/controller/disruption/disruption.go v1.33: trySync, getPodsForPdb, getExpectedPodCount,
 * buildDisruptedPodMap, countHealthyPods, updatePdbStatus; staging/src/k8s.io/component-helpers/
 * apps/poddisruptionbudget/helpers.go UpdateDisruptionAllowedCondition): the Pods its selector
 * matches in its namespace, how many are ready and not about to go (deleting, or evicted less than
 * DeletionTimeout ago), how many must stay so (minAvailable as a number, or a percentage /
 * maxUnavailable of the controllers' scale, rounded up), how many may go, and the
 * DisruptionAllowed condition, whose lastTransitionTime moves only when its status flips
 * (apimachinery meta SetStatusCondition). controllers/disruption.ts writes it.
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339, parseTime } from '../clock.ts';
import { labelSelectorRequirements, matchesSelector } from '../kubectl/labels.ts';
import { servedPods } from '../workloads/served-pods.ts';
import { readStored } from './buckets.ts';
import type { ApiObject, Json } from './types.ts';

type Obj = { readonly [k: string]: Json };

/**
 * disruption.go DeletionTimeout: how long an evicted Pod that is still there counts as on its way
 * out before the controller decides it will not be deleted.
 */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(p: ApiObject): boolean {
  const conditions = ((p['status'] as Obj | undefined)?.['conditions'] ?? []) as readonly Obj[];
  return conditions.some((c) => c['type'] === 'Ready' && c['status'] === 'True');
}

/** intstr.GetScaledValueFromIntOrPercent(v, total, roundUp=true). */
function scaled(v: Json, total: number): number {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m ? Math.ceil((Number(m[1]) * total) / 100) : 0;
}

/** getExpectedScale: the scale of the controllers of the Pods (a Deployment's over its ReplicaSet). */
function expectedScale(state: ClusterState, pods: readonly ApiObject[]): number {
  const seen = new Map<string, number>();
  for (const p of pods) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref) continue;
    const ns = p.metadata.namespace ?? null;
    let owner: ApiObject | undefined =
      ref.kind === 'ReplicaSet'
        ? readStored(state.cluster?.objects, 'replicasets.apps', ns, ref.name)
        : undefined;
    const top = owner?.metadata.ownerReferences?.find(
      (r) => r.controller === true && r.kind === 'Deployment',
    );
    if (top) owner = readStored(state.cluster?.objects, 'deployments.apps', ns, top.name) ?? owner;
    const replicas = (owner?.['spec'] as Obj | undefined)?.['replicas'];
    seen.set(
      `${ref.kind}/${owner?.metadata.name ?? ref.name}`,
      typeof replicas === 'number' ? replicas : 1,
    );
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * getPodsForPdb: the Pods of the budget's namespace its selector matches; a nil or empty
 * selector matches none (eviction.go getPodDisruptionBudgets says the same for evictions).
 */
export function podsOfPdb(state: ClusterState, pdb: ApiObject): ApiObject[] {
  const reqs = labelSelectorRequirements(((pdb['spec'] ?? {}) as Obj)['selector']) ?? [];
  if (reqs.length === 0) return [];
  return servedPods(state, pdb.metadata.namespace ?? null).filter((p) =>
    matchesSelector(p.metadata.labels ?? {}, reqs),
  );
}

/** True when `pdb` (of the Pod's namespace) selects `pod`. */
export function pdbSelects(pdb: ApiObject, pod: ApiObject): boolean {
  const reqs = labelSelectorRequirements(((pdb['spec'] ?? {}) as Obj)['selector']) ?? [];
  return (
    reqs.length > 0 &&
    (pdb.metadata.namespace ?? '') === (pod.metadata.namespace ?? '') &&
    matchesSelector(pod.metadata.labels ?? {}, reqs)
  );
}

/**
 * buildDisruptedPodMap: the evictions still in flight, that is the entries of
 * status.disruptedPods whose Pod is still there, not being deleted, and evicted less than
 * DeletionTimeout ago (an older entry is dropped: the Pod was not deleted after all).
 */
function disruptedPodMap(pods: readonly ApiObject[], pdb: ApiObject, now: number): Obj {
  const recorded = (((pdb['status'] ?? {}) as Obj)['disruptedPods'] ?? {}) as Obj;
  const out: Record<string, Json> = {};
  for (const p of pods) {
    if (p.metadata.deletionTimestamp !== undefined) continue;
    const at = Object.hasOwn(recorded, p.metadata.name) ? recorded[p.metadata.name] : undefined;
    if (typeof at !== 'string') continue;
    if (parseTime(at) + DELETION_TIMEOUT_MS >= now) out[p.metadata.name] = at;
  }
  return out;
}

/** countHealthyPods: ready Pods that are neither being deleted nor evicted a moment ago. */
function countHealthy(pods: readonly ApiObject[], disrupted: Obj, now: number): number {
  return pods.filter((p) => {
    if (p.metadata.deletionTimestamp !== undefined) return false;
    const at = Object.hasOwn(disrupted, p.metadata.name) ? disrupted[p.metadata.name] : undefined;
    if (typeof at === 'string' && parseTime(at) + DELETION_TIMEOUT_MS > now) return false;
    return isPodReady(p);
  }).length;
}

/**
 * UpdateDisruptionAllowedCondition through SetStatusCondition: True/SufficientPods while
 * disruptions are allowed, else False/InsufficientPods; the previous condition's
 * lastTransitionTime stays while its status does not change.
 */
export function disruptionAllowedCondition(
  previous: Obj | undefined,
  allowed: number,
  generation: number,
  now: number,
): Obj {
  const status = allowed > 0 ? 'True' : 'False';
  const since =
    previous?.['status'] === status && typeof previous['lastTransitionTime'] === 'string'
      ? previous['lastTransitionTime']
      : formatRfc3339(now);
  return {
    lastTransitionTime: since,
    message: typeof previous?.['message'] === 'string' ? previous['message'] : '',
    observedGeneration: generation,
    reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
    status,
    type: 'DisruptionAllowed',
  };
}

/** The DisruptionAllowed condition of a status, if any. */
export function allowedConditionOf(status: Obj): Obj | undefined {
  return ((status['conditions'] ?? []) as readonly Obj[]).find(
    (c) => c['type'] === 'DisruptionAllowed',
  );
}

/** The `.status` the disruption controller writes on `pdb` now (trySync). */
export function pdbStatus(state: ClusterState, pdb: ApiObject): Obj {
  const spec = (pdb['spec'] ?? {}) as Obj;
  const pods = podsOfPdb(state, pdb);
  const min = spec['minAvailable'];
  const max = spec['maxUnavailable'];
  let expected = 0;
  let desired = 0;
  if (max !== undefined) {
    expected = expectedScale(state, pods);
    desired = Math.max(0, expected - scaled(max, expected));
  } else if (typeof min === 'number') {
    expected = pods.length;
    desired = min;
  } else if (min !== undefined) {
    expected = expectedScale(state, pods);
    desired = scaled(min, expected);
  }
  const disrupted = disruptedPodMap(pods, pdb, state.now);
  const healthy = countHealthy(pods, disrupted, state.now);
  // updatePdbStatus: no disruption while the budget matches no expected Pod.
  const allowed = expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
  const generation = pdb.metadata.generation ?? 1;
  const previous = allowedConditionOf((pdb['status'] ?? {}) as Obj);
  return {
    conditions: [disruptionAllowedCondition(previous, allowed, generation, state.now)],
    currentHealthy: healthy,
    desiredHealthy: desired,
    ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: allowed,
    expectedPods: expected,
    observedGeneration: generation,
  };
}
