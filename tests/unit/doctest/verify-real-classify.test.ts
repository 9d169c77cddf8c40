/**
 * What `npm run verify:real` runs on this machine: only real tools on the exported machine files,
 * never a command that would touch this machine outside them (iptables, /etc/cni, apt-get).
 */
import { describe, expect, it } from 'vitest';
import { classifyCommand, queriesEtcd } from '../../../scripts/lib/verify-real/classify.ts';

describe('verify:real command classes', () => {
  it.each([
    'openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -subject',
    'openssl req -x509 -new -nodes -key /root/new-ca.key -subj "/CN=kubernetes-ca-2" -days 3650 -out /root/new-ca.crt',
    'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 \\\n  --cacert=/etc/kubernetes/pki/etcd/ca.crt member list',
    'etcdutl snapshot restore /root/backup/etcd-snapshot.db --data-dir /var/lib/etcd-restored',
    "grep client-certificate-data /etc/kubernetes/admin.conf | awk '{print $2}' | base64 -d | openssl x509 -noout -subject",
    'ssh worker-1',
    'exit',
  ])('runs and compares %s', (line) => {
    expect(classifyCommand(line).kind).toBe('real');
  });

  it.each([
    'kubelife fault machine-down cp-3',
    'kubelife fault clear cp-2',
    'kubelife fault clear',
    'kubelife clock advance 60s',
  ])('stands in for %s with the real etcd', (line) => {
    expect(classifyCommand(line).kind).toBe('stand-in');
  });

  it.each([
    ['kubectl get nodes', 'api'],
    ['kubectl delete node cp-3', 'api'],
    ['kubeadm token create', 'api'],
    ['kubeadm reset -f', 'unsupported'],
    ['iptables -F && iptables -t nat -F', 'unsupported'],
    ['rm -rf /etc/cni/net.d', 'unsupported'],
    ['apt-get install -y kubeadm', 'unsupported'],
    ['cat /etc/passwd', 'unsupported'],
    ['kubelife scenario workers-joined', 'unsupported'],
    ['mv /etc/kubernetes/manifests/etcd.yaml /root/stopped-manifests/', 'kubelet'],
  ])('does not compare %s (%s)', (line, kind) => {
    const result = classifyCommand(line);

    expect(result.kind).toBe(kind);
    expect(result.reason).toBeTruthy();
  });

  it('names issue 11 for kubectl lines', () => {
    expect(classifyCommand('kubectl get pods -A').reason).toContain('serve --api');
  });

  it('tells etcd queries from offline snapshot commands', () => {
    expect(
      queriesEtcd('ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 member list'),
    ).toBe(true);
    expect(queriesEtcd('ETCDCTL_API=3 etcdctl snapshot status /root/backup/etcd-snapshot.db')).toBe(
      false,
    );
    expect(queriesEtcd('openssl version')).toBe(false);
  });
});
