import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife/shell';

/** Completions of `line` in a fresh session of `scenario`. */
function complete(line: string, scenario = 'workers-joined'): readonly string[] {
  return createSession({ scenario }).complete(line).candidates;
}

describe('Tab completion', () => {
  it('completes command names from the registry and the shell builtins', () => {
    expect(complete('kubea')).toEqual(['kubeadm']);
    expect(complete('ex')).toEqual(expect.arrayContaining(['export', 'exit']));
  });

  it('offers kubectl only once its package is installed, as the shell runs it', () => {
    expect(complete('kubec', 'bare-machines')).toEqual([]);
    expect(complete('kubec', 'packages-installed')).toEqual(['kubectl']);
  });

  it('completes subcommands, nested ones included', () => {
    expect(complete('kubeadm ver')).toEqual(['version']);
    expect(complete('kubeadm token ')).toEqual(['create', 'delete', 'generate', 'list']);
    expect(complete('kubeadm config images ')).toEqual(['list', 'pull']);
    expect(complete('kubectl co')).toEqual(['config', 'cordon']);
  });

  it('completes etcdctl, systemctl, crictl and kubelife words, units and scenario names', () => {
    expect(complete('etcdctl mem')).toEqual(['member']);
    expect(complete('etcdctl member ')).toEqual(['add', 'list', 'promote', 'remove', 'update']);
    expect(complete('etcdctl --end')).toEqual(['--endpoints']);
    expect(complete('systemctl restart ku')).toEqual(['kubelet']);
    expect(complete('crictl p')).toEqual(['pods', 'ps']);
    expect(complete('kubelife scenario workers-')).toEqual(['workers-joined']);
    expect(complete('kubelife release v1.3')).toEqual(['v1.35', 'v1.36', 'v1.37']);
  });

  it('completes flags from the flag tables the command parses', () => {
    expect(complete('kubeadm init --pod')).toEqual(['--pod-network-cidr']);
    expect(complete('kubectl get pods --all-')).toEqual(['--all-namespaces']);
    expect(complete('kubectl get pods --allow')).toEqual(['--allow-missing-template-keys']);
  });

  it('completes resource types from the catalog, then object names from the store', () => {
    expect(complete('kubectl get no')).toEqual(['nodes']);
    expect(complete('kubectl get nodes ')).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(complete('kubectl describe node w')).toEqual(['worker-1', 'worker-2']);
  });

  it('completes names in the namespace given by -n, and namespaces after -n', () => {
    expect(complete('kubectl get pods -n kube-system etcd')).toEqual(['etcd-cp-1']);
    expect(complete('kubectl get pods etcd')).toEqual([]);
    // Global flags may stand before the verb, as kubectl accepts them.
    expect(complete('kubectl -n kube-system get pods etcd')).toEqual(['etcd-cp-1']);
    expect(complete('kubectl get pods -n kube-')).toEqual([
      'kube-flannel',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  it('completes node names for cordon and drain', () => {
    expect(complete('kubectl drain wor')).toEqual(['worker-1', 'worker-2']);
  });

  it('completes file paths, directories with a slash, relative to the working directory', async () => {
    const session = createSession({ scenario: 'workers-joined' });
    await session.run('cd /etc/kubernetes');
    expect(session.complete('cat adm').candidates).toEqual(['admin.conf']);
    expect(session.complete('cat /etc/kubernetes/adm').candidates).toEqual([
      '/etc/kubernetes/admin.conf',
    ]);
    expect(session.complete('ls /etc/kube').candidates).toEqual(['/etc/kubernetes/']);
    expect(session.complete('kubectl apply -f /etc/kubernetes/man').candidates).toEqual([
      '/etc/kubernetes/manifests/',
    ]);
  });

  it('says where the completed word starts, after pipes and separators too', () => {
    const session = createSession({ scenario: 'workers-joined' });
    expect(session.complete('kubectl get nodes | gr')).toEqual({ start: 20, candidates: ['grep'] });
    expect(session.complete('cd /etc && kubeadm ver')).toEqual({
      start: 19,
      candidates: ['version'],
    });
  });

  it('offers nothing where an argument is free text, and changes nothing', async () => {
    const session = createSession({ scenario: 'workers-joined' });
    const before = JSON.stringify(session.save());
    expect(session.complete('kubeadm token create ').candidates).toEqual([]);
    expect(session.complete('kubectl get nosuchtype ').candidates).toEqual([]);
    expect(JSON.stringify(session.save())).toBe(before);
    expect((await session.run('true')).exitCode).toBe(0);
  });
});
