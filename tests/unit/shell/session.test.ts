import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBERNETES_VERSION, stableForMinor } from 'kubelife';
import { createSession } from 'kubelife';
import { registry } from 'kubelife/shell';

describe('session.run', () => {
  it('prints bash non-interactive wording for an unknown command, exit 127', async () => {
    const r = await createSession().run('foo --bar');

    expect(r).toEqual({
      stdout: '',
      stderr: 'foo: command not found\n',
      output: 'foo: command not found\n',
      exitCode: 127,
    });
  });

  it('treats kubeadm as unknown before its package is installed', async () => {
    const r = await createSession({ scenario: 'bare-machines' }).run('kubeadm version');

    expect(r.exitCode).toBe(127);
  });

  // upstream: spf13/pflag errors as printed by kubeadm's CheckErr
  it('rejects an unknown kubeadm flag', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run('kubeadm init --foo');

    expect(r).toEqual({
      stdout: '',
      stderr:
        'error: unknown flag: --foo\nTo see the stack trace of this error execute with --v=5 or higher\n',
      output:
        'error: unknown flag: --foo\nTo see the stack trace of this error execute with --v=5 or higher\n',
      exitCode: 1,
    });
  });

  // the real kubectl v1.33.1 prints "error:" (v1.32.4 printed cobra's "Error:"), kubectl-verb.ts
  it('rejects an unknown kubectl flag', async () => {
    const r = await createSession({ scenario: 'cni-installed' }).run('kubectl get nodes --foo');

    expect(r).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      output: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
  });

  it('fails kubectl without a kubeconfig like client-go', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run('kubectl get nodes');

    expect(r).toEqual({
      stdout: '',
      stderr:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      output:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    });
  });

  it('prints kubeadm version -o short', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run(
      'kubeadm version -o short',
    );

    expect(r.stdout).toBe(`${DEFAULT_KUBERNETES_VERSION}\n`);
  });

  it('runs && only after success and || only after failure', async () => {
    const s = createSession();

    const r = await s.run('false && echo no || echo yes; echo done');

    expect(r.stdout).toBe('yes\ndone\n');
  });

  it('switches machines with ssh and returns with exit', async () => {
    const s = createSession();

    await s.run('ssh worker-1');
    const there = await s.run('hostname');
    await s.run('exit');

    expect(there.stdout).toBe('worker-1\n');
    expect((await s.run('hostname')).stdout).toBe('cp-1\n');
  });

  it('marks nodes Ready after flannel and lists kube-system pods', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    await s.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );
    const nodes = await s.run('kubectl get nodes');

    expect(nodes.stdout).toMatch(
      /^NAME {3}STATUS {3}ROLES {11}AGE {3}VERSION\ncp-1 {3}Ready {4}control-plane/,
    );
  });

  it('prints apt-mark hold lines', async () => {
    const pkg = `${DEFAULT_KUBERNETES_VERSION.slice(1)}-1.1`;
    const s = createSession();
    // A bare machine needs the pkgs.k8s.io key and source first (install-kubeadm.md).
    await s.run(
      'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.37/deb/Release.key | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg',
    );
    await s.run(
      "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.37/deb/ /' | tee /etc/apt/sources.list.d/kubernetes.list",
    );
    await s.run('apt-get update');
    await s.run(`apt-get install -y kubelet=${pkg} kubeadm=${pkg} kubectl=${pkg}`);

    const r = await s.run('apt-mark hold kubelet kubeadm kubectl');

    expect(r.stdout).toBe('kubelet set on hold.\nkubeadm set on hold.\nkubectl set on hold.\n');
  });

  it('registers help for every command', () => {
    const names = [...registry.keys()];

    expect(names).toEqual(
      expect.arrayContaining([
        'kubeadm',
        'kubectl',
        'apt-get',
        'systemctl',
        'ssh',
        'help',
        'kubelife',
      ]),
    );
  });

  it('advances the simulated clock', async () => {
    const r = await createSession().run('kubelife clock advance 400d');

    expect(r.stdout).toBe('2027-12-30T09:00:00Z\n');
  });
});

describe('kubectl version skew', () => {
  // upstream: staging/src/k8s.io/kubectl/pkg/cmd/version/version.go (supported skew +/-1 minor)
  it('warns on stderr when client and server are more than one minor apart', async () => {
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded' });
    const old = (stableForMinor('1.34') ?? '').slice(1);
    await s.run("sed -i 's/v1.37/v1.34/' /etc/apt/sources.list.d/kubernetes.list");
    await s.run('apt-get update');
    await s.run('apt-mark unhold kubectl');
    // A lower version is a downgrade: apt wants --allow-downgrades under -y.
    const install = await s.run(`apt-get install -y --allow-downgrades kubectl=${old}-1.1`);

    const r = await s.run('kubectl version');

    expect(install.exitCode).toBe(0);
    expect(r.stdout).toContain(`Client Version: v${old}`);
    expect(r.stderr).toBe(
      'Warning: version difference between client (1.34) and server (1.36) exceeds the supported minor version skew of +/-1\n',
    );
  });

  it('stays quiet within one minor', async () => {
    const r = await createSession({ scenario: 'upgrade-control-plane-upgraded' }).run(
      'kubectl version',
    );

    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});
