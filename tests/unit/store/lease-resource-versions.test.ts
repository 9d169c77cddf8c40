// Leases are stored objects whose renewals are writes of the global resourceVersion, like etcd's
// revision on a real cluster: the kubelet's lease controller
// (staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go) renews every 10 s and
// creates its Lease again when it is NotFound; client-go's leader election
// (tools/leaderelection/leaderelection.go tryAcquireOrRenew) re-creates a deleted Lease at its next
// RetryPeriod (2 s, component-base's default: kubeadm sets only --leader-elect=true).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  listObjects,
  type ApiObject,
  type ClusterState,
  type SerializedState,
} from 'kubelife';
import { ok, rvOf, storeRv } from './resource-version-helpers.ts';

function lease(state: ClusterState, namespace: string, name: string): ApiObject | undefined {
  return listObjects(state, 'leases', namespace).find((o) => o.metadata.name === name);
}

const spec = (o: ApiObject | undefined): Record<string, unknown> =>
  (o?.['spec'] ?? {}) as Record<string, unknown>;

describe('Lease resourceVersions follow the global write order (lease/controller.go renewals)', () => {
  it('renews every live Lease with the next resourceVersions when the clock moves, after the writes before it', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await ok(s, 'kubectl create configmap before');
    const cm = listObjects(s.save().state, 'configmaps', 'default').find(
      (o) => o.metadata.name === 'before',
    );

    await ok(s, 'sleep 10');
    await ok(s, 'kubectl create configmap after');
    const state = s.save().state;
    const after = listObjects(state, 'configmaps', 'default').find(
      (o) => o.metadata.name === 'after',
    );

    const leases = listObjects(state, 'leases');
    expect(leases.map((o) => o.metadata.name)).toContain('worker-1');
    for (const o of leases) {
      expect(rvOf(o)).toBeGreaterThan(rvOf(cm));
      expect(rvOf(o)).toBeLessThan(rvOf(after));
      expect(spec(o)['renewTime']).toBe(
        new Date(state.now - 0).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
      );
    }
    expect(new Set(leases.map(rvOf)).size).toBe(leases.length);
    expect(Math.max(...listObjects(state, 'leases').map(rvOf))).toBeLessThanOrEqual(storeRv(state));
  });

  it('leaves a Lease’s resourceVersion alone while nothing writes it', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const first = lease(s.save().state, 'kube-node-lease', 'worker-1');

    await ok(s, 'kubectl create configmap unrelated');
    await ok(s, 'kubectl get nodes');

    expect(lease(s.save().state, 'kube-node-lease', 'worker-1')).toEqual(first);
  });

  it('keeps the last renewal of a node whose kubelet stopped, while the others renew', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await ok(s, 'ssh worker-1');
    await ok(s, 'systemctl stop kubelet');
    await ok(s, 'exit');
    const stopped = lease(s.save().state, 'kube-node-lease', 'worker-1');
    const other = lease(s.save().state, 'kube-node-lease', 'worker-2');

    await ok(s, 'sleep 60');
    const state = s.save().state;

    expect(lease(state, 'kube-node-lease', 'worker-1')).toEqual(stopped);
    expect(rvOf(lease(state, 'kube-node-lease', 'worker-2'))).toBeGreaterThan(rvOf(other));
  });

  it('has the kubelet create its deleted node Lease again at its next renewal, owned by the Node (lease/controller.go ensureLease)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = lease(s.save().state, 'kube-node-lease', 'worker-1');
    expect(await ok(s, 'kubectl delete lease worker-1 -n kube-node-lease')).toBe(
      'lease.coordination.k8s.io "worker-1" deleted\n',
    );

    await ok(s, 'sleep 9');
    expect(lease(s.save().state, 'kube-node-lease', 'worker-1')).toBeUndefined();
    const deletedAt = s.save().state.now - 9_000;
    await ok(s, 'sleep 1');
    const state = s.save().state;
    const again = lease(state, 'kube-node-lease', 'worker-1');

    expect(again?.metadata.uid).not.toBe(before?.metadata.uid);
    expect(Date.parse(again?.metadata.creationTimestamp ?? '')).toBe(
      Math.floor((deletedAt + 10_000) / 1000) * 1000,
    );
    expect(again?.metadata.ownerReferences).toEqual(before?.metadata.ownerReferences);
    expect(spec(again)).toMatchObject({ holderIdentity: 'worker-1', leaseDurationSeconds: 40 });
    expect(rvOf(again)).toBeGreaterThan(rvOf(before));
  });

  it('has the leader re-acquire its deleted kube-scheduler Lease after RetryPeriod 2s (leaderelection.go tryAcquireOrRenew)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = lease(s.save().state, 'kube-system', 'kube-scheduler');
    await ok(s, 'kubectl delete lease kube-scheduler -n kube-system');
    const deletedAt = s.save().state.now;

    await ok(s, 'sleep 2');
    const again = lease(s.save().state, 'kube-system', 'kube-scheduler');

    expect(spec(again)['holderIdentity']).toBe(spec(before)['holderIdentity']);
    expect(spec(again)['leaseTransitions']).toBe(0);
    expect(Date.parse(String(spec(again)['acquireTime']))).toBe(deletedAt + 2_000);
    expect(again?.metadata.uid).not.toBe(before?.metadata.uid);
  });

  it('removes a deleted Node’s Lease with it and does not create it again', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await ok(s, 'kubectl delete node worker-2');
    await ok(s, 'sleep 30');

    expect(lease(s.save().state, 'kube-node-lease', 'worker-2')).toBeUndefined();
  });

  it('gives the Leases of a state saved before they were stored resourceVersions below the store’s', async () => {
    const saved = JSON.parse(
      readFileSync(
        new URL('./fixtures/saved-by-main-workers-joined.json', import.meta.url),
        'utf8',
      ),
    ) as SerializedState;
    const s = createSession({ state: saved });
    const state = s.save().state;

    const leases = listObjects(state, 'leases');
    expect(leases.map((o) => o.metadata.name)).toEqual(
      expect.arrayContaining(['cp-1', 'worker-1', 'worker-2', 'kube-controller-manager']),
    );
    for (const o of leases) expect(rvOf(o)).toBeLessThanOrEqual(storeRv(state));
    await ok(s, 'kubectl create configmap next');
    const next = listObjects(s.save().state, 'configmaps', 'default').find(
      (o) => o.metadata.name === 'next',
    );
    for (const o of leases) expect(rvOf(o)).toBeLessThan(rvOf(next));
  });

  it('refuses a saved state whose renewal rounds are not numbers', () => {
    const s = createSession({ scenario: 'workers-joined' });
    const saved = JSON.parse(JSON.stringify(s.save())) as {
      state: { cluster: { objects: { renewals: { rounds: unknown } } } };
    };
    saved.state.cluster.objects.renewals.rounds = [{ rv: 'x', at: 0, slots: 1 }];

    expect(() => createSession({ state: saved as unknown as SerializedState })).toThrow(/renewals/);
  });
});
