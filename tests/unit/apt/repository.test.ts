// upstream: kubernetes/website content/en/docs/setup/production-environment/tools/kubeadm/
// install-kubeadm.md ("Installing kubeadm, kubelet and kubectl", Debian-based distributions);
// apt behaviour: apt-private-install.cc (Unable to locate, --allow-downgrades), apt-secure(8).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const KEY =
  'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.37/deb/Release.key | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg';
const LIST =
  "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.37/deb/ /' | tee /etc/apt/sources.list.d/kubernetes.list";

describe('the pkgs.k8s.io repository on a bare machine', () => {
  it('cannot locate kubelet when no repository is configured', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('apt-get update');

    const r = await s.run('apt-get install -y kubelet kubeadm');

    expect(r.exitCode).toBe(100);
    expect(r.output).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nE: Unable to locate package kubelet\nE: Unable to locate package kubeadm\n',
    );
  });

  it('installs the packages after the key, the source file and apt-get update', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    for (const line of ['apt-get update', KEY, LIST, 'apt-get update']) await s.run(line);

    const r = await s.run('apt-get install -y kubelet kubeadm kubectl');

    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('Setting up kubeadm (1.37.1-1.1) ...');
  });

  it('refuses an unsigned repository when the keyring is missing', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run(LIST);

    const r = await s.run('apt-get update');

    expect(r.exitCode).toBe(100);
    expect(r.output).toContain('NO_PUBKEY 234654DA9A296436');
    expect(r.output).toContain(
      "E: The repository 'https://pkgs.k8s.io/core:/stable:/v1.37/deb  InRelease' is not signed.",
    );
  });

  it('prints curl’s offline error for a URL it cannot reach', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run('curl -fsSL https://example.com/Release.key');

    expect(r.exitCode).toBe(6);
    expect(r.output).toBe('curl: (6) Could not resolve host: example.com\n');
  });

  it('ends in the packages-installed state when the guide’s commands run on every machine', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    const steps = [
      'swapoff -a',
      'sysctl -w net.ipv4.ip_forward=1',
      'apt-get update',
      'apt-get install -y apt-transport-https ca-certificates curl gpg',
      KEY,
      LIST,
      'apt-get update',
      'apt-get install -y kubelet kubeadm kubectl',
      'apt-mark hold kubelet kubeadm kubectl',
      'systemctl enable --now kubelet',
    ];
    for (const m of ['cp-1', 'worker-1', 'worker-2']) {
      if (m !== 'cp-1') await s.run(`ssh ${m}`);
      for (const line of steps) await s.run(line);
      if (m !== 'cp-1') await s.run('exit');
    }

    const machines = s.save().state.machines;

    expect(machines).toEqual(
      createSession({ scenario: 'packages-installed' }).save().state.machines,
    );
  });
});

describe('downgrades', () => {
  it('refuses a lower version without --allow-downgrades and installs it with the flag', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('apt-mark unhold kubeadm');

    const refused = await s.run('apt-get install -y kubeadm=1.37.0-1.1');
    const allowed = await s.run('apt-get install -y --allow-downgrades kubeadm=1.37.0-1.1');

    expect(refused.exitCode).toBe(100);
    expect(refused.output).toContain(
      'The following packages will be DOWNGRADED:\n  kubeadm\n0 upgraded, 0 newly installed, 1 downgraded, 0 to remove and 0 not upgraded.\nE: Packages were downgraded and -y was used without --allow-downgrades.',
    );
    expect(allowed.exitCode).toBe(0);
    expect(allowed.output).toContain(
      'dpkg: warning: downgrading kubeadm from 1.37.1-1.1 to 1.37.0-1.1',
    );
    expect(allowed.output).toContain('Unpacking kubeadm (1.37.0-1.1) over (1.37.1-1.1) ...');
  });
});
