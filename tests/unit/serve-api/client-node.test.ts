// kubelife serve --api driven by @kubernetes/client-node, the official JavaScript client: it
// reads the written kubeconfig (client certificate, CA, tls-server-name), lists nodes and watches
// pods while a node is drained through the eviction API.
// upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/watch.go (watch events),
// pkg/registry/core/pod/storage/eviction.go.
import { describe, expect, it } from 'vitest';
import { CoreV1Api, Watch, type V1Pod } from '@kubernetes/client-node';
import { serveForClientNode } from './client-node-server.ts';

const served = serveForClientNode();
const { session } = served;

describe('serve --api with @kubernetes/client-node', () => {
  it('lists the nodes the simulator has', async () => {
    const api = served.kc.makeApiClient(CoreV1Api);

    const nodes = await api.listNode();

    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(nodes.items[0]?.status?.nodeInfo?.kubeletVersion).toMatch(/^v1\.\d+\.\d+$/);
  });

  it('watches CoreDNS pods evicted over the API terminate (MODIFIED with a deletionTimestamp, DELETED once the served clock reaches their kubelet finishing, pod-deletion.ts) and come back elsewhere', async () => {
    const api = served.kc.makeApiClient(CoreV1Api);
    const events: Array<{ type: string; name: string; node: string; deleting: boolean }> = [];
    let settle: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const watch = await new Watch(served.kc).watch(
      '/api/v1/namespaces/kube-system/pods',
      { labelSelector: 'k8s-app=kube-dns' },
      (type: string, pod: V1Pod) => {
        events.push({
          type,
          name: pod.metadata?.name ?? '',
          node: pod.spec?.nodeName ?? '',
          deleting: pod.metadata?.deletionTimestamp !== undefined,
        });
        const added = events.filter((e) => e.type === 'ADDED' && e.node !== 'cp-1').length;
        if (added === 2 && events.filter((e) => e.type === 'DELETED').length === 2) settle();
      },
      () => undefined,
    );
    const before = (
      await api.listNamespacedPod({ namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' })
    ).items;

    await api.patchNode({ name: 'cp-1', body: { spec: { unschedulable: true } } });
    for (const pod of before)
      await api.createNamespacedPodEviction({
        name: pod.metadata?.name ?? '',
        namespace: 'kube-system',
        body: {
          metadata: { name: pod.metadata?.name ?? '', namespace: 'kube-system' },
          // DeleteOptions.gracePeriodSeconds: gone a second later (the served clock follows).
          deleteOptions: { gracePeriodSeconds: 1 },
        },
      });
    await done;
    watch.abort();

    expect(before.every((p) => p.spec?.nodeName === 'cp-1')).toBe(true);
    const names = before.map((p) => p.metadata?.name).sort();
    const named = (type: string): string[] =>
      events
        .filter((e) => e.type === type && (type !== 'MODIFIED' || e.deleting))
        .map((e) => e.name)
        .sort();
    expect(named('MODIFIED')).toEqual(names);
    expect(named('DELETED')).toEqual(names);
    expect(events.filter((e) => e.type === 'ADDED' && e.node !== 'cp-1')).toHaveLength(2);
    expect((await session.run('kubectl get node cp-1')).stdout).toMatch(/SchedulingDisabled/);
  });
});
