// Our openssl output vs the real OpenSSL 3 binary (apps/x509.c, crypto/x509/t_x509.c, apps/verify.c).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOpensslVerify } from '../../../src/lib/engine/src/pki/openssl-verify.ts';
import { runOpensslX509 } from '../../../src/lib/engine/src/pki/openssl-x509-command.ts';
import { formatText } from '../../../src/lib/engine/src/pki/openssl-format.ts';
import { hasOpenssl, NOW, OPENSSL, writeControlPlane } from './fixture.ts';

let pki = '';
let files: Record<string, string> = {};
beforeAll(async () => {
  const written = await writeControlPlane();
  pki = join(written.root, 'etc/kubernetes/pki');
  files = written.files;
});

const pem = (relative: string): string => files[`/etc/kubernetes/pki/${relative}`] ?? '';

describe.runIf(hasOpenssl)('openssl x509 formatting against real openssl', () => {
  it.each([
    'ca.crt',
    'apiserver.crt',
    'apiserver-kubelet-client.crt',
    'etcd/server.crt',
    'etcd/peer.crt',
    'front-proxy-client.crt',
  ])('prints -text for %s exactly like openssl', (file) => {
    const real = execFileSync(OPENSSL, [
      'x509',
      '-noout',
      '-text',
      '-in',
      join(pki, file),
    ]).toString();

    const mine = formatText(pem(file));

    expect(mine).toBe(real);
  });

  it.each([
    [['-noout', '-subject', '-issuer', '-dates', '-serial', '-enddate', '-startdate']],
    [['-noout', '-text', '-subject']],
    [['-subject', '-noout', '-modulus', '-pubkey']],
    [['-noout', '-ext', 'subjectAltName,keyUsage,extendedKeyUsage']],
    [['-subject']],
  ])('prints %j in the same order and form as openssl', (args) => {
    const real = execFileSync(OPENSSL, [
      'x509',
      '-in',
      join(pki, 'apiserver.crt'),
      ...args,
    ]).toString();

    const mine = runOpensslX509(pem('apiserver.crt'), args, NOW);

    expect(mine.stdout).toBe(real);
    expect(mine.exitCode).toBe(0);
  });

  it('prints kubeconfig client subjects with O before CN', () => {
    const yaml = files['/etc/kubernetes/admin.conf'] ?? '';
    const cert = Buffer.from(
      /client-certificate-data: (\S+)/.exec(yaml)?.[1] ?? '',
      'base64',
    ).toString();

    const out = runOpensslX509(cert, ['-noout', '-subject', '-issuer'], NOW);

    expect(out.stdout).toBe(
      'subject=O = kubeadm:cluster-admins, CN = kubernetes-admin\nissuer=CN = kubernetes\n',
    );
  });
});

describe('openssl x509 -checkend', () => {
  it('says the certificate will not expire within a day of issue, exit code 0', () => {
    const out = runOpensslX509(pem('apiserver.crt'), ['-noout', '-checkend', '86400'], NOW);

    expect(out).toEqual({ stdout: 'Certificate will not expire\n', stderr: '', exitCode: 0 });
  });

  it('says the certificate will expire when the window passes notAfter, exit code 1', () => {
    const out = runOpensslX509(
      pem('apiserver.crt'),
      ['-noout', '-checkend', String(366 * 86400)],
      NOW,
    );

    expect(out).toEqual({ stdout: 'Certificate will expire\n', stderr: '', exitCode: 1 });
  });
});

describe('openssl verify', () => {
  const realVerify = (ca: string, cert: string, attime: number) => {
    const r = spawnSync(OPENSSL, [
      'verify',
      '-attime',
      String(Math.floor(attime / 1000)),
      '-CAfile',
      ca,
      cert,
    ]);
    return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), exitCode: r.status };
  };

  it.each([
    ['accepts a leaf signed by its CA', 'ca.crt', 'apiserver.crt', NOW],
    ['rejects a leaf from another CA', 'etcd/ca.crt', 'apiserver.crt', NOW],
    ['rejects an expired leaf', 'ca.crt', 'apiserver.crt', NOW + 400 * 86400 * 1000],
    ['rejects a leaf that is not yet valid', 'ca.crt', 'apiserver.crt', NOW - 86400 * 1000],
    ['accepts a CA verified against itself', 'ca.crt', 'ca.crt', NOW],
    [
      'reports both an expired CA (depth 1) and an expired leaf (depth 0)',
      'ca.crt',
      'apiserver.crt',
      NOW + 11 * 365 * 86400 * 1000,
    ],
  ])('%s with the same output and exit code as openssl', async (_title, caFile, certFile, at) => {
    const mine = await runOpensslVerify(
      readFileSync(join(pki, caFile), 'utf8'),
      [{ file: join(pki, certFile), pem: readFileSync(join(pki, certFile), 'utf8') }],
      at,
    );

    if (hasOpenssl) expect(mine).toEqual(realVerify(join(pki, caFile), join(pki, certFile), at));
    expect(mine.exitCode === 0).toBe(
      caFile === 'ca.crt' && at >= NOW - 300000 && at < NOW + 365 * 86400 * 1000,
    );
  });

  it('reports a certificate signature failure when the signature does not match the CA key', async () => {
    const ca = pem('ca.crt');
    const tampered = (() => {
      const lines = pem('apiserver.crt').split('\n');
      const i = lines.length - 4; // inside the signature's base64
      lines[i] = (lines[i] ?? '').replace(/[A-Za-z]/, (ch) => (ch === 'A' ? 'B' : 'A'));
      return lines.join('\n');
    })();

    const out = await runOpensslVerify(ca, [{ file: 'apiserver.crt', pem: tampered }], NOW);

    expect(out.stderr).toBe(
      'CN = kube-apiserver\nerror 7 at 0 depth lookup: certificate signature failure\nerror apiserver.crt: verification failed\n',
    );
    expect(out.exitCode).toBe(2);
  });
});
