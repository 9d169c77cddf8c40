// kubernetes.io's HA page (setup/production-environment/tools/kubeadm/high-availability.md),
// "Manual certificate distribution": the shared CA files are copied to the other control planes
// with scp and moved into /etc/kubernetes/pki, then `kubeadm join --control-plane` runs without
// --certificate-key. Upstream (cmd/kubeadm/app): preflight/checks.go RunJoinNodeChecks (only a
// worker refuses an existing ca.crt), cmd/phases/join/controlplaneprepare.go (download-certs is
// skipped without a key), phases/certs/certs.go CreatePKIAssets (leaves are this node's own; an
// existing leaf that does not name this node is refused — the page's caution about copying all
// certificates).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const INIT =
  'sudo kubeadm init --control-plane-endpoint "k8s-api.example.internal:6443" --pod-network-cidr=10.244.0.0/16 >/dev/null';

const COPY = `USER=ubuntu # customizable
CONTROL_PLANE_IPS="10.0.0.12 10.0.0.13"
for host in \${CONTROL_PLANE_IPS}; do
    scp /etc/kubernetes/pki/ca.crt "\${USER}"@$host:
    scp /etc/kubernetes/pki/ca.key "\${USER}"@$host:
    scp /etc/kubernetes/pki/sa.key "\${USER}"@$host:
    scp /etc/kubernetes/pki/sa.pub "\${USER}"@$host:
    scp /etc/kubernetes/pki/front-proxy-ca.crt "\${USER}"@$host:
    scp /etc/kubernetes/pki/front-proxy-ca.key "\${USER}"@$host:
    scp /etc/kubernetes/pki/etcd/ca.crt "\${USER}"@$host:etcd-ca.crt
    scp /etc/kubernetes/pki/etcd/ca.key "\${USER}"@$host:etcd-ca.key
done`;

const MOVE = `USER=ubuntu # customizable
mkdir -p /etc/kubernetes/pki/etcd
mv /home/\${USER}/ca.crt /etc/kubernetes/pki/
mv /home/\${USER}/ca.key /etc/kubernetes/pki/
mv /home/\${USER}/sa.pub /etc/kubernetes/pki/
mv /home/\${USER}/sa.key /etc/kubernetes/pki/
mv /home/\${USER}/front-proxy-ca.crt /etc/kubernetes/pki/
mv /home/\${USER}/front-proxy-ca.key /etc/kubernetes/pki/
mv /home/\${USER}/etcd-ca.crt /etc/kubernetes/pki/etcd/ca.crt
mv /home/\${USER}/etcd-ca.key /etc/kubernetes/pki/etcd/ca.key`;

async function firstControlPlane() {
  const s = createSession({ scenario: 'ha-endpoint-ready' });
  await s.run(INIT);
  const join = (await s.run('kubeadm token create --print-join-command')).stdout.trim();
  return { s, join };
}

describe('manual certificate distribution to the other control planes', () => {
  it('copies the CA files to the ubuntu account, and the join makes certificates for the new node', async () => {
    const { s, join } = await firstControlPlane();
    const caOnCp1 = (
      await s.run('openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -fingerprint -sha256')
    ).stdout;

    const copy = await s.run(COPY);
    await s.run('ssh 10.0.0.12');
    const move = await s.run(MOVE);
    const r = await s.run(`sudo ${join} --control-plane`);
    const peer = await s.run(
      'openssl x509 -in /etc/kubernetes/pki/etcd/peer.crt -noout -ext subjectAltName',
    );
    const verify = await s.run(
      'openssl verify -CAfile /etc/kubernetes/pki/etcd/ca.crt /etc/kubernetes/pki/etcd/peer.crt',
    );
    const ca = (
      await s.run('openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -fingerprint -sha256')
    ).stdout;
    await s.run('exit');

    expect([copy.exitCode, move.exitCode, r.exitCode]).toEqual([0, 0, 0]);
    expect(r.stdout).not.toContain('[download-certs]');
    expect(r.stdout).toContain(
      '[certs] etcd/peer serving cert is signed for DNS names [cp-2 localhost] and IPs [10.0.0.12 127.0.0.1 ::1]\n',
    );
    expect(r.stdout).toContain('[certs] Using the existing "sa" key\n');
    expect(peer.stdout).toContain('DNS:cp-2, DNS:localhost, IP Address:10.0.0.12');
    expect(verify.stdout).toBe('/etc/kubernetes/pki/etcd/peer.crt: OK\n');
    expect(ca).toBe(caOnCp1);
    // No Pod network was applied here: the node registers and waits for one.
    expect(
      (await s.run('KUBECONFIG=/etc/kubernetes/admin.conf kubectl get nodes cp-2')).stdout,
    ).toMatch(/^cp-2 +NotReady +control-plane/m);
  });

  it("refuses a copied apiserver certificate that names the first node, as the page's caution warns", async () => {
    const { s, join } = await firstControlPlane();
    await s.run('ssh cp-2 mkdir -p /etc/kubernetes/pki/etcd');
    await s.run(
      'for f in ca.crt ca.key sa.key sa.pub front-proxy-ca.crt front-proxy-ca.key apiserver.crt apiserver.key etcd/ca.crt etcd/ca.key; do scp /etc/kubernetes/pki/$f cp-2:/etc/kubernetes/pki/$f; done',
    );
    await s.run('ssh cp-2');

    const r = await s.run(`sudo ${join} --control-plane`);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'error: error execution phase control-plane-prepare/certs: error creating PKI assets: failed to write or validate certificate "apiserver": certificate apiserver is invalid: x509: certificate is valid for cp-1, k8s-api.example.internal, kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, not cp-2\n',
    );
  });

  it('gives each joined control plane its own leaf certificates also with --certificate-key', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    await s.run('ssh cp-3');
    const sans = (
      await s.run('openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -ext subjectAltName')
    ).stdout;

    expect(sans).toContain('DNS:cp-3,');
    expect(sans).toContain('IP Address:10.0.0.13');
    expect(sans).not.toContain('DNS:cp-1');
  });
});
