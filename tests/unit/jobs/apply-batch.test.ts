// `kubectl apply -f` of Jobs and CronJobs through the generic apply: staging/src/k8s.io/kubectl/
// pkg/cmd/apply/apply.go at v1.33 (created / unchanged / configured), pkg/util/apply.go (the
// last-applied-configuration annotation: the manifest as sorted JSON with the namespace and
// `annotations: {}`, as the Job page of kubernetes.io shows it), pkg/apis/batch/validation/
// validation.go ValidateJobSpecUpdate (a Job's template is immutable).
import { describe, expect, it } from 'vitest';
import { createSession, getObject } from 'kubelife';

const PI = `printf 'apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  name: pi\\nspec:\\n  backoffLimit: 4\\n  template:\\n    spec:\\n      containers:\\n      - name: pi\\n        image: perl\\n        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]\\n      restartPolicy: Never\\n' > job.yaml`;

describe('kubectl apply -f of a Job', () => {
  it('creates it with the last-applied configuration kubectl writes, then finds it unchanged', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(PI);

    const created = await s.run('kubectl apply -f job.yaml');
    const again = await s.run('kubectl apply -f job.yaml');
    const job = getObject(s.save().state, 'jobs.batch', 'default', 'pi');

    expect(created.output).toBe('job.batch/pi created\n');
    expect(again.output).toBe('job.batch/pi unchanged\n');
    expect(job?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"pi","namespace":"default"},"spec":{"backoffLimit":4,"template":{"spec":{"containers":[{"command":["perl","-Mbignum=bpi","-wle","print bpi(2000)"],"image":"perl","name":"pi"}],"restartPolicy":"Never"}}}}\n',
    );
  });

  it('refuses a changed Pod template: a Job’s template is immutable', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(PI);
    await s.run('kubectl apply -f job.yaml');
    await s.run("sed -i 's/image: perl/image: perl:5.36/' job.yaml");

    const changed = await s.run('kubectl apply -f job.yaml');

    const job = getObject(s.save().state, 'jobs.batch', 'default', 'pi');
    const template = (job?.['spec'] as { template: { spec: { containers: { image: string }[] } } })
      .template;

    expect(changed.exitCode).toBe(1);
    // checkErr prints an Invalid Status from its details, not the wrapped patch message.
    expect(changed.stderr).toMatch(/^The Job "pi" is invalid: spec.template: Invalid value/);
    expect(changed.stderr).toContain('field is immutable');
    expect(template.spec.containers[0]?.image).toBe('perl');
  });

  it('configures a CronJob whose schedule changed', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `printf 'apiVersion: batch/v1\\nkind: CronJob\\nmetadata:\\n  name: hello\\nspec:\\n  schedule: "* * * * *"\\n  jobTemplate:\\n    spec:\\n      template:\\n        spec:\\n          containers:\\n          - name: hello\\n            image: busybox\\n          restartPolicy: OnFailure\\n' > cj.yaml`,
    );
    await s.run('kubectl apply -f cj.yaml');
    await s.run(`sed -i 's/"\\* \\* \\* \\* \\*"/"@hourly"/' cj.yaml`);

    const configured = await s.run('kubectl apply -f cj.yaml');
    const cj = getObject(s.save().state, 'cronjobs.batch', 'default', 'hello');

    expect(configured.output).toBe('cronjob.batch/hello configured\n');
    expect((cj?.['spec'] as Record<string, unknown>)['schedule']).toBe('@hourly');
  });
});
