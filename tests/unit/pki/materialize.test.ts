// Materialisation vs real tools: Go crypto/x509 certificate shape (as kubeadm's pkiutil.NewSignedCert
// and NewSelfSignedCACert produce), checked with real `openssl verify` / `openssl x509` when present.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyById } from '../../../src/lib/engine/src/pki/materialize-plan.ts';
import { materializeCertificate } from '../../../src/lib/engine/src/pki/materialize.ts';
import { materializeKubeconfig } from '../../../src/lib/engine/src/pki/kubeconfig.ts';
import { planCertificates } from '../../../src/lib/engine/src/pki/plan-certificates.ts';
import { hasOpenssl, OPENSSL, planInput, writeControlPlane } from './fixture.ts';

const openssl = (args: string[], input?: Buffer): Buffer =>
  execFileSync(OPENSSL, args, { ...(input ? { input } : {}), stdio: ['pipe', 'pipe', 'pipe'] });

describe('materializeCertificate', () => {
  it('gives byte-identical PEM when materialising the same inputs twice', async () => {
    const plan = planCertificates(planInput());
    const ca = plan.certificates[0]!;
    const apiserver = plan.certificates[1]!;
    const issuer = { meta: ca, keyPoolEntry: keyById(ca.keyId) };

    const first = await materializeCertificate(apiserver, keyById(apiserver.keyId), issuer);
    const second = await materializeCertificate(apiserver, keyById(apiserver.keyId), issuer);

    expect(second).toBe(first);
    expect(first).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    );
  });

  it.runIf(hasOpenssl)(
    'builds chains that real openssl verify accepts (ca → apiserver, etcd-ca → etcd-server)',
    async () => {
      const { root } = await writeControlPlane();
      const pki = join(root, 'etc/kubernetes/pki');

      const apiserver = openssl([
        'verify',
        '-CAfile',
        join(pki, 'ca.crt'),
        join(pki, 'apiserver.crt'),
      ]);
      const etcd = openssl([
        'verify',
        '-CAfile',
        join(pki, 'etcd/ca.crt'),
        join(pki, 'etcd/server.crt'),
      ]);

      expect(apiserver.toString()).toBe(`${join(pki, 'apiserver.crt')}: OK\n`);
      expect(etcd.toString()).toBe(`${join(pki, 'etcd/server.crt')}: OK\n`);
    },
  );

  it.runIf(hasOpenssl)(
    'has a CA public key whose sha256 equals what kubeadm join --discovery-token-ca-cert-hash uses',
    async () => {
      const { root } = await writeControlPlane();
      const plan = planCertificates(planInput());
      const caKey = keyById(plan.certificates[0]!.keyId);

      const pubkey = openssl([
        'x509',
        '-pubkey',
        '-noout',
        '-in',
        join(root, 'etc/kubernetes/pki/ca.crt'),
      ]);
      const der = openssl(['rsa', '-pubin', '-outform', 'der'], pubkey);
      const digest = openssl(['dgst', '-sha256', '-hex'], der).toString();

      expect(digest.trim().split('= ')[1]).toBe(caKey.spkiSha256Hex);
    },
  );

  it.runIf(hasOpenssl)(
    'writes key files as PKCS#1 RSA keys that match their certificates',
    async () => {
      const { root, files } = await writeControlPlane();
      const pki = join(root, 'etc/kubernetes/pki');

      const certModulus = openssl([
        'x509',
        '-noout',
        '-modulus',
        '-in',
        join(pki, 'apiserver.crt'),
      ]).toString();
      const keyModulus = openssl([
        'rsa',
        '-noout',
        '-modulus',
        '-in',
        join(pki, 'apiserver.key'),
      ]).toString();

      expect(files['/etc/kubernetes/pki/apiserver.key']).toMatch(
        /^-----BEGIN RSA PRIVATE KEY-----\n/,
      );
      expect(files['/etc/kubernetes/pki/sa.pub']).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(keyModulus).toBe(certModulus);
    },
  );
});

describe('materializeKubeconfig', () => {
  it('writes admin.conf with kubeadm layout: cluster kubernetes, user kubernetes-admin, base64 PEM data', async () => {
    const plan = planCertificates(planInput());
    const ca = plan.certificates[0]!;
    const admin = plan.certificates.find((c) => c.name === 'admin.conf')!;

    const yaml = await materializeKubeconfig(admin, keyById(admin.keyId), {
      meta: ca,
      keyPoolEntry: keyById(ca.keyId),
    });

    const masked = yaml.replace(/(-data: )\S+/g, '$1<b64>');
    expect(masked).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    certificate-authority-data: <b64>',
        '    server: https://k8s.example.com:6443',
        '  name: kubernetes',
        'contexts:',
        '- context:',
        '    cluster: kubernetes',
        '    user: kubernetes-admin',
        '  name: kubernetes-admin@kubernetes',
        'current-context: kubernetes-admin@kubernetes',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: kubernetes-admin',
        '  user:',
        '    client-certificate-data: <b64>',
        '    client-key-data: <b64>',
        '',
      ].join('\n'),
    );
    const clientCert = Buffer.from(
      /client-certificate-data: (\S+)/.exec(yaml)![1]!,
      'base64',
    ).toString();
    expect(clientCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});
