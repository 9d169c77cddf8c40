/**
 * Manual CA rotation with openssl: genrsa (a pool key drawn with the seeded RNG), req -x509 (a
 * self-signed CA), req -new + x509 -req (a leaf from the new CA), and bundle verification.
 * upstream: kubernetes/website content/en/docs/tasks/tls/manual-rotation-of-ca-certificates.md;
 * OpenSSL 3.0 apps/genrsa.c, apps/req.c, apps/x509.c, apps/verify.c (outputs checked against
 * /usr/bin/openssl 3.0.19).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { exportFs } from '../../../src/lib/engine/cli/export-fs.ts';

const hasOpenssl = existsSync('/usr/bin/openssl');

const MAKE_CA = [
  'openssl genrsa -out /root/new-ca.key 2048',
  'openssl req -x509 -new -nodes -key /root/new-ca.key -subj "/CN=kubernetes" -days 3650 -out /root/new-ca.crt',
];
const MAKE_LEAF = [
  'openssl genrsa -out /root/leaf.key 2048',
  'openssl req -new -key /root/leaf.key -subj "/CN=kube-apiserver" -out /root/leaf.csr',
  'openssl x509 -req -in /root/leaf.csr -CA /root/new-ca.crt -CAkey /root/new-ca.key -CAcreateserial -out /root/leaf.crt -days 365',
];

async function rotated(seed?: number): Promise<ReturnType<typeof createSession>> {
  const s = createSession({ scenario: 'workers-joined', ...(seed !== undefined ? { seed } : {}) });
  for (const line of [...MAKE_CA, ...MAKE_LEAF]) {
    const r = await s.run(line);
    expect(r.exitCode, line).toBe(0);
  }
  return s;
}

describe('openssl CA rotation', () => {
  it('genrsa and req -x509 print nothing and write a PKCS#8 key and a self-signed CA', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const line of MAKE_CA)
      expect(await s.run(line)).toMatchObject({ output: '', exitCode: 0 });
    expect((await s.run('cat /root/new-ca.key')).stdout).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const info = await s.run('openssl x509 -in /root/new-ca.crt -noout -subject -issuer');
    expect(info.stdout).toBe('subject=CN = kubernetes\nissuer=CN = kubernetes\n');
  });

  it('x509 -req reports the self-signature check and the subject on stderr, and writes the serial file', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const line of [...MAKE_CA, ...MAKE_LEAF.slice(0, 2)]) await s.run(line);
    expect((await s.run('cat /root/leaf.csr')).stdout).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n/,
    );
    const r = await s.run(MAKE_LEAF[2] ?? '');
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'Certificate request self-signature ok\nsubject=CN = kube-apiserver\n',
      exitCode: 0,
    });
    expect((await s.run('cat /root/new-ca.srl')).stdout).toMatch(/^[0-9A-F]{40}\n$/);
  });

  it('a bundle of old and new CA verifies leaves of both; the new CA alone rejects the old leaf with error 20', async () => {
    const s = await rotated();
    await s.run('cat /etc/kubernetes/pki/ca.crt /root/new-ca.crt > /root/bundle.crt');
    const both = await s.run(
      'openssl verify -CAfile /root/bundle.crt /etc/kubernetes/pki/apiserver.crt /root/leaf.crt',
    );
    expect(both).toMatchObject({
      stdout: '/etc/kubernetes/pki/apiserver.crt: OK\n/root/leaf.crt: OK\n',
      exitCode: 0,
    });
    const onlyNew = await s.run(
      'openssl verify -CAfile /root/new-ca.crt /etc/kubernetes/pki/apiserver.crt',
    );
    expect(onlyNew).toMatchObject({
      stderr:
        'CN = kube-apiserver\nerror 20 at 0 depth lookup: unable to get local issuer certificate\nerror /etc/kubernetes/pki/apiserver.crt: verification failed\n',
      exitCode: 2,
    });
    const oldOnly = await s.run('openssl verify -CAfile /etc/kubernetes/pki/ca.crt /root/leaf.crt');
    expect(oldOnly.exitCode).toBe(2);
  });

  it('the same seed gives the same key and CA certificate, another seed a different one', async () => {
    const pem = async (seed: number): Promise<string> => {
      const s = await rotated(seed);
      return (await s.run('cat /root/new-ca.key /root/new-ca.crt /root/leaf.crt')).stdout;
    };
    const a = await pem(7);
    expect(await pem(7)).toBe(a);
    expect(await pem(8)).not.toBe(a);
  });

  it.runIf(hasOpenssl)('real openssl verifies the exported CA, leaf and request', async () => {
    const s = await rotated();
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-rotation-'));
    await exportFs(s.save().state, dir);
    const root = join(dir, 'cp-1/root');
    const run = (args: string[]): string =>
      execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    expect(run(['verify', '-CAfile', join(root, 'new-ca.crt'), join(root, 'leaf.crt')])).toBe(
      `${join(root, 'leaf.crt')}: OK\n`,
    );
    expect(run(['verify', '-CAfile', join(root, 'new-ca.crt'), join(root, 'new-ca.crt')])).toBe(
      `${join(root, 'new-ca.crt')}: OK\n`,
    );
    // The key file holds the CA certificate's key.
    const modulus = (args: string[]): string => run(args).trim();
    expect(modulus(['rsa', '-in', join(root, 'new-ca.key'), '-noout', '-modulus'])).toBe(
      modulus(['x509', '-in', join(root, 'new-ca.crt'), '-noout', '-modulus']),
    );
    expect(
      execFileSync('openssl', ['req', '-in', join(root, 'leaf.csr'), '-noout', '-verify'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('');
    expect(readFileSync(join(root, 'leaf.csr'), 'utf8')).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n/,
    );
  });
});
