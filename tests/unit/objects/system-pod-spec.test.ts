// The cluster's own Pods as the API serves them: CoreDNS's and kube-proxy's Pods are their
// workload's template (kubeadm's cmd/kubeadm/app/phases/addons/dns/manifests.go and
// addons/proxy/manifests.go) with the Pod defaults and the admission plugins' additions
// (plugin/pkg/admission/serviceaccount/admission.go: the token volume; priority/admission.go),
// a DaemonSet Pod pinned by pkg/controller/daemon/util/daemonset_util.go
// ReplaceDaemonSetPodNodeNameNodeAffinity; mirror Pods get no ServiceAccount (the plugin skips them).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

type Obj = Record<string, unknown>;

async function podsOf(selector: string): Promise<Obj[]> {
  const s = createSession({ scenario: 'workers-joined' });
  const r = await s.run(`kubectl -n kube-system get pods -l ${selector} -o json`);
  return (JSON.parse(r.stdout) as { items: Obj[] }).items;
}

const spec = (p: Obj | undefined): Obj => (p?.['spec'] ?? {}) as Obj;

describe('the cluster’s own Pods', () => {
  it('serves a kube-proxy Pod with its ServiceAccount, token volume, node affinity and defaults', async () => {
    const [pod] = await podsOf('k8s-app=kube-proxy');

    const s = spec(pod);
    const volumes = s['volumes'] as Obj[];
    const token = String(volumes.at(-1)?.['name']);
    expect(token).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volumes.map((v) => v['name'])).toEqual([
      'kube-proxy',
      'xtables-lock',
      'lib-modules',
      token,
    ]);
    expect(s['serviceAccountName']).toBe('kube-proxy');
    expect(s['serviceAccount']).toBe('kube-proxy');
    expect(s['affinity']).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [s['nodeName']] }] },
          ],
        },
      },
    });
    const container = (s['containers'] as Obj[])[0] ?? {};
    expect((container['volumeMounts'] as Obj[]).at(-1)).toEqual({
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      name: token,
      readOnly: true,
    });
    expect(s).toMatchObject({
      enableServiceLinks: true,
      hostNetwork: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
    });
  });

  it('serves CoreDNS Pods with the coredns ServiceAccount, each with its own token volume name', async () => {
    const pods = await podsOf('k8s-app=kube-dns');

    const names = pods.map((p) => ((spec(p)['volumes'] as Obj[]).at(-1) ?? {})['name']);
    expect(pods).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const p of pods) {
      expect(spec(p)['serviceAccountName']).toBe('coredns');
      expect(spec(p)['dnsPolicy']).toBe('Default');
      expect(spec(p)['priority']).toBe(2000000000);
      expect(spec(p)).not.toHaveProperty('affinity.nodeAffinity');
    }
  });

  it('leaves the mirror Pods of static Pods without a ServiceAccount or token volume', async () => {
    const pods = await podsOf('component=kube-apiserver');

    expect(pods).toHaveLength(1);
    expect(spec(pods[0])).not.toHaveProperty('serviceAccountName');
    expect(spec(pods[0])).not.toHaveProperty('volumes');
  });

  it('reports a running kube-proxy’s container with its containerd ID and the image as containerd names it', async () => {
    const [pod] = await podsOf('k8s-app=kube-proxy');

    const [status] = ((pod?.['status'] as Obj)['containerStatuses'] ?? []) as Obj[];
    expect(status?.['containerID']).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(status?.['image']).toMatch(/^registry\.k8s\.io\/kube-proxy:v1\.\d+\.\d+$/);
    expect(status?.['imageID']).toBe('');
    expect(status?.['state']).toHaveProperty('running.startedAt');
    expect((status?.['volumeMounts'] as Obj[]).at(-1)).toMatchObject({
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      readOnly: true,
      recursiveReadOnly: 'Disabled',
    });
  });

  it('records the kubelet’s Events: images kubeadm pulled are present on the control plane, a worker pulls', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const got = await s.run('kubectl -n kube-system get events -o json');

    const items = (JSON.parse(got.stdout) as { items: Obj[] }).items;
    const kubelet = (node: string) =>
      items
        .filter((e) => (e['source'] as Obj)['component'] === 'kubelet')
        .filter((e) => (e['source'] as Obj)['host'] === node)
        .filter((e) => String((e['involvedObject'] as Obj)['name']).startsWith('kube-proxy-'))
        .map((e) => `${String(e['reason'])}: ${String(e['message'])}`);
    expect(kubelet('cp-1')).toEqual([
      expect.stringMatching(
        /^Pulled: Container image "registry\.k8s\.io\/kube-proxy:v[\d.]+" already present on machine and can be accessed by the pod$/,
      ),
      'Created: Container created',
      'Started: Container started',
    ]);
    expect(kubelet('worker-1')).toEqual([
      expect.stringMatching(/^Pulling: Pulling image "registry\.k8s\.io\/kube-proxy:v[\d.]+"$/),
      'Created: Container created',
      'Started: Container started',
    ]);
  });
});
