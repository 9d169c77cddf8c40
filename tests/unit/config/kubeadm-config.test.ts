// upstream: cmd/kubeadm/app/cmd/config.go (print init-defaults, migrate, validate),
// cmd/kubeadm/app/apis/kubeadm/validation/validation.go (field paths),
// cmd/kubeadm/app/util/config/strict/strict.go (unknown fields), cmd/kubeadm/app/cmd/options (mixing --config),
// cmd/kubeadm/app/apis/kubeadm/v1beta4/conversion.go (extraArgs map -> []Arg)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from 'kubelife';

type S = ReturnType<typeof createSession>;

async function write(s: S, path: string, text: string): Promise<void> {
  const r = await s.run(`cat > ${path} <<'EOF'\n${text}\nEOF`);
  expect(r.exitCode).toBe(0);
}

const INIT_DEFAULTS = `apiVersion: kubeadm.k8s.io/v1beta4
bootstrapTokens:
- groups:
  - system:bootstrappers:kubeadm:default-node-token
  token: abcdef.0123456789abcdef
  ttl: 24h0m0s
  usages:
  - signing
  - authentication
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 1.2.3.4
  bindPort: 6443
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  imagePullSerial: true
  name: node
  taints: null
timeouts:
  controlPlaneComponentHealthCheck: 4m0s
  discovery: 5m0s
  etcdAPICall: 2m0s
  kubeletHealthCheck: 4m0s
  kubernetesAPICall: 1m0s
  tlsBootstrap: 5m0s
  upgradeManifests: 5m0s
---
apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: 1.37.0
networking:
  dnsDomain: cluster.local
  serviceSubnet: 10.96.0.0/12
proxy: {}
scheduler: {}
`;

describe('kubeadm configuration files', () => {
  it('prints the v1beta4 init defaults exactly', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('kubeadm config print init-defaults');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(INIT_DEFAULTS);
  });

  it('rejects a /33 podSubnet with the field path networking.podSubnet', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await write(
      s,
      'bad.yaml',
      'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/33',
    );

    const r = await s.run('kubeadm init --config bad.yaml');

    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('networking.podSubnet');
    expect(r.stderr).toContain('10.244.0.0/33');
  });

  it('warns about an unknown field and names it', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await write(
      s,
      'unknown.yaml',
      'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nfoo: bar',
    );

    const r = await s.run('kubeadm config validate --config unknown.yaml');

    expect(r.stderr).toMatch(/unknown field "foo"/);
  });

  it('refuses to mix --config with configuration flags', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await write(s, 'ok.yaml', 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration');

    const r = await s.run('kubeadm init --config ok.yaml --pod-network-cidr=10.244.0.0/16');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("can not mix '--config' with arguments [pod-network-cidr]");
  });

  it('migrates v1beta3 extraArgs maps to v1beta4 name/value lists', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await write(
      s,
      'old.yaml',
      'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    max-requests-inflight: "400"',
    );

    const r = await s.run('kubeadm config migrate --old-config old.yaml');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('apiVersion: kubeadm.k8s.io/v1beta4');
    expect(r.stdout).toMatch(/extraArgs:\n\s*- name: max-requests-inflight\n\s*value: "400"/);
  });

  it('never throws on arbitrary text passed to kubeadm init --config', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const s = createSession({ scenario: 'packages-installed' });
        const body = text.replace(/^EOF$/gm, 'EOF_');
        await s.run(`cat > cfg.yaml <<'EOF'\n${body}\nEOF`);

        const r = await s.run('kubeadm init --config cfg.yaml');

        if (r.exitCode !== 0) expect(r.stderr.trim().length).toBeGreaterThan(0);
        expect(r.stderr).not.toContain('internal error');
      }),
      { numRuns: 60 },
    );
  });
});
