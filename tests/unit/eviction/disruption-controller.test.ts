/**
 * The disruption controller writing PodDisruptionBudget status as Pods change and the clock
 * moves (pkg/controller/disruption/disruption.go: buildDisruptedPodMap, countHealthyPods with
 * DeletionTimeout, updatePdbStatus; component-helpers apps/poddisruptionbudget/helpers.go
 * UpdateDisruptionAllowedCondition through meta SetStatusCondition).
 */
import { describe, expect, it } from 'vitest';
import {
  createSession,
  formatRfc3339,
  getObject,
  type ApiObject,
  type ClusterState,
} from 'kubelife';
import { putObject } from '../../../src/lib/engine/src/store/write.ts';
import { reconcileDisruptionBudgets } from '../../../src/lib/engine/src/controllers/disruption.ts';

const PDBS = 'poddisruptionbudgets.policy';
const statusOf = (state: ClusterState, name: string) =>
  getObject(state, PDBS, 'default', name)?.['status'] as Record<string, unknown>;

describe('disruption.go: evictions in flight', () => {
  it('counts a Pod recorded in disruptedPods as unhealthy until DeletionTimeout (2m) passes, then drops it', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=3');
    await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=1');
    const state = s.save().state;
    const pod =
      (await s.run('kubectl get pods -l app=web -o name')).stdout.split('\n')[0]?.slice(4) ?? '';
    const pdb = getObject(state, PDBS, 'default', 'web-pdb') as ApiObject;
    const recorded = putObject(state, PDBS, {
      ...pdb,
      status: { ...(pdb['status'] as object), disruptedPods: { [pod]: formatRfc3339(state.now) } },
    });

    const soon = reconcileDisruptionBudgets({ ...recorded, now: recorded.now + 119_000 });
    const late = reconcileDisruptionBudgets({ ...recorded, now: recorded.now + 121_000 });

    expect(statusOf(soon, 'web-pdb')).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 1,
      disruptedPods: { [pod]: formatRfc3339(state.now) },
    });
    expect(statusOf(late, 'web-pdb')).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 2 });
    expect(statusOf(late, 'web-pdb')).not.toHaveProperty('disruptedPods');
  });
});

describe('disruption.go: the DisruptionAllowed condition', () => {
  it('moves lastTransitionTime only when the condition flips between InsufficientPods and SufficientPods', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=2');
    const created = s.save().state.now;
    await s.run('kubelife clock advance 1m');
    const before = statusOf(s.save().state, 'web-pdb');
    await s.run('kubectl scale deployment web --replicas=3');
    const flipped = s.save().state.now;
    await s.run('kubelife clock advance 1m');

    const after = statusOf(s.save().state, 'web-pdb');

    expect(before['conditions']).toEqual([
      expect.objectContaining({
        status: 'False',
        reason: 'InsufficientPods',
        lastTransitionTime: formatRfc3339(created),
      }),
    ]);
    expect(after['conditions']).toEqual([
      expect.objectContaining({
        status: 'True',
        reason: 'SufficientPods',
        lastTransitionTime: formatRfc3339(flipped),
      }),
    ]);
  });

  it('leaves an unchanged status unwritten (no new resourceVersion)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=1');
    const rv = getObject(s.save().state, PDBS, 'default', 'web-pdb')?.metadata.resourceVersion;

    await s.run('kubelife clock advance 10m');

    expect(getObject(s.save().state, PDBS, 'default', 'web-pdb')?.metadata.resourceVersion).toBe(
      rv,
    );
  });
});
