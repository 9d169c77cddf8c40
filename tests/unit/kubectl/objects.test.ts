// upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (-o json|yaml|name),
// staging/src/k8s.io/kubectl/pkg/cmd/{delete,patch}/, pkg/controller/namespace/deletion/namespaced_resources_deleter.go
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSession } from 'kubelife';

type Obj = { apiVersion?: string; kind?: string; metadata?: { name?: string }; items?: Obj[] };

const objects = (o: Obj): Obj[] => (o.kind === 'List' ? (o.items ?? []) : [o]);

describe('kubectl objects', () => {
  it.each([
    ['namespaces', 'namespace', 'Namespace'],
    ['nodes', 'node', 'Node'],
    ['configmaps -n kube-system', 'configmap', 'ConfigMap'],
  ])('prints %s as JSON that parses back to API objects', async (what, _single, kind) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(`kubectl get ${what} -o json`);

    expect(r.exitCode).toBe(0);
    const list = objects(JSON.parse(r.stdout) as Obj);
    expect(list.length).toBeGreaterThan(0);
    for (const o of list) {
      expect(o.apiVersion).toBe('v1');
      expect(o.kind).toBe(kind);
      expect(o.metadata?.name).toMatch(/\S/);
    }
  });

  it.each(['namespace kube-system', 'node cp-1', 'widgets -n shop'])(
    'prints %s as YAML that the yaml package parses',
    async (what) => {
      const s = createSession({ scenario: 'orphaned-finalizer' });

      const r = await s.run(`kubectl get ${what} -o yaml`);

      expect(r.exitCode).toBe(0);
      for (const o of objects(parse(r.stdout) as Obj)) {
        expect(o.apiVersion).toMatch(/^(v1|example\.com\/v1)$/);
        expect(o.kind).toMatch(/^(Namespace|Node|Widget)$/);
        expect(o.metadata?.name).toMatch(/\S/);
      }
    },
  );

  it('keeps a namespace Terminating while an object in it has a finalizer, and removes it once the finalizer is patched away', async () => {
    const s = createSession({ scenario: 'orphaned-finalizer' });

    await s.run('kubectl delete namespace shop --wait=false');
    const terminating = await s.run('kubectl get namespace shop');
    const yaml = parse((await s.run('kubectl get namespace shop -o yaml')).stdout) as {
      status: { conditions: Array<{ type: string; status: string; message: string }> };
    };
    const patched = await s.run(
      `kubectl patch widget storefront -n shop --type=merge -p '{"metadata":{"finalizers":[]}}'`,
    );
    const gone = await s.run('kubectl get namespace shop');

    expect(terminating.stdout).toMatch(/shop\s+Terminating/);
    const remaining = yaml.status.conditions.find((c) => c.type === 'NamespaceFinalizersRemaining');
    expect(remaining?.status).toBe('True');
    expect(remaining?.message).toContain('example.com/cleanup in 1 resource instances');
    expect(patched.stdout).toBe('widget.example.com/storefront patched\n');
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('Error from server (NotFound): namespaces "shop" not found');
  });

  it('deletes an empty namespace at once', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create namespace scratch');

    const r = await s.run('kubectl delete namespace scratch');

    expect(r.stdout).toBe('namespace "scratch" deleted\n');
    expect((await s.run('kubectl get namespace scratch')).exitCode).toBe(1);
  });

  it('refuses to delete kube-system', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl delete namespace kube-system');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'namespaces "kube-system" is forbidden: this namespace may not be deleted',
    );
  });

  it('reports an unknown resource type', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('kubectl get gizmos');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: the server doesn\'t have a resource type "gizmos"');
  });

  // upstream: a CRD (apiextensions.k8s.io) defines one type; kubectl resolves types through
  // discovery, so an unrelated name stays unknown even when other custom resources exist.
  it('reports an unknown type as unknown even when the cluster holds custom resources', async () => {
    const s = createSession({ scenario: 'orphaned-finalizer' });

    const r = await s.run('kubectl delete gizmos storefront -n shop');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: the server doesn\'t have a resource type "gizmos"\n');
  });

  it('names a missing custom resource by its CRD, whichever alias was typed', async () => {
    const s = createSession({ scenario: 'orphaned-finalizer' });

    const r = await s.run('kubectl get widget nothere -n shop');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'Error from server (NotFound): widgets.example.com "nothere" not found',
    );
  });

  it('keeps serving a custom type after its last object is gone', async () => {
    const s = createSession({ scenario: 'orphaned-finalizer' });
    await s.run(
      `kubectl patch widgets storefront -n shop --type=merge -p '{"metadata":{"finalizers":[]}}'`,
    );
    await s.run('kubectl delete widgets storefront -n shop');

    const r = await s.run('kubectl get widgets -n shop');

    expect(r.stderr).toBe('No resources found in shop namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('deletes a Node object and the pods bound to it', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl delete node worker-2');

    expect(r.stdout).toBe('node "worker-2" deleted\n');
    expect((await s.run('kubectl get nodes')).stdout).not.toContain('worker-2');
    expect((await s.run('kubectl get pods -A -o wide')).stdout).not.toContain('worker-2');
    expect((await s.run('kubectl delete node worker-2')).stderr).toContain(
      'nodes "worker-2" not found',
    );
  });
});

// upstream: staging/src/k8s.io/apimachinery/pkg/labels/selector.go; labels from
// cmd/kubeadm/app/util/staticpod/utils.go and cmd/kubeadm/app/phases/addons/{proxy,dns}/manifests.go
describe('kubectl get pods -l', () => {
  const names = async (line: string): Promise<string[]> => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run(line);
    return r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[l.startsWith('kube-') && line.includes(' -A') ? 1 : 0] ?? '');
  };

  it('selects by equality', async () => {
    expect(await names('kubectl get pods -n kube-system -l component=kube-apiserver')).toEqual([
      'kube-apiserver-cp-1',
    ]);
  });

  it('selects by inequality, which also matches pods without the key', async () => {
    const got = await names('kubectl get pods -n kube-system -l tier!=control-plane');

    expect(got.every((n) => n.startsWith('coredns-') || n.startsWith('kube-proxy-'))).toBe(true);
    expect(got).toHaveLength(5);
  });

  it('selects by key existence', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl get pods -A -l app');

    expect(
      r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('kube-flannel')),
    ).toBe(true);
  });

  it('says no resources were found when nothing matches, and rejects a malformed selector', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const none = await s.run('kubectl get pods -n kube-system -l foo=bar');
    const bad = await s.run('kubectl get pods -l =x');

    expect(none.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(bad.exitCode).toBe(1);
    // The API server's 400 as kubectl's resource builder rewords it (a separator error of
    // labels.Parse carries no "unable to parse requirement" prefix: apimachinery selector.go).
    expect(bad.stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "=x", field selector "": found '=', expected: !, identifier, or 'end of string'\n`,
    );
  });
});
