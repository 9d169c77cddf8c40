// The cluster's own workloads under their controllers:
// pkg/controller/deployment/sync.go (scale), pkg/controller/replicaset/replica_set.go
// (manageReplicas: create `<rs>-<5 chars>`, getPodsToDelete: the newest first),
// pkg/controller/daemon/daemon_controller.go (a daemon Pod per node, a new name when one is
// deleted), pkg/kubelet/pod/mirror_client.go (the kubelet recreates a deleted mirror Pod under
// the same name), pkg/controller/deployment/rolling.go (a new ReplicaSet per template, old at 0).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects, listPods, type SerializedState } from 'kubelife';

type Session = ReturnType<typeof createSession>;

const pods = (s: Session, prefix: string) =>
  listPods(s.save().state, 'kube-system').filter((p) => p.name.startsWith(prefix));

const replicas = (s: Session, resource: string, name: string) =>
  (getObject(s.save().state, resource, 'kube-system', name)?.['spec'] as { replicas: number })
    .replicas;

describe('the cluster’s own workloads', () => {
  it('gives CoreDNS a third Pod when its Deployment is scaled to 3, on a node without one', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = pods(s, 'coredns-');
    const rs = before[0]?.name.split('-').slice(0, 2).join('-') ?? '';

    const r = await s.run('kubectl -n kube-system scale deployment coredns --replicas=3');

    expect(r.output).toBe('deployment.apps/coredns scaled\n');
    const after = pods(s, 'coredns-');
    expect(after).toHaveLength(3);
    expect(replicas(s, 'replicasets.apps', rs)).toBe(3);
    const added = after.find((p) => !before.some((b) => b.name === p.name));
    expect(added?.name).toMatch(new RegExp(`^${rs}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(added?.node).not.toBe('cp-1');
    expect(added?.status).toBe('Running');
  });

  it('deletes the newest CoreDNS Pods when scaled down', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const original = pods(s, 'coredns-').map((p) => p.name);
    await s.run('kubectl -n kube-system scale deployment coredns --replicas=3');

    await s.run('kubectl -n kube-system scale deployment coredns --replicas=2');

    expect(pods(s, 'coredns-').map((p) => p.name)).toEqual(original);
  });

  it('replaces a deleted CoreDNS Pod under a new name and keeps the other Pod’s address', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const [first, second] = pods(s, 'coredns-');

    const r = await s.run(`kubectl -n kube-system delete pod ${first?.name ?? ''}`);

    expect(r.output).toBe(`pod "${first?.name ?? ''}" deleted\n`);
    const after = pods(s, 'coredns-');
    expect(after).toHaveLength(2);
    expect(after.map((p) => p.name)).not.toContain(first?.name);
    expect(after.find((p) => p.name === second?.name)?.ip).toBe(second?.ip);
  });

  it('gives a node a new kube-proxy Pod when its Pod is deleted', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const old = pods(s, 'kube-proxy-').find((p) => p.node === 'worker-1');

    await s.run(`kubectl -n kube-system delete pod ${old?.name ?? ''}`);

    const now = pods(s, 'kube-proxy-').filter((p) => p.node === 'worker-1');
    expect(now).toHaveLength(1);
    expect(now[0]?.name).not.toBe(old?.name);
    expect(now[0]?.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('recreates a deleted mirror Pod under the same name with a new uid', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const uid = getObject(s.save().state, 'pods', 'kube-system', 'etcd-cp-1')?.metadata.uid;

    await s.run('kubectl -n kube-system delete pod etcd-cp-1');

    const mirror = getObject(s.save().state, 'pods', 'kube-system', 'etcd-cp-1');
    expect(mirror).toBeDefined();
    expect(mirror?.metadata.uid).not.toBe(uid);
  });

  it('rolls CoreDNS to a new ReplicaSet when kubeadm upgrade changes its image', async () => {
    // v1.34 runs CoreDNS v1.12.1, v1.35 v1.13.1 (cmd/kubeadm/app/constants CoreDNSVersion).
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded', release: 'v1.35' });
    const [old] = listObjects(s.save().state, 'replicasets.apps', 'kube-system');

    await s.run('kubeadm upgrade apply v1.35.8 -y');

    const sets = listObjects(s.save().state, 'replicasets.apps', 'kube-system');
    const fresh = sets.find((rs) => rs.metadata.name !== old?.metadata.name);
    const revision = (o: typeof old) =>
      o?.metadata.annotations?.['deployment.kubernetes.io/revision'];
    expect(sets).toHaveLength(2);
    expect(replicas(s, 'replicasets.apps', old?.metadata.name ?? '')).toBe(0);
    expect(replicas(s, 'replicasets.apps', fresh?.metadata.name ?? '')).toBe(2);
    expect([revision(old), revision(fresh)]).toEqual(['1', '2']);
    expect(pods(s, 'coredns-').every((p) => p.name.startsWith(`${fresh?.metadata.name}-`))).toBe(
      true,
    );
    const d = getObject(s.save().state, 'deployments.apps', 'kube-system', 'coredns');
    expect(JSON.stringify(d?.['spec'])).toContain('registry.k8s.io/coredns/coredns:v1.13.1');
  });

  it('keeps two CoreDNS Pods in a state saved before the ReplicaSet index existed', async () => {
    const saved = JSON.parse(
      JSON.stringify(createSession({ scenario: 'workers-joined' }).save()),
    ) as SerializedState;
    const objects = saved.state.cluster?.objects as { indexes: Record<string, unknown> };
    delete objects.indexes['pods/replicaset'];
    const s = createSession({ state: saved });

    await s.run('kubectl get nodes');

    expect(pods(s, 'coredns-')).toHaveLength(2);
  });
});
