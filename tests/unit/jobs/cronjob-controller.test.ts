// The CronJob controller for a reader's CronJobs: pkg/controller/cronjob/cronjob_controllerv2.go
// at v1.33 (syncCronJob, cleanupFinishedJobs, the Events "Created job %v", "Saw completed job:
// %s, condition: %v", "Deleted job %v") and utils.go (getJobName: the scheduled time in minutes
// since the epoch; getJobFromTemplate2's cronjob-scheduled-timestamp annotation).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects } from 'kubelife';

type Session = ReturnType<typeof createSession>;
type Obj = Record<string, unknown>;

const jobs = (s: Session) =>
  listObjects(s.save().state, 'jobs.batch', 'default').map((j) => j.metadata.name);
const cronStatus = (s: Session, name: string) =>
  (getObject(s.save().state, 'cronjobs.batch', 'default', name)?.['status'] ?? {}) as Obj;

describe('a reader’s CronJob', () => {
  it('creates a Job named after each scheduled minute and keeps the last three that succeeded', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- date");

    await s.run('sleep 60');
    const first = jobs(s);
    await s.run('sleep 300');

    // 2026-11-25T09:04:00Z is minute 29926624 since the epoch.
    expect(first).toEqual(['hello-29926624']);
    expect(jobs(s)).toEqual(['hello-29926627', 'hello-29926628', 'hello-29926629']);
    expect(cronStatus(s, 'hello')).toEqual({
      lastScheduleTime: '2026-11-25T09:09:00Z',
      lastSuccessfulTime: '2026-11-25T09:09:01Z',
    });
    const job = getObject(s.save().state, 'jobs.batch', 'default', 'hello-29926629');
    expect(job?.metadata.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-11-25T09:09:00Z',
    });
    expect(job?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello' });
  });

  it('records its Events in the order the controller acts', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- date");

    await s.run('sleep 270');
    const events = await s.run('kubectl get events --field-selector involvedObject.kind=CronJob');
    const lines = events.stdout.trim().split('\n').slice(-3);

    expect(lines.map((l) => l.replace(/^\S+\s+/, ''))).toEqual([
      'Normal   SuccessfulCreate   cronjob/hello   Created job hello-29926627',
      'Normal   SawCompletedJob    cronjob/hello   Saw completed job: hello-29926627, condition: Complete',
      'Normal   SuccessfulDelete   cronjob/hello   Deleted job hello-29926624',
    ]);
  });

  it('creates nothing while suspended and does not run a second Job under Forbid', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("kubectl create cronjob quiet --image=busybox --schedule='* * * * *' -- date");
    await s.run(`kubectl patch cronjob quiet -p '{"spec":{"suspend":true}}'`);
    await s.run("kubectl create cronjob long --image=busybox --schedule='* * * * *' -- sleep 150");
    await s.run(`kubectl patch cronjob long -p '{"spec":{"concurrencyPolicy":"Forbid"}}'`);

    await s.run('sleep 150');

    expect(jobs(s)).toEqual(['long-29926624']);
    expect(cronStatus(s, 'long')['active']).toHaveLength(1);
  });

  it('takes its Jobs and their Pods with it when deleted', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("kubectl create cronjob hello --image=busybox --schedule='* * * * *' -- date");
    await s.run('sleep 60');

    await s.run('kubectl delete cronjob hello');

    expect(jobs(s)).toEqual([]);
    expect(listObjects(s.save().state, 'pods', 'default')).toEqual([]);
  });
});
