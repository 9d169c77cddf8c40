// kubelife serve --api driven by @kubernetes/client-node: a Deployment created over the API,
// scaled through its scale subresource, watched as its ReplicaSet's Pods appear (issue 11: "watch
// pods while a Deployment scales").
// upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, pkg/registry/apps/
// deployment/storage/storage.go (ScaleREST), pkg/controller/replicaset/replica_set.go.
import { describe, expect, it } from 'vitest';
import { AppsV1Api, Watch, type V1Pod } from '@kubernetes/client-node';
import { serveForClientNode } from './client-node-server.ts';

const served = serveForClientNode();
const { session } = served;

describe('serve --api workloads with @kubernetes/client-node', () => {
  it('watches pods while a Deployment scales', async () => {
    const apps = served.kc.makeApiClient(AppsV1Api);
    const added = new Set<string>();
    let settle: () => void = () => undefined;
    const three = new Promise<void>((resolve) => (settle = resolve));
    const watch = await new Watch(served.kc).watch(
      '/api/v1/namespaces/default/pods',
      { labelSelector: 'app=web' },
      (type: string, pod: V1Pod) => {
        if (type === 'ADDED') added.add(pod.metadata?.name ?? '');
        if (added.size === 3) settle();
      },
      () => undefined,
    );

    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
          },
        },
      },
    });
    await apps.patchNamespacedDeploymentScale({
      name: 'web',
      namespace: 'default',
      body: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    });
    await three;
    watch.abort();

    expect(added.size).toBe(3);
    expect([...added].every((n) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(n))).toBe(true);
    expect((await session.run('kubectl get deploy web')).stdout).toMatch(/web\s+3\/3\s+3\s+3/);
  });
});
