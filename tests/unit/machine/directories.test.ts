// Removing or moving a file never removes the directory it was in (unlink(2) touches only the
// name); kubernetes.io's kubeadm-certs page has the reader move every static Pod manifest out of
// /etc/kubernetes/manifests and back in to restart the control plane.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('directories outlive their files', () => {
  it('keeps /etc/kubernetes/manifests when its last manifest is moved out, and the control plane comes back', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    await s.run('for f in /etc/kubernetes/manifests/*.yaml; do mv "$f" /tmp/; done');
    const empty = await s.run('ls -A /etc/kubernetes/manifests');
    await s.run('mv /tmp/etcd.yaml /tmp/kube-*.yaml /etc/kubernetes/manifests/');
    await s.run('sleep 20');

    expect([empty.exitCode, empty.stdout]).toEqual([0, '']);
    expect((await s.run('kubectl get nodes')).exitCode).toBe(0);
  });

  it('keeps a directory made only by its file when rm removes the file', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('mkdir -p /srv/a && echo x > /srv/a/f && rm /srv/a/f');

    expect((await s.run('ls -d /srv/a')).stdout).toBe('/srv/a\n');
  });
});
