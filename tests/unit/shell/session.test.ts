import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBERNETES_VERSION } from 'kubelife';
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
