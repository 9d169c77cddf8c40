/**
 * The disruption controller's status of a PodDisruptionBudget
 * (pkg/controller/disruption/disruption.go v1.33: getExpectedPodCount, countHealthyPods,
 * updatePdbStatus, updateDisruptionAllowedCondition): the Pods its selector matches in its
 * namespace, how many are ready, how many must stay so (minAvailable as a number, or a
 * percentage / maxUnavailable of the controllers' scale, rounded up), and how many may go.
 */
import type { ClusterState } from '../model/state.ts';
import { labelSelectorRequirements, matchesSelector } from '../kubectl/labels.ts';
import { servedPods } from '../workloads/served-pods.ts';
import { readStored } from './buckets.ts';
import type { ApiObject, Json } from './types.ts';

type Obj = { readonly [k: string]: Json };

function ready(p: ApiObject): boolean {
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

/** The `.status` the disruption controller keeps on `pdb` now. */
export function pdbStatus(state: ClusterState, pdb: ApiObject): Obj {
  const spec = (pdb['spec'] ?? {}) as Obj;
  const reqs = labelSelectorRequirements(spec['selector']) ?? [];
  const pods = servedPods(state, pdb.metadata.namespace ?? null).filter(
    (p) =>
      reqs.length > 0 &&
      matchesSelector(p.metadata.labels ?? {}, reqs) &&
      p.metadata.deletionTimestamp === undefined,
  );
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
  const healthy = pods.filter(ready).length;
  const allowed = expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
  const generation = pdb.metadata.generation ?? 1;
  return {
    conditions: [
      {
        lastTransitionTime: pdb.metadata.creationTimestamp,
        message: '',
        observedGeneration: generation,
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        status: allowed > 0 ? 'True' : 'False',
        type: 'DisruptionAllowed',
      },
    ],
    currentHealthy: healthy,
    desiredHealthy: desired,
    disruptionsAllowed: allowed,
    expectedPods: expected,
    observedGeneration: generation,
  };
}
