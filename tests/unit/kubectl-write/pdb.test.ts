/**
 * PodDisruptionBudgets: `kubectl create pdb` (staging/src/k8s.io/kubectl/pkg/cmd/create/
 * create_pdb.go, v1.33) and the status the disruption controller keeps
 * (pkg/controller/disruption/disruption.go getExpectedPodCount, updatePdbStatus). Judged
 * identical by the real kubectl v1.33 in parity corpus/pdb.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

async function withWeb(replicas = 3) {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  return s;
}

const status = async (s: ReturnType<typeof createSession>, name: string) =>
  JSON.parse((await s.run(`kubectl get pdb ${name} -o jsonpath='{.status}'`)).stdout) as Record<
    string,
    unknown
  >;

describe('kubectl create pdb', () => {
  it('builds the policy/v1 object from the selector and one bound, refusing what create_pdb.go refuses', async () => {
    const s = await withWeb();
    const dry = await s.run(
      "kubectl create pdb y --selector='app in (web,api)' --max-unavailable=30% --dry-run=client -o jsonpath='{.spec}'",
    );
    const both = await s.run(
      'kubectl create pdb bad --selector=app=web --min-available=1 --max-unavailable=1',
    );
    const none = await s.run('kubectl create pdb bad --selector=app=web');
    const unit = await s.run('kubectl create pdb bad --selector=app=web --min-available=1Gi');

    expect(JSON.parse(dry.stdout)).toEqual({
      maxUnavailable: '30%',
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] },
    });
    expect(both.stderr).toBe('error: min-available and max-unavailable cannot be both specified\n');
    expect(none.stderr).toBe('error: one of min-available or max-unavailable must be specified\n');
    expect(unit.stderr).toBe('error: invalid format specified for min-available\n');
  });
});

describe('the disruption controller', () => {
  it('counts healthy Pods against minAvailable, a percentage of the scale, or maxUnavailable', async () => {
    const s = await withWeb(3);
    await s.run('kubectl create pdb min --selector=app=web --min-available=2');
    await s.run('kubectl create pdb pct --selector=app=web --min-available=50%');
    await s.run('kubectl create pdb max --selector=app=web --max-unavailable=1');

    expect(await status(s, 'min')).toMatchObject({
      currentHealthy: 3,
      desiredHealthy: 2,
      disruptionsAllowed: 1,
      expectedPods: 3,
    });
    expect(await status(s, 'pct')).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(await status(s, 'max')).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1 });
  });

  it('allows no disruption once the budget is used up, and says why in its condition', async () => {
    const s = await withWeb(3);
    await s.run('kubectl create pdb min --selector=app=web --min-available=2');
    await s.run('kubectl scale deployment web --replicas=2');
    const st = await status(s, 'min');

    expect(st['disruptionsAllowed']).toBe(0);
    expect((st['conditions'] as Record<string, unknown>[])[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'False',
      reason: 'InsufficientPods',
    });
  });

  it("counts the cluster's own Pods by their Ready condition (CoreDNS under a kube-dns budget)", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      'kubectl create pdb dns --selector=k8s-app=kube-dns --max-unavailable=1 -n kube-system',
    );

    const st = JSON.parse(
      (await s.run("kubectl get pdb dns -n kube-system -o jsonpath='{.status}'")).stdout,
    ) as Record<string, unknown>;

    expect(st).toMatchObject({
      currentHealthy: 2,
      desiredHealthy: 1,
      disruptionsAllowed: 1,
      expectedPods: 2,
    });
  });
});
