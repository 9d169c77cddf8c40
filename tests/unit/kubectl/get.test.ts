// upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go, staging/src/k8s.io/kubectl/pkg/cmd/cmd.go
// ("flags cannot be placed before plugin name"), cli-runtime/pkg/genericclioptions/config_flags.go
// (persistent flags), cli-runtime/pkg/printers/tableprinter.go (NAMESPACE/LABELS, kind prefix),
// cli-runtime/pkg/resource/builder.go (TYPE/NAME arguments), kubectl/pkg/cmd/get/customcolumn.go.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const run = async (line: string, scenario = 'workers-joined') =>
  createSession({ scenario }).run(line);

describe('kubectl get', () => {
  it('takes global flags before the verb', async () => {
    const before = await run('kubectl -n kube-system get pods');
    const after = await run('kubectl get pods -n kube-system');

    expect(before.exitCode).toBe(0);
    expect(before.output).toBe(after.output);
    expect(before.stdout).toMatch(/^NAME\s+READY\s+STATUS/);
  });

  it('accepts --kubeconfig before the verb', async () => {
    const r = await run('kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes -o name');

    expect(r.stdout).toBe('node/cp-1\nnode/worker-1\nnode/worker-2\n');
  });

  it('fails a context the kubeconfig does not have as client-go does', async () => {
    const known = await run('kubectl --context kubernetes-admin@kubernetes get nodes -o name');
    const unknown = await run('kubectl --context nope get nodes');

    expect(known.exitCode).toBe(0);
    expect(unknown).toMatchObject({
      exitCode: 1,
      stderr: 'Error in configuration: context was not found for specified context: nope\n',
    });
  });

  it('rejects an unknown flag before the verb with the plugin handler wording', async () => {
    const r = await run('kubectl --foo get pods');

    expect(r).toMatchObject({
      exitCode: 1,
      stderr: 'Error: flags cannot be placed before plugin name: --foo\n',
    });
  });

  it('prints one table per type with kind-prefixed names for several types', async () => {
    const r = await run('kubectl get svc,deploy,ds -A');

    expect(r.exitCode).toBe(0);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0]?.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'NAMESPACE NAME',
      'NAMESPACE NAME',
      'NAMESPACE NAME',
    ]);
    expect(r.stdout).toContain('service/kubernetes');
    expect(r.stdout).toContain('deployment.apps/coredns');
    expect(r.stdout).toContain('daemonset.apps/kube-proxy');
  });

  it('expands all to the all category, skipping empty types', async () => {
    const r = await run('kubectl get all');

    expect(r.stdout).toMatch(
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s/,
    );
  });

  it('answers an unknown type with the discovery error', async () => {
    const r = await run('kubectl get widgets');

    expect(r).toMatchObject({
      exitCode: 1,
      stderr: 'error: the server doesn\'t have a resource type "widgets"\n',
    });
  });

  it('prints found objects before the NotFound errors and exits 1', async () => {
    const r = await run('kubectl get nodes cp-1 nope');

    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(
      /^NAME\s+STATUS[^\n]*\ncp-1\s[^\n]*\nError from server \(NotFound\): nodes "nope" not found\n$/,
    );
  });

  it('prints each node and its InternalIP through a jsonpath range with a filter', async () => {
    const r = await run(
      `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'`,
    );

    expect(r.stdout).toBe('cp-1\t10.0.0.11\nworker-1\t10.0.0.21\nworker-2\t10.0.0.22\n');
  });

  it('filters by field selector and rejects an unsupported field label', async () => {
    const ok = await run('kubectl get pods -A --field-selector spec.nodeName=worker-1 -o name');
    const bad = await run('kubectl get pods --field-selector spec.foo=x');

    expect(ok.stdout.trim().split('\n')).toHaveLength(2);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('field label not supported: spec.foo');
  });

  it('adds a LABELS column, drops headers and sorts by a field', async () => {
    const labels = await run('kubectl get nodes --show-labels');
    const bare = await run('kubectl get nodes --no-headers --sort-by=.metadata.name');

    expect(labels.stdout.split('\n')[0]).toMatch(/\sLABELS$/);
    expect(labels.stdout).toContain('kubernetes.io/hostname=cp-1');
    expect(bare.stdout.split('\n')[0]).toMatch(/^cp-1\s+Ready/);
  });

  it('prints custom columns with <none> for missing fields', async () => {
    const r = await run(
      'kubectl get nodes -o custom-columns=NAME:.metadata.name,UNSCHED:.spec.unschedulable',
    );

    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['NAME       UNSCHED', 'cp-1       <none>']);
  });

  it('takes TYPE/NAME arguments and refuses a separate type before them', async () => {
    const ok = await run('kubectl get node/cp-1 svc/kubernetes -o name');
    const bad = await run('kubectl get nodes node/cp-1');

    expect(ok.stdout).toBe('node/cp-1\nservice/kubernetes\n');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error: there is no need to specify a resource type/);
  });
});
