/**
 * The certificate lifecycle through the shell: real PEMs on cat, openssl, check-expiration on the
 * simulated clock, renewal, external CA mode and CSRs.
 * upstream: cmd/kubeadm/app/cmd/certs.go, cmd/kubeadm/app/phases/certs/renewal/manager.go,
 * cmd/kubeadm/app/cmd/phases/init/certs.go
 */
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { certificatePemAt } from '../../../src/lib/engine/shell/pki-source.ts';

function joined() {
  return createSession({ scenario: 'workers-joined' });
}

describe('engine PKI', () => {
  it('cat of ca.crt prints the materialised certificate, byte for byte', async () => {
    const session = joined();

    const shown = await session.run('cat /etc/kubernetes/pki/ca.crt');
    const pem = await certificatePemAt(session.save().state, 'cp-1', '/etc/kubernetes/pki/ca.crt');

    expect(shown.stdout).toBe(pem);
    expect(shown.stdout.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
  });

  it('reads the admin client certificate out of admin.conf through a pipeline', async () => {
    const session = joined();

    const r = await session.run(
      "grep client-certificate-data /etc/kubernetes/admin.conf | awk '{print $2}' | base64 -d | openssl x509 -noout -subject",
    );

    expect(r.stdout).toBe('subject=O = kubeadm:cluster-admins, CN = kubernetes-admin\n');
  });

  it('verifies the apiserver certificate against the cluster CA', async () => {
    const session = joined();

    const r = await session.run(
      'openssl verify -CAfile /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/apiserver.crt',
    );

    expect(r.stdout).toBe('/etc/kubernetes/pki/apiserver.crt: OK\n');
  });

  it('reports a missing file the way OpenSSL 3 does', async () => {
    const session = joined();

    const r = await session.run('openssl x509 -in /etc/kubernetes/pki/nope.crt -noout -subject');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^Could not open file or uri for loading certificate from \/etc\/kubernetes\/pki\/nope.crt\n/,
    );
    expect(r.stderr.endsWith('Unable to load certificate\n')).toBe(true);
  });

  it('shows <invalid> residual time and the Go TLS error after 400 days, and renewal fixes it', async () => {
    const session = joined();

    const before = await session.run('kubeadm certs check-expiration');
    await session.run('kubelife clock advance 400d');
    const after = await session.run('kubeadm certs check-expiration');
    const broken = await session.run('kubectl get nodes');
    const renew = await session.run('kubeadm certs renew all');
    const stale = await session.run('kubectl get nodes');
    await session.run('cp /etc/kubernetes/admin.conf ~/.kube/config');
    const fixed = await session.run('kubectl get nodes');

    expect(before.stdout).toMatch(/^apiserver {18}Nov 25, 2027 09:00 UTC {3}364d/m);
    expect(after.stdout).toContain(
      'Error reading configuration from the Cluster. Falling back to default configuration',
    );
    expect(after.stdout).toMatch(/^apiserver {18}Nov 25, 2027 09:00 UTC {3}<invalid>/m);
    expect(broken.stderr).toMatch(
      /^Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2027-12-30T09:0\d:\d\dZ is after 2027-11-25T09:00:\d\dZ\n$/,
    );
    expect(renew.stdout).toContain('certificate for serving the Kubernetes API renewed\n');
    expect(renew.stdout).toContain(
      '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n',
    );
    // client-go's discovery logs five klog lines, then kubectl's own error (memcache.go,
    // errors.go NewGenericServerResponse; what the real kubectl prints against serve --api).
    expect(stale.stderr).toMatch(
      /^(E1230 09:\d\d:\d\d\.\d{6} +\d+ memcache\.go:381\] "Couldn't get current server API group list" err="the server has asked for the client to provide credentials"\n){5}error: You must be logged in to the server \(the server has asked for the client to provide credentials\)\n$/,
    );
    expect(fixed.exitCode).toBe(0);
  });

  it('runs init in external CA mode and refuses to renew what the external CA signed', async () => {
    const session = createSession({ scenario: 'external-ca-prepared' });

    const init = await session.run('kubeadm init --pod-network-cidr=10.244.0.0/16');
    const check = await session.run('kubeadm certs check-expiration');
    const renew = await session.run('kubeadm certs renew apiserver');

    expect(init.stdout).toContain('[certs] Using existing ca keyless certificate authority\n');
    expect(init.stdout).toContain('[certs] Using existing sa keys\n');
    expect(check.stdout).toMatch(/^ca {22}Nov 22, 2036 09:00 UTC {3}9y {14}yes/m);
    expect(renew.stdout).toContain(
      "Detected external ca, certificate for serving the Kubernetes API can't be renewed\n",
    );
  });

  it('uses your own CA to sign every certificate', async () => {
    const session = createSession({ scenario: 'own-ca-prepared' });

    const init = await session.run('kubeadm init --pod-network-cidr=10.244.0.0/16');
    const issuer = await session.run(
      'openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -issuer',
    );

    expect(init.stdout).toContain('[certs] Using existing ca certificate authority\n');
    expect(issuer.stdout).toBe('issuer=CN = example-org-kubernetes-ca\n');
  });

  it('lists the bootstrap CSRs of joined workers as approved and issued', async () => {
    const session = joined();

    const r = await session.run('kubectl get csr');

    expect(r.stdout.split('\n')[0]).toMatch(
      /^NAME +AGE +SIGNERNAME +REQUESTOR +REQUESTEDDURATION +CONDITION$/,
    );
    expect(r.stdout).toMatch(
      /node-csr-\S{43} +\S+ +kubernetes\.io\/kube-apiserver-client-kubelet +system:bootstrap:[a-z0-9]{6} +<none> +Approved,Issued/,
    );
  });

  it('keeps the state free of PEM text, even after certificates were read', async () => {
    const session = joined();
    await session.run('cat /etc/kubernetes/pki/ca.crt /etc/kubernetes/admin.conf');

    const json = JSON.stringify(session.save());

    expect(json).not.toContain('BEGIN CERTIFICATE');
    expect(json).not.toContain('PRIVATE KEY');
  });
});
