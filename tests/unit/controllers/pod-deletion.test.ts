/**
 * Graceful Pod deletion, one path for kubectl delete, drain and the served API
 * (src/workloads/pod-deletion.ts): pkg/registry/core/pod/strategy.go CheckGracefulDelete,
 * staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete, pkg/controller/
 * controller_utils.go FilterActivePods, the kubelet's deletion once the containers stopped
 * (pkg/kubelet/status/status_manager.go canBeDeleted), staging/src/k8s.io/kubectl/pkg/cmd/delete/
 * delete.go (--wait) and cmd/wait/wait.go ("timed out waiting for the condition on %s/%s").
 */
import { describe, expect, it } from 'vitest';
import {
  CONTAINER_STOP_MS,
  createSession,
  formatRfc3339,
  getObject,
  nextPodTermination,
  type Session,
} from 'kubelife';

async function web(replicas = 2): Promise<{ s: Session; pods: string[] }> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  return { s, pods: await names(s) };
}

async function names(s: Session): Promise<string[]> {
  const r = await s.run('kubectl get pods -l app=web -o name');
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace('pod/', ''));
}

const pod = (s: Session, name: string) => getObject(s.save().state, 'pods', 'default', name);

describe('strategy.go CheckGracefulDelete and rest/delete.go BeforeDelete', () => {
  it('keeps a deleted Pod Terminating with deletionTimestamp now + terminationGracePeriodSeconds (30)', async () => {
    const { s, pods } = await web();
    const now = s.save().state.now;

    const r = await s.run(`kubectl delete pod ${pods[0] ?? ''} --wait=false`);
    const table = await s.run('kubectl get pods');

    expect(r.stdout).toBe(`pod "${pods[0] ?? ''}" deleted\n`);
    expect(pod(s, pods[0] ?? '')?.metadata).toMatchObject({
      deletionGracePeriodSeconds: 30,
      deletionTimestamp: formatRfc3339(now + 30_000),
    });
    expect(table.stdout).toMatch(new RegExp(`${pods[0] ?? ''} +1/1 +Terminating`));
  });

  it('takes DeleteOptions.gracePeriodSeconds (--grace-period) over the Pod’s own', async () => {
    const { s, pods } = await web();
    const now = s.save().state.now;

    await s.run(`kubectl delete pod ${pods[0] ?? ''} --grace-period=2 --wait=false`);

    expect(pod(s, pods[0] ?? '')?.metadata).toMatchObject({
      deletionGracePeriodSeconds: 2,
      deletionTimestamp: formatRfc3339(now + 2000),
    });
  });

  it('only ever shortens a pending graceful deletion', async () => {
    const { s, pods } = await web();
    const name = pods[0] ?? '';
    const now = s.save().state.now;
    await s.run(`kubectl delete pod ${name} --wait=false`);

    await s.run(`kubectl delete pod ${name} --grace-period=60 --wait=false`);
    const kept = pod(s, name)?.metadata.deletionTimestamp;
    await s.run(`kubectl delete pod ${name} --grace-period=3 --wait=false`);

    expect(kept).toBe(formatRfc3339(now + 30_000));
    expect(pod(s, name)?.metadata).toMatchObject({
      deletionGracePeriodSeconds: 3,
      deletionTimestamp: formatRfc3339(now + 3000),
    });
  });

  it('removes a Pod at once when forced (grace 0) or bound to no node', async () => {
    const { s, pods } = await web();
    await s.run('kubectl run stuck --image=nginx --overrides=\'{"spec":{"nodeName":""}}\'');
    await s.run('kubectl cordon worker-1 worker-2');
    await s.run('kubectl run pending --image=nginx');

    await s.run(`kubectl delete pod ${pods[0] ?? ''} --force --grace-period=0`);
    await s.run('kubectl delete pod pending --wait=false');

    expect(pod(s, pods[0] ?? '')).toBeNull();
    expect(pod(s, 'pending')).toBeNull();
  });
});

describe('the ReplicaSet controller (controller_utils.go FilterActivePods)', () => {
  it('creates the replacement as soon as the old Pod has its deletionTimestamp', async () => {
    const { s, pods } = await web();

    await s.run(`kubectl delete pod ${pods[0] ?? ''} --wait=false`);
    const after = await names(s);

    expect(after).toHaveLength(3);
    expect(after).toContain(pods[0]);
  });
});

describe('the kubelet deletes the Pod once its containers stopped', () => {
  it('lets kubectl delete wait (--wait=true) until the Pod is gone, the clock moving with it', async () => {
    const { s, pods } = await web();
    const now = s.save().state.now;

    const r = await s.run(`kubectl delete pod ${pods[0] ?? ''}`);

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`pod "${pods[0] ?? ''}" deleted\n`);
    expect(pod(s, pods[0] ?? '')).toBeNull();
    expect(s.save().state.now).toBe(now + CONTAINER_STOP_MS);
    expect(await names(s)).toHaveLength(2);
  });

  it('says when the next Terminating Pod goes: the grace period when it is shorter than the containers take', async () => {
    const { s, pods } = await web();
    const now = s.save().state.now;

    await s.run(`kubectl delete pod ${pods[0] ?? ''} --wait=false`);
    const first = nextPodTermination(s.save().state);
    await s.run(`kubectl delete pod ${pods[1] ?? ''} --grace-period=1 --wait=false`);
    const second = nextPodTermination(s.save().state);

    expect(first).toBe(now + CONTAINER_STOP_MS);
    expect(second).toBe(now + 1000);
  });

  it('leaves the Pods of a node whose kubelet is gone Terminating: kubectl delete --timeout gives up as wait.go does', async () => {
    const { s } = await web(4);
    await s.run('kubelife clock advance 30s');
    await s.run('kubelife fault kubelet-stopped worker-1');
    await s.run('kubelife clock advance 1m');
    const lost =
      (
        await s.run('kubectl get pods -l app=web --field-selector spec.nodeName=worker-1 -o name')
      ).stdout
        .split('\n')[0]
        ?.replace('pod/', '') ?? '';

    const timed = await s.run(`kubectl delete pod ${lost} --timeout=10s`);
    const unbounded = await s.run(`kubectl delete pod ${lost}`);

    expect(timed.exitCode).toBe(1);
    expect(timed.stderr).toBe(`error: timed out waiting for the condition on pods/${lost}\n`);
    expect(unbounded.stderr).toMatch(/^kubelife: kubectl delete waits until pods\/\S+ is gone/);
    expect(pod(s, lost)?.metadata.deletionTimestamp).toBeDefined();
  });

  it('lets kubectl drain report each evicted Pod once its kubelet has deleted it', async () => {
    const { s } = await web();
    const now = s.save().state.now;

    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets');

    expect(r.stdout).toMatch(
      /evicting pod default\/web-\S+\npod\/web-\S+ evicted\nnode\/worker-1 drained/,
    );
    expect(s.save().state.now).toBe(now + CONTAINER_STOP_MS);
  });

  it('passes drain --grace-period to each eviction’s DeleteOptions', async () => {
    const { s } = await web();
    const now = s.save().state.now;

    await s.run('kubectl drain worker-1 --ignore-daemonsets --grace-period=1');

    expect(s.save().state.now).toBe(now + 1000);
  });
});
