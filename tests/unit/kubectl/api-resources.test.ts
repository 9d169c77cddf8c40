// upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (filters,
// Validate's errors, sortableResource, wide columns), apiresources/apiversions.go,
// staging/src/k8s.io/client-go/discovery/discovery_client.go (ServerPreferredResources),
// spf13/pflag bool flags (strconv.ParseBool). The parity corpus compares these lines with the
// real kubectl against `kubelife serve --api`.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const run = async (line: string, scenario = 'workers-joined') =>
  createSession({ scenario }).run(line);

describe('kubectl api-resources', () => {
  it('lists the core group first, then each group by name, each sorted by resource name', async () => {
    const r = await run('kubectl api-resources');

    const lines = r.stdout.split('\n');
    expect(r.exitCode).toBe(0);
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(lines[1]).toMatch(/^bindings\s+v1\s+true\s+Binding$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/),
    );
    const groups = lines
      .slice(1, -1)
      .map((l) => l.split(/\s+/).find((c) => /^(v1|[\w.-]+\/v\w+)$/.test(c)) ?? '');
    const names = groups.map((gv) => (gv.includes('/') ? gv.split('/')[0] : ''));
    expect(names).toEqual([...names].sort());
  });

  it('filters by scope and group, and names resources name.group with -o name', async () => {
    const r = await run(
      'kubectl api-resources --namespaced=false --api-group=rbac.authorization.k8s.io -o name',
    );

    expect(r.stdout).toBe(
      'clusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\n',
    );
  });

  it('reads an empty --api-group as the core group', async () => {
    const r = await run('kubectl api-resources --api-group= -o name --namespaced=false');

    expect(r.stdout).toBe('componentstatuses\nnamespaces\nnodes\npersistentvolumes\n');
  });

  it('keeps the resources that support every verb asked for and shows verbs with -o wide', async () => {
    const r = await run(
      'kubectl api-resources --verbs=create --namespaced=false -o wide --api-group=authorization.k8s.io',
    );

    expect(r.stdout.split('\n')[0]).toMatch(/KIND\s+VERBS\s+CATEGORIES$/);
    expect(r.stdout).toContain('SubjectAccessReview       create   \n');
  });

  it('sorts by kind with --sort-by=kind, byte order', async () => {
    const r = await run('kubectl api-resources --sort-by=kind --namespaced=false -o name');

    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'apiservices.apiregistration.k8s.io',
      'csidrivers.storage.k8s.io',
      'csinodes.storage.k8s.io',
      'certificatesigningrequests.certificates.k8s.io',
    ]);
  });

  it('lists the types of installed CustomResourceDefinitions', async () => {
    const r = await run('kubectl api-resources --api-group=example.com', 'orphaned-finalizer');

    expect(r.stdout).toMatch(/\nwidgets\s+example\.com\/v1\s+true\s+Widget\n$/);
  });

  it.each([
    ['kubectl api-resources -o yaml', 'error: --output yaml is not available\n'],
    ['kubectl api-resources --sort-by=age', 'error: --sort-by accepts only name or kind\n'],
    [
      'kubectl api-resources pods',
      "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n",
    ],
    [
      'kubectl api-resources --namespaced=maybe',
      'error: invalid argument "maybe" for "--namespaced" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl api-resources --help\' for usage.\n',
    ],
  ])('rejects %s as kubectl does', async (line, stderr) => {
    const r = await run(line);

    expect(r).toMatchObject({ exitCode: 1, stdout: '', stderr });
  });
});

describe('kubectl api-versions', () => {
  it('prints every served group version sorted, the core v1 last', async () => {
    const r = await run('kubectl api-versions');

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([...lines].sort());
    expect(lines).toContain('apps/v1');
    expect(lines).toContain('autoscaling/v1');
    expect(lines).toContain('autoscaling/v2');
    expect(lines.at(-1)).toBe('v1');
  });

  it('includes the group versions of installed CustomResourceDefinitions', async () => {
    const r = await run('kubectl api-versions', 'orphaned-finalizer');

    expect(r.stdout.split('\n')).toContain('example.com/v1');
  });

  it('fails like the real kubectl without an API server', async () => {
    const r = await run('kubectl api-versions', 'packages-installed');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('localhost:8080 was refused');
  });
});
