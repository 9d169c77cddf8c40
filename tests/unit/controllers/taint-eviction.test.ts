// Taint-based eviction. upstream: pkg/controller/tainteviction/taint_eviction.go (kubernetes
// commit 003e8629; nodelifecycle/scheduler/taint_manager.go before v1.29): processPodOnNode,
// getMinTolerationTime, deletePodHandler → addConditionAndDeletePod (DisruptionTarget,
// DeletionByTaintManager, "Taint manager: deleting due to NoExecute taint"), emitPodDeletionEvent
// (TaintManagerEviction, "Marking for deletion Pod %s", reference with APIVersion v1);
// plugin/pkg/admission/defaulttolerationseconds (300 s); staging/src/k8s.io/apiserver/pkg/
// registry/rest/delete.go BeforeDelete (deletionTimestamp = now + grace period, generation + 1);
// pkg/printers/internalversion/printers.go printPod (Terminating); pkg/kubelet/config/common.go
// and pkg/controller/daemon/util/daemonset_util.go (tolerations that never expire).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects, listPods, type ApiObject, type Session } from 'kubelife';

type Condition = { type: string; status: string; reason?: string; message?: string };

async function webPods(s: Session): Promise<ApiObject[]> {
  const r = await s.run('kubectl get pods -l app=web -o json');
  return (JSON.parse(r.stdout) as { items: ApiObject[] }).items;
}

const nodeOf = (p: ApiObject) => (p['spec'] as { nodeName?: string }).nodeName;

/** workers-joined with four web Pods, two on each worker, then worker-1 powered off. */
async function lostWorker(): Promise<{ s: Session; downAt: number }> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run('kubectl create deployment web --image=nginx --replicas=4');
  await s.run('kubelife clock advance 30s');
  await s.run('kubelife fault machine-down worker-1');
  return { s, downAt: s.save().state.now };
}

describe('taint eviction controller', () => {
  it('leaves the Pods of a lost node alone while their 300 s toleration lasts', async () => {
    const { s } = await lostWorker();

    await s.run('kubelife clock advance 5m');

    const pods = await webPods(s);
    expect(pods.filter((p) => nodeOf(p) === 'worker-1')).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
  });

  it('deletes them once the toleration has run out: Terminating, replaced elsewhere, with the Event', async () => {
    const { s, downAt } = await lostWorker();
    const grace = 50_000; // --node-monitor-grace-period (NODE_MONITOR_GRACE_MS)

    await s.run('kubelife clock advance 6m');

    const pods = await webPods(s);
    const evicted = pods.filter((p) => nodeOf(p) === 'worker-1');
    const table = (await s.run('kubectl get pods -l app=web')).stdout;
    const events = (await s.run('kubectl get events -o json')).stdout;
    const eviction = (JSON.parse(events) as { items: ApiObject[] }).items.filter(
      (e) => e['reason'] === 'TaintManagerEviction',
    );
    expect(evicted).toHaveLength(2);
    const evictedAt = Math.floor((downAt + grace + 300_000) / 1000) * 1000;
    for (const p of evicted) {
      expect(Date.parse(p.metadata.deletionTimestamp ?? '')).toBe(evictedAt + 30_000);
      expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
      const conditions = (p['status'] as { conditions: Condition[] }).conditions;
      expect(conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      });
      expect(conditions.find((c) => c.type === 'Ready')?.status).toBe('False');
    }
    const onWorker2 = pods.filter((p) => nodeOf(p) === 'worker-2');
    expect(onWorker2).toHaveLength(4);
    // The ReplicaSet controller replaced them when they were deleted.
    expect(
      onWorker2.filter((p) => Date.parse(p.metadata.creationTimestamp) === evictedAt),
    ).toHaveLength(2);
    expect(table.match(/1\/1\s+Terminating/g)).toHaveLength(2);
    expect(eviction.map((e) => e['message']).sort()).toEqual(
      evicted.map((p) => `Marking for deletion Pod default/${p.metadata.name}`).sort(),
    );
    expect(eviction[0]).toMatchObject({
      involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'default' },
      source: { component: 'taint-eviction-controller' },
      type: 'Normal',
    });
  });

  it('never evicts DaemonSet Pods or static Pods’ mirror Pods, which tolerate the taint forever', async () => {
    const { s } = await lostWorker();

    await s.run('kubelife clock advance 30m');

    const onLost = listPods(s.save().state, null).filter((p) => p.node === 'worker-1');
    const proxy = await s.run(
      'kubectl -n kube-system get pods -l k8s-app=kube-proxy -o jsonpath={.items[0].spec.tolerations[2]}',
    );
    const mirror = await s.run(
      'kubectl -n kube-system get pod etcd-cp-1 -o jsonpath={.spec.tolerations}',
    );
    expect(onLost.map((p) => p.status)).toEqual(['Running', 'Running']);
    expect(JSON.parse(proxy.stdout.trim())).toEqual({
      effect: 'NoExecute',
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
    });
    expect(JSON.parse(mirror.stdout.trim())).toEqual([{ effect: 'NoExecute', operator: 'Exists' }]);
  });

  it('keeps the evicted Pods Terminating while the node is lost and lets its kubelet remove them when it is back', async () => {
    const { s } = await lostWorker();
    await s.run('kubelife clock advance 20m');
    const stillThere = (await webPods(s)).filter((p) => nodeOf(p) === 'worker-1');

    await s.run('kubelife fault clear worker-1');

    const after = await webPods(s);
    expect(stillThere).toHaveLength(2);
    expect(after.filter((p) => nodeOf(p) === 'worker-1')).toHaveLength(0);
    expect(after).toHaveLength(4);
  });

  it('evicts nothing when the node comes back before the toleration ends', async () => {
    const { s } = await lostWorker();
    await s.run('kubelife clock advance 3m');
    await s.run('kubelife fault clear worker-1');

    await s.run('kubelife clock advance 10m');

    const pods = await webPods(s);
    expect(pods.filter((p) => nodeOf(p) === 'worker-1')).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
  });

  it('evicts nothing while no control-plane node runs kube-controller-manager', async () => {
    const { s } = await lostWorker();
    await s.run('kubelife fault machine-down cp-1');

    await s.run('kubelife clock advance 10m');

    const pods = listObjects(s.save().state, 'pods', 'default');
    expect(pods.filter((p) => nodeOf(p) === 'worker-1')).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
  });
});
