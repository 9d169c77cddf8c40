/**
 * The masks of `kubelife doctest --backend host`: each one makes two runs' legitimately different
 * text compare equal, and nothing else. Samples are real tools' output shapes (openssl x509,
 * kubeadm certs check-expiration, kubectl get, etcdctl).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareOutput, ETCD_34_MASKS, maskLine, RUN_MASKS } from 'kubelife/doctest';

const equalUnderMasks = (a: string, b: string): boolean =>
  compareOutput(a, b, { masks: RUN_MASKS }).diff === '';

describe('run masks', () => {
  it.each([
    [
      'klog-header',
      'I1207 03:15:51.123456   12345 checks.go:123] validating',
      'I0101 11:02:03.000001    7 checks.go:98] validating',
    ],
    [
      'timestamp',
      '{"level":"info","ts":"2026-12-07T03:15:51.123Z"}',
      '{"level":"info","ts":"2027-01-01T10:00:00.5Z"}',
    ],
    ['certificate-date', 'notAfter=Dec  7 03:15:51 2027 GMT', 'notAfter=Jan 17 11:02:03 2028 GMT'],
    [
      'certificate-date',
      'admin.conf   Dec 07, 2027 03:15 UTC   364d   ca   no',
      'admin.conf   Jan 17, 2028 11:02 UTC   1y   ca   no',
    ],
    ['temp-dir', 'mv /tmp/tmp.AbCdEf1234 here', 'mv /tmp/tmp.ZyXwVu9876 here'],
    [
      'temp-dir',
      'Moved to /etc/kubernetes/tmp/kubeadm-backup-etcd-2026-12-07-03-15-51',
      'Moved to /etc/kubernetes/tmp/kubeadm-backup-etcd-2027-01-01-10-00-00',
    ],
    [
      'bootstrap-token',
      'kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef',
      'kubeadm join 10.0.0.10:6443 --token x1y2z3.abcdefabcdefabcd',
    ],
    [
      'sha256-hash',
      `--discovery-token-ca-cert-hash sha256:${'a1'.repeat(32)}`,
      `--discovery-token-ca-cert-hash sha256:${'0f'.repeat(32)}`,
    ],
    [
      'hex-bytes',
      '        Serial Number: 4a:1b:9c:02:7d:11:e3:f0',
      '        Serial Number: 1f:22:0a:bb:c4:d5:e6:07',
    ],
    ['certificate-serial', 'serial=3A5F00C1D2', 'serial=7B11'],
    [
      'long-hex',
      `Using certificate key:\n${'c0ffee'.repeat(10)}abcd`,
      `Using certificate key:\n${'0badf0'.repeat(10)}1234`,
    ],
    ['etcd-id', '13c4f93c493d15f6, started, cp-1', '8e9e05c52164694d, started, cp-1'],
    ['ip-address', 'https://10.0.0.11:2379 is healthy', 'https://127.0.0.1:2379 is healthy'],
    [
      'pod-suffix',
      'coredns-674b8bbfcf-7xk2p   1/1   Running',
      'coredns-5d78c9869d-wq8zt   1/1   Running',
    ],
    [
      'duration',
      'successfully committed proposal: took = 8.827463ms',
      'successfully committed proposal: took = 1.2ms',
    ],
    [
      'age',
      'cp-1   Ready    control-plane   5m    v1.37.1',
      'cp-1   Ready    control-plane   2d3h   v1.37.1',
    ],
    ['table-rule', '+------------------+---------+', '+-----------------------+------------+'],
    ['column-padding', '| https://10.0.0.11:2379 | 3.6.4 |', '| https://127.0.0.1:2379  | 3.6.4 |'],
  ])('%s makes two runs compare equal', (name, a, b) => {
    expect(a).not.toBe(b);

    const result = compareOutput(a, b, { masks: RUN_MASKS });

    expect(result.diff).toBe('');
    expect(result.masked).toContain(name);
  });

  it.each([
    ['another Kubernetes version', 'kubeadm version: v1.37.1', 'kubeadm version: v1.36.2'],
    [
      'another status word',
      'cp-1   Ready    control-plane   5m',
      'cp-1   NotReady    control-plane   5m',
    ],
    ['a missing line', 'a\nb\nc', 'a\nc'],
    ['another port', 'https://10.0.0.11:2379 is healthy', 'https://10.0.0.11:2380 is healthy'],
    ['another machine name', 'coredns on cp-1', 'coredns on cp-2'],
    ['another error', 'Error: unhealthy cluster', 'Error: context deadline exceeded'],
  ])('still fails on %s', (_what, a, b) => {
    expect(equalUnderMasks(a, b)).toBe(false);
  });

  it('names the masks that made a printed line equal, and none for lines printed as written', () => {
    const result = compareOutput('https://10.0.0.11:2379\nsame', 'https://127.0.0.1:2379\nsame', {
      masks: RUN_MASKS,
    });

    expect(result.masked).toEqual(['ip-address']);
  });

  it('compares exactly when no masks are given (the simulator)', () => {
    expect(compareOutput('10.0.0.11', '10.0.0.12').diff).not.toBe('');
  });

  it('applies a scoped mask only to snippets whose command matches it', () => {
    const scoped = [
      { name: 'n', reason: 'r', pattern: /\d+/g, replacement: 'N', commands: /^etcdctl/ },
    ];

    expect(
      compareOutput('1', '2', { masks: scoped, commands: ['etcdctl endpoint status'] }).diff,
    ).toBe('');
    expect(
      compareOutput('1', '2', { masks: scoped, commands: ['kubectl get nodes'] }).diff,
    ).not.toBe('');
  });

  it('gives every mask a name, a reason and a global pattern', () => {
    for (const mask of [...RUN_MASKS, ...ETCD_34_MASKS]) {
      expect(mask.reason.length, mask.name).toBeGreaterThan(20);
      expect(mask.pattern.flags, mask.name).toContain('g');
      expect(maskLine('', [mask]).text).toBe('');
    }
  });

  it('lists every mask with its reason in docs/real-machines.md', () => {
    const doc = readFileSync('docs/real-machines.md', 'utf8');

    for (const mask of [...RUN_MASKS, ...ETCD_34_MASKS])
      expect(doc, mask.name).toContain(`\`${mask.name}\``);
  });
});
