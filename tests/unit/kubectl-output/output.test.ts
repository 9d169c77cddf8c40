// upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric), get_flags.go,
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go (NoCompatiblePrinterError),
// pkg/printers/internalversion/printers.go (wide columns), staging/src/k8s.io/kubectl/pkg/describe/describe.go
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSession } from 'kubelife';

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  items?: Obj[];
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};
const items = (o: Obj): Obj[] => (o.kind === 'List' ? (o.items ?? []) : [o]);

describe('kubectl get -o json|yaml|name for every resource', () => {
  it.each([
    ['nodes', 'v1', 'Node'],
    ['pods -A', 'v1', 'Pod'],
    ['namespaces', 'v1', 'Namespace'],
    ['configmaps -n kube-system', 'v1', 'ConfigMap'],
    ['endpoints', 'v1', 'Endpoints'],
    ['csr', 'certificates.k8s.io/v1', 'CertificateSigningRequest'],
  ])(
    'prints %s as JSON and YAML that parse back to the same API objects',
    async (what, apiVersion, kind) => {
      const s = createSession({ scenario: 'workers-joined' });

      const json = await s.run(`kubectl get ${what} -o json`);
      const yaml = await s.run(`kubectl get ${what} -o yaml`);

      expect(json.exitCode).toBe(0);
      expect(yaml.exitCode).toBe(0);
      const fromJson = items(JSON.parse(json.stdout) as Obj);
      expect(fromJson.length).toBeGreaterThan(0);
      expect(items(parse(yaml.stdout) as Obj)).toEqual(fromJson);
      for (const o of fromJson) {
        expect(o.apiVersion).toBe(apiVersion);
        expect(o.kind).toBe(kind);
        expect(o.metadata?.['name']).toMatch(/\S/);
        expect(o.metadata?.['uid']).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        );
        expect(o.metadata?.['resourceVersion']).toMatch(/^\d+$/);
        expect(o.metadata?.['creationTimestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }
    },
  );

  it('prints one object, not a List, when a single name is asked for', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get pod etcd-cp-1 -n kube-system -o json');

    const pod = JSON.parse(r.stdout) as Obj;
    expect(pod.kind).toBe('Pod');
    expect(pod.spec?.['nodeName']).toBe('cp-1');
    expect(pod.status?.['phase']).toBe('Running');
    expect((pod.metadata?.['labels'] as Record<string, string>)['component']).toBe('etcd');
  });

  it('prints resource/name lines with -o name', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    expect((await s.run('kubectl get nodes -o name')).stdout.trimEnd()).toBe(
      'node/cp-1\nnode/worker-1\nnode/worker-2',
    );
    expect((await s.run('kubectl get pods -n kube-system -o name')).stdout).toContain(
      'pod/kube-apiserver-cp-1',
    );
    expect((await s.run('kubectl get ep -o name')).stdout.trimEnd()).toBe('endpoints/kubernetes');
  });

  it('prints JSON keys sorted, as the Unstructured objects kubectl decodes', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get node cp-1 -o json');

    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
    expect(r.stdout).toMatch(/^ {4}"apiVersion": "v1",$/m);
  });

  it('reports a missing name as NotFound and exits 1', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get pod nope -n kube-system -o yaml');

    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toBe('Error from server (NotFound): pods "nope" not found');
  });
});

describe('kubectl get -o wide', () => {
  it('adds IP, NODE, NOMINATED NODE and READINESS GATES to pods across all namespaces', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get pods -A -o wide');

    const header = r.stdout.split('\n')[0] ?? '';
    expect(header.split(/\s{2,}/)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    expect(r.stdout).toMatch(/kube-apiserver-cp-1 .* 10\.0\.0\.11 +cp-1 +<none> +<none>$/m);
  });

  it('adds INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION and CONTAINER-RUNTIME to nodes', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get nodes -o wide');

    expect((r.stdout.split('\n')[0] ?? '').split(/\s{2,}/)).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
    expect(r.stdout).toMatch(/^worker-1 .* 10\.0\.0\.21 +<none> +Ubuntu .* containerd:\/\/\S+$/m);
  });
});

describe('kubectl get -o jsonpath', () => {
  it('lists every kubelet version with {.items[*].status.nodeInfo.kubeletVersion}', async () => {
    const s = createSession({ scenario: 'cluster-previous-minor' });

    const r = await s.run(
      "kubectl get nodes -o jsonpath='{.items[*].status.nodeInfo.kubeletVersion}'",
    );

    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd()).toMatch(/^(v1\.\d+\.\d+ ){2}v1\.\d+\.\d+$/);
  });

  it('reads one field of a single object and prints string literals', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      `kubectl get node worker-2 -o jsonpath='{.metadata.name}{" "}{.status.addresses[0].address}'`,
    );

    expect(r.stdout.trimEnd()).toBe('worker-2 10.0.0.22');
  });

  it('prints nothing for a missing key (allow-missing-template-keys defaults to true)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run("kubectl get node cp-1 -o jsonpath='{.status.nothing}'");

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('kubectl get with an unknown output format', () => {
  it("prints get's sorted allowed formats and exits 1", async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get pods -o foo');

    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml',
    );
  });
});

describe('kubectl describe node', () => {
  it('prints the sections of describe.go describeNode in order, ending with the node Events', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe node cp-1');

    expect(r.exitCode).toBe(0);
    const sections = [
      'Name:',
      'Roles:',
      'Labels:',
      'Annotations:',
      'CreationTimestamp:',
      'Taints:',
      'Unschedulable:',
      'Lease:',
      'Conditions:',
      'Addresses:',
      'Capacity:',
      'Allocatable:',
      'System Info:',
      'PodCIDR:',
      'PodCIDRs:',
      'Non-terminated Pods:',
      'Allocated resources:',
      'Events:',
    ];
    const starts = r.stdout
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) =>
        l.split(/\s/)[0] === 'Non-terminated'
          ? 'Non-terminated Pods:'
          : l.startsWith('System Info:')
            ? 'System Info:'
            : l.startsWith('Allocated resources:')
              ? 'Allocated resources:'
              : (l.split(/\s/)[0] ?? ''),
      );
    expect(starts).toEqual(sections);
    expect(r.stdout).toMatch(/^Roles: +control-plane$/m);
    expect(r.stdout).toMatch(/^Taints: +node-role\.kubernetes\.io\/control-plane:NoSchedule$/m);
    expect(r.stdout).toMatch(
      /^ {2}Ready +True +\w{3}, \d\d \w{3} \d{4} [\d:]{8} \+0000 .* KubeletReady +kubelet is posting ready status$/m,
    );
    expect(r.stdout).toMatch(/^ {2}Kubelet Version: +v1\.\d+\.\d+$/m);
    expect(r.stdout).toMatch(
      /^ {2}kube-system +kube-apiserver-cp-1 +250m \(12%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +\S+$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}Normal +RegisteredNode +\S+ +node-controller +Node cp-1 event: Registered Node cp-1 in Controller$/m,
    );
  });

  it('shows Unknown conditions and the unreachable taints once the kubelet stopped for the grace period', async () => {
    // The NoExecute taint comes from the node lifecycle controller once the node is Unknown, after
    // --node-monitor-grace-period (node_lifecycle_controller.go processTaintBaseEviction).
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run('systemctl stop kubelet');
    await s.run('exit');
    await s.run('kubelife clock advance 1m');

    const r = await s.run('kubectl describe node worker-1');

    expect(r.stdout).toMatch(
      /^ {2}Ready +Unknown .* NodeStatusUnknown +Kubelet stopped posting node status\.$/m,
    );
    expect(r.stdout).toContain('node.kubernetes.io/unreachable:NoExecute');
  });

  it('reports an unknown node as NotFound', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe node nope');

    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toBe('Error from server (NotFound): nodes "nope" not found');
  });
});
