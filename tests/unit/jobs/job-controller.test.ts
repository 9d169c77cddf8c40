// The Job controller for a reader's Jobs: pkg/controller/job/job_controller.go at v1.33 (syncJob,
// manageJob, trackJobStatusAndRemoveFinalizers, the SuccessCriteriaMet → Complete and
// FailureTarget → Failed transitions, Events), pkg/registry/batch/job/strategy.go
// (generateSelector), pkg/controller/job/backoff_utils.go (10s failure back-off, doubling).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects } from 'kubelife';

type Session = ReturnType<typeof createSession>;
type Obj = Record<string, unknown>;

const job = (s: Session, name: string) => getObject(s.save().state, 'jobs.batch', 'default', name);
const status = (s: Session, name: string) => (job(s, name)?.['status'] ?? {}) as Obj;
const podsOf = (s: Session, name: string) =>
  listObjects(s.save().state, 'pods', 'default').filter(
    (p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === name,
  );
const phase = (p: { status?: unknown }) => (p.status as Obj | undefined)?.['phase'];

describe('a reader’s Job', () => {
  it('gets the generated selector and labels, one Pod with the tracking finalizer, then completes', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl create job hello --image=busybox -- echo hi');
    const created = job(s, 'hello');
    const uid = created?.metadata.uid ?? '';
    const [running] = podsOf(s, 'hello');
    await s.run('sleep 5');
    const [done] = podsOf(s, 'hello');

    expect(created?.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'hello',
      'controller-uid': uid,
      'job-name': 'hello',
    });
    expect((created?.['spec'] as Obj)['selector']).toEqual({
      matchLabels: { 'batch.kubernetes.io/controller-uid': uid },
    });
    expect(running?.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(running?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'hello',
        uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(done?.metadata.finalizers).toBeUndefined();
    expect(phase(done as { status?: unknown })).toBe('Succeeded');
    expect(status(s, 'hello')).toMatchObject({
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', status: 'True' },
        { type: 'Complete', reason: 'CompletionsReached', status: 'True' },
      ],
    });
    expect(status(s, 'hello')['completionTime']).not.toBe(status(s, 'hello')['startTime']);
  });

  it('runs completions one after another at parallelism 1, each when the previous one ended', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `printf 'apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  name: three\\nspec:\\n  completions: 3\\n  template:\\n    spec:\\n      containers:\\n      - name: w\\n        image: busybox\\n        command: ["sleep", "10"]\\n      restartPolicy: Never\\n' > three.yaml`,
    );

    await s.run('kubectl create -f three.yaml');
    await s.run('kubelife clock advance 25s');
    const midway = status(s, 'three');
    await s.run('kubelife clock advance 1h');

    expect(midway).toMatchObject({ active: 1, succeeded: 2 });
    expect(podsOf(s, 'three').map((p) => p.metadata.creationTimestamp)).toHaveLength(3);
    const created = podsOf(s, 'three')
      .map((p) => Date.parse(p.metadata.creationTimestamp))
      .sort((a, b) => a - b);
    expect(created.slice(1).map((t, i) => (t - (created[i] ?? 0)) / 1000)).toEqual([10, 10]);
    expect(status(s, 'three')).toMatchObject({ succeeded: 3 });
  });

  it('fails through its backoffLimit with back-off between the Pods and a Warning Event', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `printf 'apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  name: oops\\nspec:\\n  backoffLimit: 2\\n  template:\\n    spec:\\n      containers:\\n      - name: w\\n        image: busybox\\n        command: ["false"]\\n      restartPolicy: Never\\n' > oops.yaml`,
    );

    await s.run('kubectl create -f oops.yaml');
    await s.run('sleep 1h');
    const events = await s.run('kubectl get events --field-selector involvedObject.name=oops');

    expect(status(s, 'oops')).toMatchObject({
      failed: 3,
      conditions: [
        { type: 'FailureTarget', reason: 'BackoffLimitExceeded' },
        {
          type: 'Failed',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
      ],
    });
    const created = podsOf(s, 'oops')
      .map((p) => Date.parse(p.metadata.creationTimestamp))
      .sort((a, b) => a - b);
    // Each Pod fails 1s after it starts; the next waits 10s, then 20s (backoff_utils.go).
    expect(created.slice(1).map((t, i) => (t - (created[i] ?? 0)) / 1000)).toEqual([11, 21]);
    expect(events.stdout).toContain(
      'Warning   BackoffLimitExceeded   job/oops   Job has reached the specified backoff limit',
    );
  });

  it('prints as kubectl does: STATUS, COMPLETIONS, DURATION, and Completed Pods', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create job hello --image=busybox -- echo hi');
    await s.run('sleep 5');

    const jobs = await s.run('kubectl get jobs');
    const pods = await s.run('kubectl get pods');

    expect(jobs.stdout).toBe(
      'NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   1/1           1s         5s\n',
    );
    expect(pods.stdout).toMatch(/^hello-\w{5}   0\/1     Completed   0          5s\n/m);
  });

  it('is deleted with its Pods when its ttlSecondsAfterFinished runs out', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `printf 'apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  name: short\\nspec:\\n  ttlSecondsAfterFinished: 60\\n  template:\\n    spec:\\n      containers:\\n      - name: w\\n        image: busybox\\n      restartPolicy: Never\\n' > short.yaml`,
    );
    await s.run('kubectl create -f short.yaml');

    await s.run('sleep 30');
    const kept = job(s, 'short');
    await s.run('sleep 60');

    expect(kept).not.toBeNull();
    expect(job(s, 'short')).toBeNull();
    expect(podsOf(s, 'short')).toEqual([]);
  });

  it('takes its Pods with it when deleted', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create job forever --image=nginx');

    await s.run('kubectl delete job forever');

    expect(podsOf(s, 'forever')).toEqual([]);
  });
});
