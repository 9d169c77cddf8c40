// The kubelet's Events and container IDs for a Pod it starts: reasons from
// pkg/kubelet/events/event.go, wording from pkg/kubelet/images/image_manager.go and
// pkg/kubelet/kuberuntime/kuberuntime_container.go (changed in v1.35, kubernetes/kubernetes#134043),
// IDs as pkg/kubelet/container/runtime.go ContainerID.String prints containerd's.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { kubeletStartEvents } from '../../../src/lib/engine/src/objects/kubelet-pod-events.ts';
import { containerId } from '../../../src/lib/engine/src/workloads/container-id.ts';
import { normalizedImage } from '../../../src/lib/engine/src/workloads/container-status.ts';

const pod = (policy: string) => ({
  containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: policy }],
});

describe('kubelet Events for a started Pod', () => {
  it('says Container created and Container started since v1.35 (kuberuntime_container.go)', () => {
    const got = kubeletStartEvents(pod('IfNotPresent'), {
      kubeletVersion: 'v1.37.1',
      present: new Set(['nginx:1.27']),
    });

    expect(got).toEqual([
      {
        reason: 'Pulled',
        message:
          'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
        fieldPath: 'spec.containers{web}',
      },
      { reason: 'Created', message: 'Container created', fieldPath: 'spec.containers{web}' },
      { reason: 'Started', message: 'Container started', fieldPath: 'spec.containers{web}' },
    ]);
  });

  it('names the container in the messages up to v1.34 (kuberuntime_container.go, image_manager.go)', () => {
    const got = kubeletStartEvents(pod('IfNotPresent'), {
      kubeletVersion: 'v1.34.3',
      present: new Set(['nginx:1.27']),
    });

    expect(got.map((e) => e.message)).toEqual([
      'Container image "nginx:1.27" already present on machine',
      'Created container: web',
      'Started container web',
    ]);
  });

  it('pulls an image the node lacks, and with pull policy Always every time', () => {
    const missing = kubeletStartEvents(pod('IfNotPresent'), {
      kubeletVersion: 'v1.37.1',
      present: new Set(),
    });
    const always = kubeletStartEvents(pod('Always'), {
      kubeletVersion: 'v1.37.1',
      present: new Set(['nginx:1.27']),
    });

    for (const got of [missing, always])
      expect(got.map((e) => [e.reason, e.message])).toEqual([
        ['Pulling', 'Pulling image "nginx:1.27"'],
        ['Created', 'Container created'],
        ['Started', 'Container started'],
      ]);
  });

  it('records the kubelet’s Events about each container, and finds the image present for the next Pod on the node', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const name of ['a', 'b'])
      await s.run(
        `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: worker-1\n  containers:\n  - name: ${name}\n    image: nginx:1.27\nEOF`,
      );

    const a = await s.run('kubectl get events --field-selector involvedObject.name=a -o json');
    const b = await s.run('kubectl get events --field-selector involvedObject.name=b');

    const items = (JSON.parse(a.stdout) as { items: Record<string, unknown>[] }).items;
    const kubelet = items.filter(
      (e) => (e['source'] as { component: string }).component === 'kubelet',
    );
    expect(kubelet.map((e) => e['reason'])).toEqual(['Pulling', 'Created', 'Started']);
    expect(kubelet[0]?.['involvedObject']).toMatchObject({
      apiVersion: 'v1',
      fieldPath: 'spec.containers{a}',
      kind: 'Pod',
      name: 'a',
      namespace: 'default',
    });
    expect(kubelet[0]?.['source']).toEqual({ component: 'kubelet', host: 'worker-1' });
    expect(b.stdout).toContain(
      'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    );
  });
});

describe('container IDs', () => {
  it('gives each run of a container its own containerd ID, the same at every read', () => {
    const first = containerId('uid-1', 'web', 0);

    expect(first).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(containerId('uid-1', 'web', 0)).toBe(first);
    expect(containerId('uid-1', 'web', 1)).not.toBe(first);
    expect(containerId('uid-2', 'web', 0)).not.toBe(first);
  });

  it('reports the ID of a running container in the Pod’s status and in describe', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl run nginx --image=nginx');

    const id = await s.run(
      "kubectl get pod nginx -o jsonpath='{.status.containerStatuses[0].containerID}'",
    );
    const described = await s.run('kubectl describe pod nginx');

    expect(id.stdout.trim()).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(described.stdout).toContain(`Container ID:   ${id.stdout.trim()}`);
  });
});

describe('the image a container status names (distribution/reference normalize.go)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/nginx', 'docker.io/bitnami/nginx:latest'],
    ['registry.k8s.io/kube-proxy:v1.37.1', 'registry.k8s.io/kube-proxy:v1.37.1'],
    ['localhost/app', 'localhost/app:latest'],
    ['registry.example:5000/app', 'registry.example:5000/app:latest'],
    ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc'],
  ])('names %s as %s', (image, normalized) => {
    expect(normalizedImage(image)).toBe(normalized);
  });
});
