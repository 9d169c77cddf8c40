/**
 * The eviction subresource as kube-apiserver decides it, one Pod per request
 * (pkg/registry/core/pod/storage/eviction.go: canIgnorePDB, getPodDisruptionBudgets,
 * checkAndDecrement, createTooManyRequestsError; the unhealthy-Pod rules of
 * unhealthyPodEvictionPolicy), through `kubelife evict` and the pure evictPod.
 */
import { describe, expect, it } from 'vitest';
import {
  createSession,
  evictPod,
  formatRfc3339,
  getObject,
  type ApiObject,
  type Session,
} from 'kubelife';
import { putObject } from '../../../src/lib/engine/src/store/write.ts';

type Status = {
  code: number;
  status: string;
  reason?: string;
  message?: string;
  details?: { causes?: { reason: string; message: string }[]; retryAfterSeconds?: number };
};

async function web(replicas: number, ...pdbs: string[]): Promise<Session> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  for (const p of pdbs) await s.run(`kubectl create pdb ${p}`);
  return s;
}

async function podNames(s: Session, where = ''): Promise<string[]> {
  const r = await s.run(`kubectl get pods -l app=web ${where} -o name`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace('pod/', ''));
}

async function evict(s: Session, name: string, extra = ''): Promise<{ exit: number; st: Status }> {
  const r = await s.run(`kubelife evict default/${name}${extra}`);
  return { exit: r.exitCode, st: JSON.parse(r.stdout) as Status };
}

const pdbOf = (s: Session, name: string): ApiObject | null =>
  getObject(s.save().state, 'poddisruptionbudgets.policy', 'default', name);

describe('eviction.go: one Pod per request', () => {
  it('evicts only the named Pod and answers 201 Success when no budget covers it; the Pod terminates (rest/delete.go BeforeDelete) and its ReplicaSet replaces it at once', async () => {
    const s = await web(3);
    const [first = '', ...others] = await podNames(s);

    const { exit, st } = await evict(s, first);
    const terminating = getObject(s.save().state, 'pods', 'default', first);
    const during = await podNames(s);
    await s.run('kubelife clock advance 5s');
    const after = await podNames(s);

    expect(exit).toBe(0);
    expect(st).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    expect(terminating?.metadata).toMatchObject({
      deletionGracePeriodSeconds: 30,
      deletionTimestamp: formatRfc3339(s.save().state.now - 5000 + 30_000),
    });
    expect(during).toHaveLength(4);
    expect(after).not.toContain(first);
    for (const o of others) expect(after).toContain(o);
    expect(after).toHaveLength(3);
  });

  it('answers 404 NotFound for a Pod that is not there', async () => {
    const s = await web(1);

    const { exit, st } = await evict(s, 'nope');

    expect(exit).toBe(1);
    expect(st).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "nope" not found' });
  });

  it('refuses with 429 TooManyRequests and the DisruptionBudget cause when the budget allows no disruption', async () => {
    const s = await web(2, 'web-pdb --selector=app=web --min-available=2');
    const [pod] = await podNames(s);

    const { exit, st } = await evict(s, pod ?? '');

    expect(exit).toBe(1);
    expect(st).toMatchObject({
      code: 429,
      status: 'Failure',
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
          },
        ],
      },
    });
    expect(st.details?.retryAfterSeconds).toBeUndefined();
    expect(await podNames(s)).toContain(pod);
  });

  it('spends one allowed disruption, records the Pod in disruptedPods, then the controller recounts', async () => {
    const s = await web(2, 'web-max --selector=app=web --max-unavailable=1');
    const [pod] = await podNames(s);
    const state = s.save().state;

    const direct = evictPod(state, { namespace: 'default', name: pod ?? '' });
    const spent = getObject(direct.state, 'poddisruptionbudgets.policy', 'default', 'web-max');
    await evict(s, pod ?? '');

    expect(direct.status.code).toBe(201);
    expect(spent?.['status']).toMatchObject({
      disruptionsAllowed: 0,
      disruptedPods: { [pod ?? '']: formatRfc3339(state.now) },
      conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' }],
    });
    // The replacement runs: the disruption controller allows one again and forgets the Pod.
    expect(pdbOf(s, 'web-max')?.['status']).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 1,
      conditions: [{ status: 'True', reason: 'SufficientPods' }],
    });
    expect(pdbOf(s, 'web-max')?.['status']).not.toHaveProperty('disruptedPods');
  });

  it('answers 500 for a Pod that two budgets select, which the subresource does not support', async () => {
    const s = await web(
      2,
      'a --selector=app=web --max-unavailable=1',
      'b --selector=app=web --min-available=1',
    );
    const [pod] = await podNames(s);

    const { st } = await evict(s, pod ?? '');

    expect(st).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      code: 500,
    });
  });

  it('changes nothing in a dry run but answers as the real eviction would', async () => {
    const s = await web(2, 'web-max --selector=app=web --max-unavailable=1');
    const [pod] = await podNames(s);
    const before = s.save().state;

    const { exit, st } = await evict(s, pod ?? '', ' --dry-run');

    expect(exit).toBe(0);
    expect(st.code).toBe(201);
    expect(s.save().state).toEqual(before);
  });

  it('refuses while the budget status is older than its spec (observedGeneration), retry after 10s', async () => {
    const s = await web(2, 'web-max --selector=app=web --max-unavailable=1');
    const [pod] = await podNames(s);
    const pdb = pdbOf(s, 'web-max') as ApiObject;
    const stale = putObject(s.save().state, 'poddisruptionbudgets.policy', {
      ...pdb,
      status: { ...(pdb['status'] as object), observedGeneration: 0 },
    });

    const r = evictPod(stale, { namespace: 'default', name: pod ?? '' });

    expect(r.status).toMatchObject({
      code: 429,
      details: {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: 'The disruption budget web-max is still being processed by the server.',
          },
        ],
        retryAfterSeconds: 10,
      },
    });
  });

  it('forbids an eviction under a budget whose allowance went negative', async () => {
    const s = await web(2, 'web-max --selector=app=web --max-unavailable=1');
    const [pod] = await podNames(s);
    const pdb = pdbOf(s, 'web-max') as ApiObject;
    const broken = putObject(s.save().state, 'poddisruptionbudgets.policy', {
      ...pdb,
      status: { ...(pdb['status'] as object), disruptionsAllowed: -1 },
    });

    const r = evictPod(broken, { namespace: 'default', name: pod ?? '' });

    expect(r.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'poddisruptionbudget.policy "web-max" is forbidden: pdb disruptions allowed is negative',
    });
  });
});

describe('eviction.go: Pods that are not Ready', () => {
  /** Four web Pods, two on worker-1, whose kubelet stopped a minute ago: those two are not Ready. */
  async function lostWorker(pdb: string): Promise<{ s: Session; lost: string; ready: string }> {
    const s = await web(4, pdb);
    await s.run('kubelife clock advance 30s');
    await s.run('kubelife fault kubelet-stopped worker-1');
    await s.run('kubelife clock advance 1m');
    const lost = (await podNames(s, '--field-selector spec.nodeName=worker-1'))[0] ?? '';
    const ready = (await podNames(s, '--field-selector spec.nodeName=worker-2'))[0] ?? '';
    return { s, lost, ready };
  }

  it('lets an unready Pod go without spending the budget while the application is healthy (IfHealthyBudget)', async () => {
    const { s, lost, ready } = await lostWorker('web-pdb --selector=app=web --min-available=2');

    const status = pdbOf(s, 'web-pdb')?.['status'];
    const kept = await evict(s, ready);
    const gone = await evict(s, lost);

    expect(status).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
    expect(kept.st.code).toBe(429);
    expect(gone.st.code).toBe(201);
    // Its kubelet is lost and cannot finish the deletion: the Pod stays Terminating.
    expect(
      getObject(s.save().state, 'pods', 'default', lost)?.metadata.deletionTimestamp,
    ).toBeDefined();
    expect(await s.run('kubectl get pods -l app=web')).toMatchObject({
      stdout: expect.stringMatching(new RegExp(`${lost} +\\S+ +Terminating`)) as unknown,
    });
  });

  it('keeps an unready Pod while the application is below its budget, unless the policy is AlwaysAllow', async () => {
    const { s, lost } = await lostWorker('web-pdb --selector=app=web --min-available=3');
    const refused = await evict(s, lost);
    await s.run(
      `kubectl patch pdb web-pdb --type=merge -p '{"spec":{"unhealthyPodEvictionPolicy":"AlwaysAllow"}}'`,
    );

    const allowed = await evict(s, lost);

    expect(refused.st).toMatchObject({
      code: 429,
      details: {
        causes: [
          { message: 'The disruption budget web-pdb needs 3 healthy pods and has 2 currently' },
        ],
      },
    });
    expect(allowed.st.code).toBe(201);
  });
});
