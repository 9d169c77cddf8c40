/**
 * `kubelife run FILE --export-fs DIR`: the exported files are real certificates that real openssl
 * verifies. upstream: cmd/kubeadm/app/util/pkiutil/pki_helpers.go (apiserver SANs)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { exportFs } from '../../../src/lib/engine/cli/export-fs.ts';

const hasOpenssl = existsSync('/usr/bin/openssl');

describe('export-fs', () => {
  it('writes every machine file materialised under DIR/<machine>/', async () => {
    const session = createSession({ scenario: 'packages-installed' });
    await session.run(
      'kubeadm init --control-plane-endpoint=k8s-api.example.internal --pod-network-cidr=10.244.0.0/16',
    );
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-export-'));

    await exportFs(session.save().state, dir);

    expect(readFileSync(join(dir, 'cp-1/etc/kubernetes/pki/ca.crt'), 'utf8')).toMatch(
      /^-----BEGIN CERTIFICATE-----\n/,
    );
    expect(readFileSync(join(dir, 'cp-1/etc/kubernetes/pki/ca.key'), 'utf8')).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\n/,
    );
    expect(readFileSync(join(dir, 'cp-1/etc/kubernetes/admin.conf'), 'utf8')).toMatch(
      /client-certificate-data: LS0tLS1CRUdJTi/,
    );
  });

  it.runIf(hasOpenssl)(
    'exports certificates real openssl verifies, with the endpoint in the apiserver SANs',
    async () => {
      const session = createSession({ scenario: 'packages-installed' });
      await session.run(
        'kubeadm init --control-plane-endpoint=k8s-api.example.internal --pod-network-cidr=10.244.0.0/16',
      );
      const dir = mkdtempSync(join(tmpdir(), 'kubelife-export-'));
      await exportFs(session.save().state, dir);
      const pki = join(dir, 'cp-1/etc/kubernetes/pki');

      const verify = execFileSync(
        'openssl',
        ['verify', '-CAfile', join(pki, 'ca.crt'), join(pki, 'apiserver.crt')],
        { encoding: 'utf8' },
      );
      const sans = execFileSync(
        'openssl',
        ['x509', '-in', join(pki, 'apiserver.crt'), '-noout', '-ext', 'subjectAltName'],
        { encoding: 'utf8' },
      );

      expect(verify).toBe(`${join(pki, 'apiserver.crt')}: OK\n`);
      expect(sans).toContain('DNS:k8s-api.example.internal');
      expect(sans).toContain('IP Address:10.96.0.1');
    },
  );
});
