// The Deployment controller's rollouts: RollingUpdate within maxSurge/maxUnavailable, a rollout
// that waits while its new Pods cannot be scheduled, Recreate, and the status kubectl reads.
// upstream: pkg/controller/deployment/rolling.go, recreate.go, sync.go (calculateStatus),
// util/deployment_util.go (ResolveFenceposts, NewRSNewReplicas); kubernetes.io
// concepts/workloads/controllers/deployment/ "Updating a Deployment" (the Events it shows).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const scalingEvents = async (s: ReturnType<typeof createSession>): Promise<string[]> => {
  const r = await s.run(
    `kubectl get events --field-selector reason=ScalingReplicaSet -o jsonpath='{range .items[*]}{.message}{"\\n"}{end}'`,
  );
  return r.stdout.trimEnd().split('\n');
};

describe('Deployment rollouts', () => {
  it('rolls 3 replicas one Pod at a time, as the Deployment page of kubernetes.io shows', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment nginx-deployment --image=nginx:1.14.2 --replicas=3');
    const first = (await s.run('kubectl get rs -o name')).stdout
      .trim()
      .replace('replicaset.apps/', '');

    await s.run('kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1');
    const rs = (await s.run('kubectl get rs -o name')).stdout.trim().split('\n');
    const second = (rs.find((n) => !n.endsWith(first)) ?? '').replace('replicaset.apps/', '');

    // maxSurge 25% of 3 rounds up to 1, maxUnavailable rounds down to 0.
    expect(await scalingEvents(s)).toEqual([
      `Scaled up replica set ${first} from 0 to 3`,
      `Scaled up replica set ${second} from 0 to 1`,
      `Scaled down replica set ${first} from 3 to 2`,
      `Scaled up replica set ${second} from 1 to 2`,
      `Scaled down replica set ${first} from 2 to 1`,
      `Scaled up replica set ${second} from 2 to 3`,
      `Scaled down replica set ${first} from 1 to 0`,
    ]);
  });

  it('keeps the old Pods serving while the new ones cannot be scheduled, and finishes once they can', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.14.2 --replicas=4');
    await s.run('kubectl cordon worker-1');
    await s.run('kubectl cordon worker-2');

    await s.run('kubectl set image deployment/web nginx=nginx:1.16.1');
    const stuck = await s.run('kubectl get deploy web --no-headers');
    const status = await s.run('kubectl rollout status deployment/web --timeout=1s');
    await s.run('kubectl uncordon worker-1');
    const done = await s.run('kubectl rollout status deployment/web');

    // maxSurge 1 and maxUnavailable 1: two new Pods Pending, three old ones Running.
    expect(stuck.stdout).toMatch(/^web +3\/4 +2 +3 +\d+s\n$/);
    expect(status.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...\n',
    );
    expect(done.stdout).toBe('deployment "web" successfully rolled out\n');
  });

  it('scales the old ReplicaSet to 0 before the new one with the Recreate strategy', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.14.2 --replicas=2');
    await s.run(
      `kubectl patch deployment web -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'`,
    );

    await s.run('kubectl set image deployment/web nginx=nginx:1.16.1');
    const events = await scalingEvents(s);

    expect(events.slice(1).map((e) => e.replace(/web-\w+/, 'RS'))).toEqual([
      'Scaled down replica set RS from 2 to 0',
      'Scaled up replica set RS from 0 to 2',
    ]);
  });
});
