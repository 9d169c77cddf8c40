// Watches from a resourceVersion on kubelife serve --api, driven by @kubernetes/client-node: from
// a list's resourceVersion the watch delivers what changed after it; from an older one, which the
// server's watch cache no longer holds, it ends with a 410 Expired ERROR event
// (staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go getAllEventsSinceLocked,
// cacher.go Watch newErrWatcher), on which client-go's reflector lists again.
import { describe, expect, it } from 'vitest';
import { CoordinationV1Api, Watch, type V1Lease } from '@kubernetes/client-node';
import { serveForClientNode } from './client-node-server.ts';

const served = serveForClientNode();

const PATH = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases';

describe('watching Leases from a resourceVersion', () => {
  it('delivers the deletion after the list’s resourceVersion, and nothing before it', async () => {
    const api = served.kc.makeApiClient(CoordinationV1Api);
    const revision = served.session.save().state.cluster?.objects?.rv;
    const list = await api.listNamespacedLease({ namespace: 'kube-node-lease' });
    const events: Array<{ type: string; name: string; rv: string }> = [];
    let settle: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const watch = await new Watch(served.kc).watch(
      PATH,
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, lease: V1Lease) => {
        events.push({
          type,
          name: lease.metadata?.name ?? '',
          rv: lease.metadata?.resourceVersion ?? '',
        });
        settle();
      },
      () => undefined,
    );

    await api.deleteNamespacedLease({ name: 'worker-2', namespace: 'kube-node-lease' });
    await done;
    watch.abort();

    expect(events.map((e) => [e.type, e.name])).toEqual([['DELETED', 'worker-2']]);
    // A list's resourceVersion is the current revision (etcd's), not its newest item's.
    expect(Number(list.metadata?.resourceVersion)).toBe(revision);
    // The DELETED event carries the revision of the deletion (etcd3/watcher.go prepareObjs).
    expect(Number(events[0]?.rv)).toBe(served.session.save().state.cluster?.objects?.rv);
    expect(Number(events[0]?.rv)).toBeGreaterThan(Number(list.metadata?.resourceVersion));
  });

  it('ends a watch from a resourceVersion older than the current one with 410 Expired', async () => {
    const current = served.session.save().state.cluster?.objects?.rv;
    const events: Array<{ type: string; object: unknown }> = [];
    let settle: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settle = resolve));

    await new Watch(served.kc).watch(
      PATH,
      { resourceVersion: '5' },
      (type: string, object: unknown) => events.push({ type, object }),
      () => settle(),
    );
    await done;

    expect(events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: 5 (${String(current)})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
  });
});
