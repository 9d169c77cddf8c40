// What listens and what the kubelet logged: `nc -zv` (OpenBSD netcat: verbose results on stderr),
// `ss -ltnp` (iproute2) and `journalctl -u kubelet` / `-xeu kubelet` (systemd 255) rebuilt from the
// kubelet's state. The kubelet's error for a missing config is cmd/kubelet/app/server.go's
// "failed to load kubelet config file, path: %s, error: %w" around loadConfigFile's
// "failed to load Kubelet config file %s, error %v" and the file loader's
// "failed to read kubelet config file %q, error: %v" (pkg/kubelet/kubeletconfig/configfiles).
// Port checks: kubernetes.io install-kubeadm.md "Check required ports" (nc 127.0.0.1 6443 -zv -w 2).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('ports and the kubelet journal', () => {
  it('refuses port 6443 before kubeadm init and accepts it after', async () => {
    const before = createSession({ scenario: 'packages-installed' });
    const after = createSession({ scenario: 'control-plane-initialized' });

    const refused = await before.run('nc 127.0.0.1 6443 -zv -w 2');
    const open = await after.run('nc 127.0.0.1 6443 -zv -w 2');

    expect(refused).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'nc: connect to 127.0.0.1 port 6443 (tcp) failed: Connection refused\n',
    });
    expect(open).toMatchObject({
      exitCode: 0,
      stderr: 'Connection to 127.0.0.1 6443 port [tcp/*] succeeded!\n',
    });
  });

  it('reaches the API server from a worker but not etcd metrics, which listen on localhost', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });
    await s.run('ssh worker-1');

    const api = await s.run('nc -zv cp-1 6443');
    const metrics = await s.run('nc -zv 10.0.0.11 2381');
    const unknown = await s.run('nc -zv nowhere 6443');

    expect(api.exitCode).toBe(0);
    expect(metrics.exitCode).toBe(1);
    expect(unknown.stderr).toBe(
      'nc: getaddrinfo for host "nowhere" port 6443: Name or service not known\n',
    );
  });

  it('lists the control plane ports with ss -ltnp', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('ss -ltnp');

    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess');
    expect(r.stdout).toMatch(/LISTEN 0 +4096 +\*:6443 +\*:\* +users:\(\("kube-apiserver",/);
    expect(r.stdout).toMatch(/127\.0\.0\.1:10259 +0\.0\.0\.0:\* +users:\(\("kube-scheduler",/);
    expect(r.stdout).toMatch(/10\.0\.0\.11:2380 /);
  });

  it('shows the kubelet crash-looping for want of its config before kubeadm init', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('kubelife clock advance 25s');

    const r = await s.run('journalctl -u kubelet');
    const explained = await s.run('journalctl -xeu kubelet');

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('Started kubelet.service')).length).toBeGreaterThan(1);
    expect(r.stdout).toContain(
      ' kubelet[2600]: E1125 09:00:00.060000    2600 run.go:72] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"\n',
    );
    expect(r.stdout).toContain(
      'systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 1.\n',
    );
    expect(explained.stdout).toContain(
      "░░ The unit kubelet.service has entered the 'failed' state with result 'exit-code'.\n",
    );
  });

  it('has no journal for the kubelet before its package is installed', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run('journalctl -u kubelet');

    expect(r.stdout).toBe('-- No entries --\n');
  });
});
