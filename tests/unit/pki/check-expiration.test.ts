// kubeadm certs check-expiration text: cmd/kubeadm/app/cmd/certs.go (certTextPrinter: tabwriter
// 10/4/3, rows "%s\t%s\t%s\t%s\t%-8v", "Jan 02, 2006 15:04 MST"), apimachinery ShortHumanDuration.
import { describe, expect, it } from 'vitest';
import {
  formatCheckExpiration,
  shortHumanDuration,
} from '../../../src/lib/engine/src/pki/check-expiration.ts';
import { planCertificates } from '../../../src/lib/engine/src/pki/plan-certificates.ts';
import { NOW, planInput } from './fixture.ts';

const RENEWAL_NAMES: Record<string, string> = {
  'etcd-server': 'etcd-server',
  'etcd-peer': 'etcd-peer',
};

function rows(now: number) {
  const plan = planCertificates(planInput());
  const certs = plan.certificates
    .filter((c) => !c.isCA && c.name !== 'kubelet.conf')
    .map((c) => ({
      name: RENEWAL_NAMES[c.name] ?? c.name,
      notAfter: c.notAfter,
      caName: c.issuer,
    }));
  const cas = plan.certificates
    .filter((c) => c.isCA)
    .map((c) => ({ name: c.name, notAfter: c.notAfter }));
  return formatCheckExpiration(certs, cas, now);
}

describe('formatCheckExpiration', () => {
  it('prints both tables like kubeadm a minute after init', () => {
    const out = rows(NOW + 60_000);

    expect(out).toBe(
      [
        'CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED',
        'admin.conf                 Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        'apiserver                  Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        'apiserver-etcd-client      Nov 25, 2027 14:44 UTC   364d            etcd-ca                 no      ',
        'apiserver-kubelet-client   Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        'controller-manager.conf    Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        'etcd-healthcheck-client    Nov 25, 2027 14:44 UTC   364d            etcd-ca                 no      ',
        'etcd-peer                  Nov 25, 2027 14:44 UTC   364d            etcd-ca                 no      ',
        'etcd-server                Nov 25, 2027 14:44 UTC   364d            etcd-ca                 no      ',
        'front-proxy-client         Nov 25, 2027 14:44 UTC   364d            front-proxy-ca          no      ',
        'scheduler.conf             Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        'super-admin.conf           Nov 25, 2027 14:44 UTC   364d            ca                      no      ',
        '',
        'CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED',
        'ca                      Nov 22, 2036 14:44 UTC   9y              no      ',
        'etcd-ca                 Nov 22, 2036 14:44 UTC   9y              no      ',
        'front-proxy-ca          Nov 22, 2036 14:44 UTC   9y              no      ',
        '',
      ].join('\n'),
    );
  });

  it('shows <invalid> residual time once a certificate has expired', () => {
    const out = rows(NOW + 400 * 86400 * 1000);

    expect(out.split('\n')[2]).toBe(
      'apiserver                  Nov 25, 2027 14:44 UTC   <invalid>       ca                      no      ',
    );
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-5000, '<invalid>'],
    [-1000, '0s'],
    [59_000, '59s'],
    [3_599_000, '59m'],
    [86_399_000, '23h'],
    [364 * 86400_000, '364d'],
    [730 * 86400_000, '2y'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});
