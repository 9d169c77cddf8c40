// kubectl set image (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go); the Deployment page's
// update path (concepts/workloads/controllers/deployment/) is judged by the real kubectl in the
// parity corpus (corpus-set.ts).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('kubectl set image', () => {
  it('updates the template and the Deployment rolls to a new ReplicaSet', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const r = await s.run('kubectl set image deployment/web nginx=nginx:1.28');
    expect(r.stdout).toBe('deployment.apps/web image updated\n');
    const rs = (await s.run('kubectl get rs -o jsonpath={.items[*].spec.replicas}')).stdout;
    expect(rs.split(' ').map(Number).sort()).toEqual([0, 2]);
    expect((await s.run('kubectl rollout history deployment/web')).stdout).toContain(
      '2         <none>',
    );
  });

  it('prints nothing when the image is already set, and names a missing container', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27');
    expect((await s.run('kubectl set image deploy/web nginx=nginx:1.27')).output).toBe('');
    const miss = await s.run('kubectl set image deploy/web nope=busybox');
    expect(miss.stderr).toBe('error: unable to find container named "nope"\n');
    expect(miss.exitCode).toBe(1);
  });

  it('sets a Pod’s own image and every container with *', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl run web --image=nginx:1.27');
    expect((await s.run("kubectl set image pod/web '*=nginx:1.29'")).stdout).toBe(
      'pod/web image updated\n',
    );
    expect(
      (await s.run('kubectl get pod web -o jsonpath={.spec.containers[0].image}')).stdout,
    ).toBe('nginx:1.29\n');
  });

  it('answers the usage errors as kubectl does', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27');
    expect((await s.run('kubectl set image deploy/web')).stderr).toBe(
      'error: at least one image update is required\n',
    );
    expect((await s.run('kubectl set image nginx=nginx:1.18')).stderr).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
  });
});
