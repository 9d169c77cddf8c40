// upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go, rollout_resume.go
// (`error: %s %q %v`), polymorphichelpers/objectpauser.go ("is already paused"), objectresumer.go
// ("is not paused"), objectrestarter.go ("can't restart paused deployment (run rollout resume
// first)"), rollback.go ("you cannot rollback a paused deployment; …");
// pkg/controller/deployment/sync.go (a paused Deployment scales but makes no new ReplicaSet;
// Progressing Unknown, reason DeploymentPaused).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects } from 'kubelife';

const PATCH = `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`;

const sets = (s: ReturnType<typeof createSession>) =>
  listObjects(s.save().state, 'replicasets.apps', 'default').map(
    (rs) => [rs.metadata.name, (rs['spec'] as { replicas: number }).replicas] as const,
  );

describe('kubectl rollout pause and resume', () => {
  it('pauses once, then answers that the Deployment is already paused', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27');

    const first = await s.run('kubectl rollout pause deployment web');
    const again = await s.run('kubectl rollout pause deployment/web');

    expect(first.stdout).toBe('deployment.apps/web paused\n');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe('error: deployments.apps "web" is already paused\n');
  });

  it('holds a template change while paused, still scales, and rolls it out on resume', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await s.run('kubectl rollout pause deployment web');
    const before = sets(s);

    await s.run(PATCH);
    await s.run('kubectl scale deployment web --replicas=3');
    const paused = sets(s);
    const resumed = await s.run('kubectl rollout resume deployment web');

    expect(paused).toEqual([[before[0]?.[0], 3]]);
    expect(resumed.stdout).toBe('deployment.apps/web resumed\n');
    expect(sets(s)).toHaveLength(2);
    expect(sets(s).find(([name]) => name === before[0]?.[0])?.[1]).toBe(0);
  });

  it('refuses restart and undo of a paused Deployment, and resume of one that is not paused', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27');
    await s.run(PATCH);
    const notPaused = await s.run('kubectl rollout resume deployment web');
    await s.run('kubectl rollout pause deployment web');

    const restart = await s.run('kubectl rollout restart deployment web');
    const undo = await s.run('kubectl rollout undo deployment web');
    const reason = await s.run(
      `kubectl get deploy web -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}'`,
    );

    expect(notPaused.stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect(restart.stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    );
    expect(undo.stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(reason.stdout).toBe('DeploymentPaused\n');
  });
});
