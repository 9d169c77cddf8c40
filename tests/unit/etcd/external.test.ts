/**
 * The external etcd topology: kubeadm init with `etcd.external` creates no local etcd, points the
 * apiserver at the etcd hosts, and reset leaves them alone.
 * upstream: cmd/kubeadm/app/cmd/phases/init/certs.go (External etcd mode: Skipping …),
 * cmd/kubeadm/app/phases/controlplane/manifests.go (getAPIServerCommand, etcd.external flags),
 * cmd/kubeadm/app/cmd/phases/reset/removeetcdmember.go, kubernetes/website
 * content/en/docs/setup/production-environment/tools/kubeadm/setup-ha-etcd-with-kubeadm.md
 */
import { describe, expect, it } from 'vitest';
import { createSession, findMachine } from 'kubelife';

const ETCDCTL =
  'etcdctl --endpoints https://10.0.0.31:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/apiserver-etcd-client.crt --key /etc/kubernetes/pki/apiserver-etcd-client.key';

async function initialised(): Promise<ReturnType<typeof createSession>> {
  const s = createSession({ scenario: 'external-etcd-ready' });
  const r = await s.run('kubeadm init --config /root/kubeadm-config.yaml --upload-certs');
  expect(r.exitCode).toBe(0);
  await s.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
  return s;
}

describe('external etcd', () => {
  it('init with etcd.external writes no etcd manifest and points the apiserver at the three endpoints', async () => {
    const s = createSession({ scenario: 'external-etcd-ready' });
    const init = await s.run('kubeadm init --config /root/kubeadm-config.yaml --upload-certs');
    expect(init.stdout).toContain(
      '[certs] External etcd mode: Skipping etcd/ca certificate authority generation\n',
    );
    for (const base of [
      'etcd/server',
      'etcd/peer',
      'etcd/healthcheck-client',
      'apiserver-etcd-client',
    ])
      expect(init.stdout).toContain(
        `[certs] External etcd mode: Skipping ${base} certificate generation\n`,
      );
    expect(init.stdout).not.toContain('[etcd]');

    expect((await s.run('ls /etc/kubernetes/manifests')).stdout).toBe(
      'kube-apiserver.yaml  kube-controller-manager.yaml  kube-scheduler.yaml\n',
    );
    const flags = (await s.run('grep etcd- /etc/kubernetes/manifests/kube-apiserver.yaml')).stdout;
    expect(flags).toBe(
      [
        '    - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '    - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
        '    - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        '    - --etcd-servers=https://10.0.0.31:2379,https://10.0.0.32:2379,https://10.0.0.33:2379',
        '',
      ].join('\n'),
    );
    await s.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect((await s.run('kubectl get pods -n kube-system')).stdout).not.toMatch(/^etcd-/m);
  });

  it('keeps the externally issued etcd client certificate instead of generating one', async () => {
    const s = await initialised();
    const verify = await s.run(
      'openssl verify -CAfile /etc/kubernetes/pki/etcd/ca.crt /etc/kubernetes/pki/apiserver-etcd-client.crt',
    );
    expect(verify.stdout).toBe('/etc/kubernetes/pki/apiserver-etcd-client.crt: OK\n');
    expect((await s.run('ls /etc/kubernetes/pki/etcd')).stdout).toBe('ca.crt\n');
  });

  it('etcdctl on cp-1 lists the three external members', async () => {
    const s = await initialised();
    const r = await s.run(`${ETCDCTL} member list -w table`);
    expect(r.exitCode).toBe(0);
    const names = [...r.stdout.matchAll(/\| started \| (\S+) +\|/g)].map((m) => m[1]);
    // Listed in member-ID order (RaftCluster.Members sorts by ID), not in join order.
    expect([...names].sort()).toEqual(['etcd-1', 'etcd-2', 'etcd-3']);
    const ids = [...r.stdout.matchAll(/^\| +([0-9a-f]+) \| started/gm)].map((m) =>
      BigInt(`0x${m[1] ?? ''}`),
    );
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(r.stdout).toContain('https://10.0.0.33:2379');
  });

  it('reset on cp-1 says etcd is external and leaves the etcd hosts and their data alone', async () => {
    const s = await initialised();
    const r = await s.run('kubeadm reset -f');
    expect(r.stdout).toContain(
      '[reset] No etcd config found. Assuming external etcd\n[reset] Please, manually reset etcd to prevent further issues\n',
    );
    expect(r.stdout).not.toContain('Deleted contents of the etcd data directory');
    const state = s.save().state;
    for (const host of ['etcd-1', 'etcd-2', 'etcd-3']) {
      expect(findMachine(state, host)?.files['/var/lib/etcd/member/snap/db']).toBeDefined();
      expect(findMachine(state, host)?.files['/etc/kubernetes/manifests/etcd.yaml']).toBeDefined();
    }
    await s.run('ssh etcd-1');
    const list = await s.run(
      'etcdctl --endpoints https://10.0.0.31:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key member list',
    );
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('losing two of the three external members loses quorum for the API, one is tolerated', async () => {
    const s = await initialised();
    await s.run('kubelife fault machine-down etcd-2');
    const one = await s.run('kubectl create namespace one-down');
    expect(one.exitCode).toBe(0);
    await s.run('kubelife fault machine-down etcd-3');
    const two = await s.run('kubectl create namespace two-down');
    expect(two.exitCode).not.toBe(0);
    expect(two.stderr).toContain('etcdserver: request timed out');
  });
});
