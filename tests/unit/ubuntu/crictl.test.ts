// crictl as kubeadm's troubleshooting pages use it (cri-tools cmd/crictl/container.go and
// sandbox.go): tabwriter columns (minwidth 20, padding 3), 13-character IDs, go-units durations,
// newest first.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('crictl', () => {
  it('lists the running containers of the node with crictl ps', async () => {
    const s = createSession({ scenario: 'cni-installed' });

    const r = await s.run('crictl ps');

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'CONTAINER           IMAGE               CREATED              STATE               NAME                      ATTEMPT             POD ID              POD                            NAMESPACE',
    );
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[4])).toContain('kube-apiserver');
    expect(lines[1]).toMatch(
      /^[0-9a-f]{13} {7}[0-9a-f]{13} {7}35 seconds ago {7}Running {13}kube-flannel {14}0 {19}[0-9a-f]{13} {7}kube-flannel-ds-\w{5} {10}kube-flannel$/,
    );
  });

  it('lists the pod sandboxes with crictl pods', async () => {
    const s = createSession({ scenario: 'cni-installed' });

    const r = await s.run('crictl pods');

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'POD ID              CREATED              STATE               NAME                           NAMESPACE           ATTEMPT             RUNTIME',
    );
    expect(lines.find((l) => l.includes('etcd-cp-1'))).toMatch(
      / {7}About a minute ago {3}Ready {15}etcd-cp-1 {22}kube-system {9}0 {19}\(default\)$/,
    );
  });

  it('shows nothing on a machine that runs no pods yet', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('crictl ps');

    expect(r.stdout).toBe(
      'CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE\n',
    );
  });
});
