// Names resolve through /etc/hosts (glibc's files source) for nc, and netcat-openbsd 1.226 names
// a resolved host with its address (`localhost (127.0.0.1)`; checked with netcat-openbsd 1.219
// run on this machine). The HA page expects "Connection refused" from the load balancer before
// the first apiserver runs, and a connection once it does.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('nc through /etc/hosts and the load balancer', () => {
  it('reaches the control-plane endpoint by name only once an apiserver runs behind it', async () => {
    const s = createSession({ scenario: 'ha-endpoint-ready' });

    const before = await s.run('nc -zv -w 2 k8s-api.example.internal 6443');
    await s.run(
      'sudo kubeadm init --control-plane-endpoint "k8s-api.example.internal:6443" >/dev/null',
    );
    const after = await s.run('nc -zv -w 2 k8s-api.example.internal 6443');

    expect([before.exitCode, before.stderr]).toEqual([
      1,
      'nc: connect to k8s-api.example.internal (10.0.0.10) port 6443 (tcp) failed: Connection refused\n',
    ]);
    expect([after.exitCode, after.stderr]).toEqual([
      0,
      'Connection to k8s-api.example.internal (10.0.0.10) 6443 port [tcp/*] succeeded!\n',
    ]);
  });

  it('prints a literal address as typed and a name with its address', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    expect((await s.run('nc -zv localhost 22')).stderr).toBe(
      'Connection to localhost (127.0.0.1) 22 port [tcp/ssh] succeeded!\n',
    );
    expect((await s.run('nc -zv 127.0.0.1 22')).stderr).toBe(
      'Connection to 127.0.0.1 22 port [tcp/ssh] succeeded!\n',
    );
  });
});

describe('scp to an account', () => {
  it("puts a relative remote path in that account's home", async () => {
    const s = createSession({ scenario: 'ha-endpoint-ready' });
    await s.run('echo hi > /tmp/f');

    await s.run('scp /tmp/f ubuntu@10.0.0.12:');
    await s.run('scp /tmp/f root@10.0.0.12:g');
    await s.run('ssh cp-2');

    expect((await s.run('cat /home/ubuntu/f /root/g')).stdout).toBe('hi\nhi\n');
  });
});
