import { describe, expect, it } from 'vitest';
import { createSession, DEFAULT_KUBERNETES_VERSION } from 'kubelife';

// upstream: cmd/kubeadm/app/phases/upgrade/staticpods.go (renewCertsByComponent) and the
// --certificate-renewal flag of cmd/kubeadm/app/cmd/upgrade/apply.go (default true).
const endDate = async (s: ReturnType<typeof createSession>, file: string): Promise<string> =>
  (await s.run(`openssl x509 -in ${file} -noout -enddate`)).stdout.trim();

describe('kubeadm upgrade apply and certificates', () => {
  it('renews the certificates of the upgraded components', async () => {
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded' });
    await s.run('kubelife clock advance 100d');
    const before = await endDate(s, '/etc/kubernetes/pki/apiserver.crt');

    const r = await s.run(`kubeadm upgrade apply ${DEFAULT_KUBERNETES_VERSION} -y`);

    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('[upgrade/staticpods] Renewing apiserver certificate');
    const after = await endDate(s, '/etc/kubernetes/pki/apiserver.crt');
    expect(after).not.toBe(before);
    expect(Date.parse(after.replace('notAfter=', ''))).toBeGreaterThan(
      Date.parse(before.replace('notAfter=', '')),
    );
    expect(
      (
        await s.run(
          'openssl verify -CAfile /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/apiserver.crt',
        )
      ).stdout,
    ).toBe('/etc/kubernetes/pki/apiserver.crt: OK\n');
  });

  it('keeps the certificates with --certificate-renewal=false', async () => {
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded' });
    await s.run('kubelife clock advance 100d');
    const before = await endDate(s, '/etc/kubernetes/pki/apiserver.crt');

    const r = await s.run(
      `kubeadm upgrade apply ${DEFAULT_KUBERNETES_VERSION} -y --certificate-renewal=false`,
    );

    expect(r.exitCode).toBe(0);
    expect(r.output).not.toContain('Renewing apiserver certificate');
    expect(await endDate(s, '/etc/kubernetes/pki/apiserver.crt')).toBe(before);
  });
});
