// Certificate tree vs kubeadm: cmd/kubeadm/app/phases/certs/certlist.go (v1.29+),
// cmd/kubeadm/app/util/pkiutil/pki_helpers.go (SANs), cmd/kubeadm/app/constants/constants.go
// (validity, backdate), cmd/kubeadm/app/phases/kubeconfig/kubeconfig.go (kubeconfig client certs).
import { describe, expect, it } from 'vitest';
import { planCertificates } from '../../../src/lib/engine/src/pki/plan-certificates.ts';
import { NOW, planInput } from './fixture.ts';

const YEAR = 365 * 24 * 3600 * 1000;

describe('planCertificates', () => {
  it('plans kubeadm certificate tree with subjects, issuers, usages and paths', () => {
    const plan = planCertificates(planInput());

    const table = plan.certificates.map((c) => [
      c.name,
      c.path,
      c.subject.commonName,
      c.subject.organizations.join('+'),
      c.issuer,
      c.extKeyUsages.join(','),
      c.isCA,
    ]);

    expect(table).toEqual([
      ['ca', '/etc/kubernetes/pki/ca.crt', 'kubernetes', '', 'ca', '', true],
      [
        'apiserver',
        '/etc/kubernetes/pki/apiserver.crt',
        'kube-apiserver',
        '',
        'ca',
        'serverAuth',
        false,
      ],
      [
        'apiserver-kubelet-client',
        '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
        'kube-apiserver-kubelet-client',
        'kubeadm:cluster-admins',
        'ca',
        'clientAuth',
        false,
      ],
      [
        'front-proxy-ca',
        '/etc/kubernetes/pki/front-proxy-ca.crt',
        'front-proxy-ca',
        '',
        'front-proxy-ca',
        '',
        true,
      ],
      [
        'front-proxy-client',
        '/etc/kubernetes/pki/front-proxy-client.crt',
        'front-proxy-client',
        '',
        'front-proxy-ca',
        'clientAuth',
        false,
      ],
      ['etcd-ca', '/etc/kubernetes/pki/etcd/ca.crt', 'etcd-ca', '', 'etcd-ca', '', true],
      [
        'etcd-server',
        '/etc/kubernetes/pki/etcd/server.crt',
        'cp-1',
        '',
        'etcd-ca',
        'serverAuth,clientAuth',
        false,
      ],
      [
        'etcd-peer',
        '/etc/kubernetes/pki/etcd/peer.crt',
        'cp-1',
        '',
        'etcd-ca',
        'serverAuth,clientAuth',
        false,
      ],
      [
        'etcd-healthcheck-client',
        '/etc/kubernetes/pki/etcd/healthcheck-client.crt',
        'kube-etcd-healthcheck-client',
        '',
        'etcd-ca',
        'clientAuth',
        false,
      ],
      [
        'apiserver-etcd-client',
        '/etc/kubernetes/pki/apiserver-etcd-client.crt',
        'kube-apiserver-etcd-client',
        '',
        'etcd-ca',
        'clientAuth',
        false,
      ],
      [
        'admin.conf',
        '/etc/kubernetes/admin.conf',
        'kubernetes-admin',
        'kubeadm:cluster-admins',
        'ca',
        'clientAuth',
        false,
      ],
      [
        'super-admin.conf',
        '/etc/kubernetes/super-admin.conf',
        'kubernetes-super-admin',
        'system:masters',
        'ca',
        'clientAuth',
        false,
      ],
      [
        'kubelet.conf',
        '/etc/kubernetes/kubelet.conf',
        'system:node:cp-1',
        'system:nodes',
        'ca',
        'clientAuth',
        false,
      ],
      [
        'controller-manager.conf',
        '/etc/kubernetes/controller-manager.conf',
        'system:kube-controller-manager',
        '',
        'ca',
        'clientAuth',
        false,
      ],
      [
        'scheduler.conf',
        '/etc/kubernetes/scheduler.conf',
        'system:kube-scheduler',
        '',
        'ca',
        'clientAuth',
        false,
      ],
    ]);
    expect(plan.serviceAccountKey?.keyPath).toBe('/etc/kubernetes/pki/sa.key');
  });

  it('backdates notBefore by 5 minutes and gives leaves 1 year and CAs 10 years', () => {
    const plan = planCertificates(planInput());

    const ca = plan.certificates.find((c) => c.name === 'ca');
    const apiserver = plan.certificates.find((c) => c.name === 'apiserver');

    expect(ca?.notBefore).toBe(NOW - 5 * 60 * 1000);
    expect(ca?.notAfter).toBe(NOW + 10 * YEAR);
    expect(apiserver?.notAfter).toBe(NOW + YEAR);
    expect(ca?.keyUsages).toEqual(['digitalSignature', 'keyEncipherment', 'keyCertSign']);
    expect(apiserver?.keyUsages).toEqual(['digitalSignature', 'keyEncipherment']);
  });

  it('adds a DNS control-plane endpoint to the apiserver SANs, sorted like RemoveDuplicateAltNames', () => {
    const plan = planCertificates(planInput({ controlPlaneEndpoint: 'k8s.example.com:6443' }));

    const apiserver = plan.certificates.find((c) => c.name === 'apiserver');

    expect(apiserver?.dnsNames).toEqual([
      'cp-1',
      'k8s.example.com',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
    ]);
    expect(apiserver?.ipAddresses).toEqual(['10.96.0.1', '192.168.0.10']);
  });

  it('adds an IP control-plane endpoint to the apiserver IP SANs and points admin.conf at it', () => {
    const plan = planCertificates(planInput({ controlPlaneEndpoint: '192.168.0.100' }));

    const apiserver = plan.certificates.find((c) => c.name === 'apiserver');
    const admin = plan.certificates.find((c) => c.name === 'admin.conf');
    const scheduler = plan.certificates.find((c) => c.name === 'scheduler.conf');

    expect(apiserver?.ipAddresses).toEqual(['10.96.0.1', '192.168.0.10', '192.168.0.100']);
    expect(apiserver?.dnsNames).not.toContain('192.168.0.100');
    expect(admin?.server).toBe('https://192.168.0.100:6443');
    expect(scheduler?.server).toBe('https://192.168.0.10:6443');
  });

  it('derives the apiserver service IP from the service subnet and the domain from dnsDomain', () => {
    const plan = planCertificates(
      planInput({
        serviceSubnet: '10.100.0.0/16',
        dnsDomain: 'corp.local',
        controlPlaneEndpoint: undefined,
      }),
    );

    const apiserver = plan.certificates.find((c) => c.name === 'apiserver');

    expect(apiserver?.ipAddresses).toEqual(['10.100.0.1', '192.168.0.10']);
    expect(apiserver?.dnsNames).toContain('kubernetes.default.svc.corp.local');
  });

  it('gives etcd server and peer certificates the node name, localhost and loopback SANs', () => {
    const plan = planCertificates(planInput());

    const server = plan.certificates.find((c) => c.name === 'etcd-server');

    expect(server?.dnsNames).toEqual(['cp-1', 'localhost']);
    expect(server?.ipAddresses).toEqual(['192.168.0.10', '127.0.0.1', '::1']);
  });

  it('produces the same plan for the same seed and distinct keys per certificate', () => {
    const a = planCertificates(planInput());
    const b = planCertificates(planInput());

    const keys = a.certificates.map((c) => c.keyId);

    expect(a).toEqual(b);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reuses existing CAs and skips init-only files when a control plane joins', () => {
    const first = planCertificates(planInput());
    const cas = first.certificates.filter((c) => c.isCA);

    const joined = planCertificates(
      planInput({
        nodeName: 'cp-2',
        advertiseAddress: '192.168.0.11',
        existingCAs: cas,
        superAdmin: false,
        kubeletConf: false,
        usedKeyIds: first.certificates.map((c) => c.keyId),
      }),
    );

    expect(joined.certificates.filter((c) => c.isCA)).toEqual(cas);
    expect(joined.certificates.map((c) => c.name)).not.toContain('super-admin.conf');
    expect(joined.serviceAccountKey).toBeUndefined();
    const firstKeys = new Set(first.certificates.map((c) => c.keyId));
    expect(joined.certificates.filter((c) => !c.isCA).some((c) => firstKeys.has(c.keyId))).toBe(
      false,
    );
  });
});
