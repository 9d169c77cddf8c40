// upstream: cmd/kubeadm/app/cmd/reset.go (the closing note), cmd/kubeadm/app/cmd/phases/reset/cleanupnode.go,
// cmd/kubeadm/app/cmd/phases/reset/removeetcdmember.go; k/website
// content/en/docs/reference/setup-tools/kubeadm/kubeadm-reset.md ("Cleanup of ...")
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const ETCDCTL =
  'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key member list';

describe('kubeadm reset and its leftovers', () => {
  it('leaves the CNI config, the kubeconfig copy and the KUBE iptables chains on a control plane', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const reset = await s.run('kubeadm reset -f');

    expect(reset.exitCode).toBe(0);
    expect(reset.stdout).toContain(
      'The reset process does not perform cleanup of CNI plugin configuration,',
    );
    expect((await s.run('ls /etc/cni/net.d')).stdout).toBe('10-flannel.conflist\n');
    expect((await s.run('ls $HOME/.kube')).stdout).toBe('config\n');
    expect((await s.run('iptables-save | grep -c KUBE')).stdout).not.toBe('0\n');
  });

  it('removes every leftover with the commands the kubeadm docs give', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubeadm reset -f');

    await s.run('rm -rf /etc/cni/net.d');
    await s.run('iptables -F && iptables -t nat -F && iptables -t mangle -F && iptables -X');
    await s.run('ipvsadm -C');
    await s.run('rm -rf $HOME/.kube');

    expect((await s.run('ls /etc/cni/net.d')).exitCode).toBe(2);
    expect((await s.run('ls $HOME/.kube')).exitCode).toBe(2);
    const rules = await s.run('iptables-save | grep -c KUBE');
    expect(rules.stdout).toBe('0\n');
    expect(rules.exitCode).toBe(1);
  });

  it('empties /etc/kubernetes/manifests and pki but keeps the directories (CleanDir)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubeadm reset -f');

    expect((await s.run('ls /etc/kubernetes')).stdout).toBe('manifests  pki\n');
    expect((await s.run('ls /etc/kubernetes/pki')).stdout).toBe('');
  });

  it('reads the kubeadm-config ConfigMap only where admin.conf gives it a client', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');

    const r = await s.run('kubeadm reset -f');

    expect(r.stdout).not.toContain('kubeadm-config');
    expect(r.stdout).toContain('[reset] No etcd config found. Assuming external etcd');
  });

  it('keeps kube-proxy rules on the host when the Node is deleted before the reset', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl delete node worker-1');
    await s.run('ssh worker-1');

    expect((await s.run('iptables-save | grep -c KUBE')).exitCode).toBe(0);
  });

  it('removes its own etcd member when a stacked control plane is reset', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    expect((await s.run(ETCDCTL)).stdout).toContain('cp-3');
    await s.run('ssh cp-3');

    const r = await s.run('kubeadm reset -f');
    await s.run('exit');

    expect(r.stdout).toContain(
      '[reset] Deleted contents of the etcd data directory: /var/lib/etcd',
    );
    const members = await s.run(ETCDCTL);
    expect(members.stdout).not.toContain('cp-3');
    expect(members.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('leaves no cluster behind once the last control plane is reset', async () => {
    const s = createSession({ scenario: 'teardown-cluster-gone' });

    const r = await s.run('kubectl get nodes');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('localhost:8080 was refused');
  });
});
