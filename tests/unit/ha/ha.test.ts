// upstream: cmd/kubeadm/app/cmd/join.go, cmd/kubeadm/app/phases/etcd/local.go,
// pkg/controlplane/reconcilers/{instancecount,lease}.go
import { describe, expect, it } from 'vitest';
import { buildScenario, createSession, etcdView, findMachine } from 'kubelife';

describe('control-plane join', () => {
  it('adds an etcd member per joined control plane', () => {
    const one = buildScenario('ha-first-control-plane');
    const three = buildScenario('ha-three-control-planes');

    expect(etcdView(one)?.members.map((m) => m.name)).toEqual(['cp-1']);
    expect(etcdView(three)?.members.map((m) => m.name)).toEqual(['cp-1', 'cp-2', 'cp-3']);
  });

  it('writes an etcd manifest that joins the existing cluster', () => {
    const m =
      findMachine(buildScenario('ha-three-control-planes'), 'cp-3')?.files[
        '/etc/kubernetes/manifests/etcd.yaml'
      ] ?? '';

    expect(m).toContain(
      '- --initial-cluster=cp-3=https://10.0.0.13:2380,cp-1=https://10.0.0.11:2380,cp-2=https://10.0.0.12:2380',
    );
    expect(m).toContain('- --initial-cluster-state=existing');
  });

  it('refuses a control-plane join to a cluster without a controlPlaneEndpoint', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const token = (await s.run('kubeadm token list')).stdout.split('\n')[1]?.split(' ')[0] ?? '';
    const hash = buildScenario('workers-joined').cluster?.caHash ?? '';

    const r = await s.run(
      `ssh worker-1 && kubeadm join 10.0.0.11:6443 --token ${token} --discovery-token-ca-cert-hash sha256:${hash} --control-plane --certificate-key ${'a'.repeat(64)} --ignore-preflight-errors=all`,
    );

    expect(r.stderr).toContain(
      "unable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address",
    );
    expect(r.exitCode).toBe(1);
  });
});

describe('the kubernetes Endpoints', () => {
  it('flips between apiservers that run master-count with --apiserver-count=1', async () => {
    const s = createSession({ scenario: 'ha-apiservers-fighting' });
    const seen = new Set<string>();

    for (let i = 0; i < 4; i++) {
      await s.run('kubelife clock advance 5s');
      const out = (await s.run('kubectl get endpoints kubernetes')).stdout.split('\n')[1] ?? '';
      seen.add(out.split(/\s+/)[1] ?? '');
    }

    expect(seen.size).toBeGreaterThan(1);
    for (const e of seen) expect(e.split(',')).toHaveLength(1);
  });

  it('converges on every apiserver once the count matches', async () => {
    const s = createSession({ scenario: 'ha-apiservers-fighting' });
    for (const m of ['cp-1', 'cp-2']) {
      await s.run(`ssh ${m}`);
      await s.run(
        "sed -i 's/--apiserver-count=1/--apiserver-count=2/' /etc/kubernetes/manifests/kube-apiserver.yaml",
      );
      await s.run('exit');
    }

    await s.run('kubelife clock advance 30s');
    const a = (await s.run('kubectl get endpoints kubernetes')).stdout;
    await s.run('kubelife clock advance 5s');
    const b = (await s.run('kubectl get endpoints kubernetes')).stdout;

    expect(a).toMatch(/kubernetes +10\.0\.0\.11:6443,10\.0\.0\.12:6443 /);
    expect(b.split('\n')[1]?.split(/\s+/)[1]).toBe(a.split('\n')[1]?.split(/\s+/)[1]);
  });
});

describe('faults', () => {
  it('marks a node NotReady only after the node monitor grace period', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    await s.run('kubelife fault machine-down cp-3');

    const early = (await s.run('kubectl get nodes cp-3')).stdout;
    await s.run('kubelife clock advance 60s');
    const late = (await s.run('kubectl get nodes cp-3')).stdout;

    expect(early).toMatch(/cp-3 +Ready/);
    expect(late).toMatch(/cp-3 +NotReady/);
  });

  it('lists and clears faults', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    await s.run('kubelife fault disk-full cp-2');

    const listed = await s.run('kubelife fault list');
    await s.run('kubelife fault clear cp-2');
    const cleared = await s.run('kubelife fault list');

    expect(listed.stdout).toMatch(/^disk-full +cp-2 +since 2026-/);
    expect(cleared.stdout).toBe('no faults\n');
  });
});

describe('uploaded certificates', () => {
  it('expire after two hours and can be uploaded again with a new key', async () => {
    const s = createSession({ scenario: 'ha-first-control-plane' });
    const c = buildScenario('ha-first-control-plane').cluster;
    const token = c?.tokens[0];
    const join = (key: string): string =>
      `kubeadm join k8s-api.example.internal:6443 --token ${token?.id ?? ''}.${token?.secret ?? ''} --discovery-token-ca-cert-hash sha256:${c?.caHash ?? ''} --control-plane --certificate-key ${key}`;
    await s.run('kubelife clock advance 3h');
    await s.run('kubeadm token create --ttl 1h');

    const expired = await s.run(`ssh cp-2 && ${join(c?.certificateKey?.key ?? '')}`);
    await s.run('exit');
    const upload = await s.run('kubeadm init phase upload-certs --upload-certs');
    const key = upload.stdout.trim().split('\n').at(-1) ?? '';
    const joined = await s.run(`ssh cp-2 && ${join(key)}`);

    expect(expired.stderr).toContain(
      'Secret "kubeadm-certs" was not found in the "kube-system" Namespace. This Secret might have expired.',
    );
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(joined.stdout).toContain(
      'This node has joined the cluster and a new control plane instance was created:',
    );
    expect(etcdView(s.save().state)?.members.map((m) => m.name)).toEqual(['cp-1', 'cp-2']);
  });
});
