// Saved states keep working: a session saved by the engine before the API object store (main at
// f2515d0, `kubeadm token create` on workers-joined) loads through migrateState, and states that
// are not ours are refused with a clear message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, type SerializedState } from 'kubelife';

const saved = JSON.parse(
  readFileSync(new URL('./fixtures/saved-by-main-workers-joined.json', import.meta.url), 'utf8'),
) as SerializedState;

/** Saved by main at f66ff68 (Nodes and Pods still records of their own): workers-joined, worker-2 cordoned, 90 s on. */
const savedWithRecords = JSON.parse(
  readFileSync(new URL('./fixtures/saved-by-main-records.json', import.meta.url), 'utf8'),
) as SerializedState;

/** Saved by main at f66ff68: scenario rollback-downgraded (a v1alpha3 Workload in the old `apiObjects` record). */
const savedDowngraded = JSON.parse(
  readFileSync(new URL('./fixtures/saved-by-main-downgraded.json', import.meta.url), 'utf8'),
) as SerializedState;

/** Saved by main at 4ab0671, before Pods were defaulted and admitted: workers-joined, `kubectl run nginx --image=nginx`. */
const savedUserPod = JSON.parse(
  readFileSync(new URL('./fixtures/saved-by-main-user-pod.json', import.meta.url), 'utf8'),
) as SerializedState;

describe('saved states', () => {
  it('serves a Pod saved before Pods were defaulted with the defaults but without admission’s additions', async () => {
    const s = createSession({ state: savedUserPod });

    const got = await s.run('kubectl get pod nginx -o json');
    await s.run('kubectl run next --image=nginx');
    const next = await s.run('kubectl get pod next -o json');

    // The API server defaults what it reads from storage (pkg/apis/core/v1/defaults.go); the
    // admission plugins ran, or not, when the Pod was created.
    const spec = (JSON.parse(got.stdout) as { spec: Record<string, unknown> }).spec;
    expect(spec['schedulerName']).toBe('default-scheduler');
    expect(spec['enableServiceLinks']).toBe(true);
    expect(spec).not.toHaveProperty('volumes');
    expect(spec).not.toHaveProperty('serviceAccountName');
    const admitted = (JSON.parse(next.stdout) as { spec: Record<string, unknown> }).spec;
    expect(admitted['serviceAccountName']).toBe('default');
  });

  it('keeps an object stored in a version the downgraded apiserver cannot decode', async () => {
    const s = createSession({ state: savedDowngraded });

    const get = await s.run('kubectl get workloads -A');

    // What main at f66ff68 printed for the same saved session.
    expect(get.exitCode).toBe(1);
    expect(get.output).toBe(
      'Error from server (InternalError): Internal error occurred: no kind "Workload" is registered for version "scheduling.k8s.io/v1alpha3" in scheme "pkg/api/legacyscheme/scheme.go:30"\n',
    );
    expect(s.save().state.cluster).not.toHaveProperty('apiObjects');
  });

  it('loads a state whose Nodes and Pods were records and lists them as that engine did', async () => {
    const s = createSession({ state: savedWithRecords });

    const nodes = await s.run('kubectl get nodes');
    const pods = await s.run('kubectl get pods -A -o wide');

    // What main at f66ff68 printed for the same saved session, except the CoreDNS Pod's IP: it
    // printed .5 (the Pod's place in that listing); a Pod now has the address host-local IPAM
    // gave it on its node (.2, the first of cp-1's /24).
    expect(nodes.stdout).toBe(
      [
        'NAME       STATUS                     ROLES           AGE     VERSION',
        'cp-1       Ready                      control-plane   4m22s   v1.37.1',
        'worker-1   Ready                      <none>          2m39s   v1.37.1',
        'worker-2   Ready,SchedulingDisabled   <none>          2m32s   v1.37.1',
        '',
      ].join('\n'),
    );
    expect(pods.stdout).toContain(
      'kube-system    coredns-s2hzq29j2g-lpjgz       1/1     Running   0          4m21s   10.244.0.2   cp-1       <none>           <none>',
    );
    expect(pods.stdout).toContain(
      'kube-system    kube-proxy-9gnfn               1/1     Running   0          2m32s   10.0.0.22    worker-2   <none>           <none>',
    );
    expect(pods.stdout.trimEnd().split('\n')).toHaveLength(13);
  });

  it('keeps working on a migrated state: uncordon writes the stored Node', async () => {
    const s = createSession({ state: savedWithRecords });

    const uncordon = await s.run('kubectl uncordon worker-2');
    const nodes = await s.run('kubectl get nodes');

    expect(uncordon.stdout).toBe('node/worker-2 uncordoned\n');
    expect(nodes.stdout).toMatch(/worker-2\s+Ready\s+<none>/);
    expect(s.save().state.cluster).not.toHaveProperty('nodes');
    expect(s.save().state.cluster).not.toHaveProperty('pods');
  });

  it('loads a state saved before the object store and shows its Services and Deployments', async () => {
    const s = createSession({ state: saved });

    const svc = await s.run('kubectl get svc -A');
    const deploy = await s.run('kubectl get deploy -n kube-system');

    expect(svc.stdout).toContain('kube-dns');
    expect(deploy.stdout).toMatch(/coredns\s+2\/2/);
  });

  it('keeps what the old state knew: nodes, pods and both tokens', async () => {
    const s = createSession({ state: saved });

    const nodes = await s.run('kubectl get nodes');
    const secrets = await s.run('kubectl get secrets -n kube-system');

    expect(nodes.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(secrets.stdout.match(/bootstrap-token-/g)).toHaveLength(2);
  });

  it('gives a state saved with the partial bootstrap policy the whole policy and the controller accounts', async () => {
    const s = createSession({ state: savedWithRecords });

    const roles = await s.run('kubectl get clusterroles -o name');
    const accounts = await s.run('kubectl get sa -n kube-system -o name');
    const canI = await s.run(
      'kubectl auth can-i list pods --as=system:serviceaccount:kube-system:replicaset-controller',
    );

    expect(roles.stdout).toContain(
      'clusterrole.rbac.authorization.k8s.io/system:controller:replicaset-controller\n',
    );
    expect(roles.stdout).toContain('clusterrole.rbac.authorization.k8s.io/view\n');
    expect(accounts.stdout).toContain('serviceaccount/replicaset-controller\n');
    expect(canI.stdout).toBe('yes\n');
  });

  it('refuses a damaged state with a clear message instead of crashing', () => {
    const damaged = {
      ...saved,
      state: { ...saved.state, cluster: { nodes: 3 } },
    } as unknown as SerializedState;

    // The saved-state schema (model/cluster-schema.ts) names the field as well.
    expect(() => createSession({ state: damaged })).toThrow(
      'invalid saved state: state.cluster.nodes: the cluster has no nodes',
    );
  });

  it("loads a state saved with a reader's Deployment, Job and Pod and lists them again", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl create job hello --image=busybox -- echo hi');
    await s.run('kubectl run tmp --image=busybox --restart=Never -- sleep 3600');
    const before = await s.run('kubectl get pods -o wide');

    const reloaded = createSession({
      state: JSON.parse(JSON.stringify(s.save())) as SerializedState,
    });
    const after = await reloaded.run('kubectl get pods -o wide');

    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it("refuses a reader's Pod without its creation time, naming the field", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl run tmp --image=busybox --restart=Never');
    const text = JSON.stringify(s.save()).replace(
      /"simulator":\{"user":true,"createdAt":\d+/,
      '"simulator":{"user":true',
    );

    expect(() => createSession({ state: JSON.parse(text) as SerializedState })).toThrow(
      /invalid saved state: state\.cluster\.objects\.pods\.default\/tmp\.simulator\.createdAt/,
    );
  });
});
