// upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go,
// cmd/top/top_node.go and top_pod.go ("Metrics API not available" without metrics.k8s.io),
// cmd/version/version.go. The parity corpus compares these lines with the real kubectl.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const run = async (line: string, scenario = 'workers-joined') =>
  createSession({ scenario }).run(line);

describe('kubectl cluster-info', () => {
  it('prints the control plane address and the CoreDNS proxy URL, without colours', async () => {
    const r = await run('kubectl cluster-info');

    expect(r.stdout).toBe(
      "Kubernetes control plane is running at https://10.0.0.11:6443\nCoreDNS is running at https://10.0.0.11:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('looks for cluster services in the namespace given by -n only', async () => {
    const r = await run('kubectl cluster-info -n default');

    expect(r.stdout.split('\n')[1]).toBe('');
  });
});

describe('kubectl top', () => {
  it.each(['kubectl top node', 'kubectl top pod -A'])(
    'fails %s without metrics-server as on a fresh kubeadm cluster',
    async (line) => {
      const r = await run(line);

      expect(r).toMatchObject({
        exitCode: 1,
        stdout: '',
        stderr: 'error: Metrics API not available\n',
      });
    },
  );

  it('fails like the real kubectl without an API server', async () => {
    const r = await run('kubectl top node', 'packages-installed');

    expect(r.stderr).toContain('localhost:8080 was refused');
  });
});

describe('kubectl version', () => {
  it('prints client, Kustomize and server versions as JSON with two-space indent', async () => {
    const r = await run('kubectl version -o json');

    const info = JSON.parse(r.stdout) as Record<string, Record<string, string>>;
    expect(Object.keys(info)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(info['serverVersion']?.['gitVersion']).toMatch(/^v1\.\d+\.\d+$/);
    expect(r.stdout).toContain('\n  "clientVersion": {\n    "major": "1",');
  });

  it('prints sorted YAML followed by an empty line', async () => {
    const r = await run('kubectl version --client -o yaml');

    expect(r.stdout).toMatch(/^clientVersion:\n {2}buildDate: "[^"]+"\n/);
    expect(r.stdout).toMatch(/\nkustomizeVersion: v[\d.]+\n\n$/);
  });

  it('rejects another output format', async () => {
    const r = await run('kubectl version -o wide');

    expect(r).toMatchObject({ exitCode: 1, stderr: "error: --output must be 'yaml' or 'json'\n" });
  });
});
