// `kubeadm kubeconfig user` (kubernetes.io kubeadm-certs page, "Generating kubeconfig files for
// additional users"). Upstream at v1.35: cmd/kubeadm/app/cmd/kubeconfig.go (flags; notAfter =
// start + --validity-period), phases/kubeconfig/kubeconfig.go WriteKubeConfigWithClientCert
// (CA from certificatesDir, GetControlPlaneEndpoint, `fmt.Fprintln` of clientcmd.Write: the YAML
// then an empty line), pkiutil.TryLoadCertAndKeyFromDisk (error wrapping). The client
// certificate is judged by the real openssl: it verifies against the cluster's ca.crt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { hasOpenssl, OPENSSL } from './fixture.ts';

const EXAMPLE = `cat <<EOF > example.yaml
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
clusterName: "kubernetes"
controlPlaneEndpoint: "some-dns-address:6443"
certificatesDir: "/etc/kubernetes/pki"
EOF`;

const field = (yaml: string, name: string): string =>
  Buffer.from(new RegExp(`${name}: (\\S+)`).exec(yaml)?.[1] ?? '', 'base64').toString();

describe('kubeadm kubeconfig user', () => {
  it('prints a kubeconfig for the user, its context named user@cluster, followed by an empty line', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });
    await s.run(EXAMPLE);

    const r = await s.run(
      'kubeadm kubeconfig user --config example.yaml --org appdevs --client-name johndoe --validity-period 24h',
    );

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: \S+\n/,
    );
    expect(r.stdout).toContain(
      '    server: https://some-dns-address:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: johndoe\n  name: johndoe@kubernetes\ncurrent-context: johndoe@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: johndoe\n  user:\n    client-certificate-data: ',
    );
    expect(r.stdout.endsWith('\n\n')).toBe(true);
    expect(field(r.stdout, 'certificate-authority-data')).toBe(
      (await s.run('cat /etc/kubernetes/pki/ca.crt')).stdout,
    );
  });

  it.runIf(hasOpenssl)(
    'signs a client certificate with CN and O from the flags that the real openssl verifies against ca.crt',
    async () => {
      const s = createSession({ scenario: 'control-plane-initialized' });
      await s.run(EXAMPLE);
      const yaml = (
        await s.run(
          'kubeadm kubeconfig user --config example.yaml --org appdevs --client-name johndoe --validity-period 24h',
        )
      ).stdout;
      const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-user-'));
      writeFileSync(join(dir, 'ca.crt'), (await s.run('cat /etc/kubernetes/pki/ca.crt')).stdout);
      writeFileSync(join(dir, 'user.crt'), field(yaml, 'client-certificate-data'));
      writeFileSync(join(dir, 'user.key'), field(yaml, 'client-key-data'));
      const openssl = (...args: string[]): string =>
        execFileSync(OPENSSL, args, { cwd: dir, encoding: 'utf8' });

      const days = (text: string): number => Date.parse(text.replace(/^not\w+=/, ''));
      const start = days(openssl('x509', '-in', 'user.crt', '-noout', '-startdate'));
      // Verified at the simulated time (the certificate lives 24 hours from the simulated now).
      const at = String(Math.floor(start / 1000) + 600);

      expect(openssl('verify', '-attime', at, '-CAfile', 'ca.crt', 'user.crt')).toBe(
        'user.crt: OK\n',
      );
      expect(openssl('x509', '-in', 'user.crt', '-noout', '-subject')).toBe(
        'subject=O = appdevs, CN = johndoe\n',
      );
      expect(openssl('x509', '-in', 'user.crt', '-noout', '-ext', 'extendedKeyUsage')).toContain(
        'TLS Web Client Authentication',
      );
      const span = days(openssl('x509', '-in', 'user.crt', '-noout', '-enddate')) - start;
      // notBefore is backdated 5 minutes (CertificateBackdate); notAfter is now + 24h.
      expect(span).toBe((24 * 60 + 5) * 60 * 1000);
      expect(openssl('rsa', '-in', 'user.key', '-noout', '-modulus')).toBe(
        openssl('x509', '-in', 'user.crt', '-noout', '-modulus'),
      );
    },
  );

  it('uses the local API endpoint without --config and requires --client-name', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const plain = await s.run('kubeadm kubeconfig user --client-name ann');
    const missing = await s.run('kubeadm kubeconfig user');

    expect(plain.stdout).toContain('    server: https://10.0.0.11:6443\n');
    expect([missing.exitCode, missing.stderr]).toEqual([
      1,
      'error: required flag(s) "client-name" not set\nTo see the stack trace of this error execute with --v=5 or higher\n',
    ]);
  });

  it('fails without the CA files, wrapping the load error as kubeadm does', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('kubeadm kubeconfig user --client-name ann');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "error: couldn't create a kubeconfig; the CA files couldn't be loaded: failed to load certificate: couldn't load the certificate file /etc/kubernetes/pki/ca.crt: open /etc/kubernetes/pki/ca.crt: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher\n",
    );
  });

  it('gives each run a new certificate and lists kubeconfig among kubeadm commands', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const a = (await s.run('kubeadm kubeconfig user --client-name ann')).stdout;
    const b = (await s.run('kubeadm kubeconfig user --client-name ann')).stdout;

    expect(field(a, 'client-certificate-data')).not.toBe(field(b, 'client-certificate-data'));
    expect((await s.run('kubeadm --help')).stdout).toContain(
      '  kubeconfig Kubeconfig file utilities\n',
    );
  });
});
