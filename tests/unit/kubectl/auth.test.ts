// upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (arguments, warnings,
// yes/no and exit 1, --list), auth/whoami.go, staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
// (BreakdownRule, CompactRules, SortableRuleSlice); plugin/pkg/auth/authorizer/rbac/rbac.go and
// bootstrappolicy/policy.go (the roles kube-apiserver creates, system:masters bound to
// cluster-admin); cmd/kubeadm/app/phases/kubeconfig (admin.conf in kubeadm:cluster-admins, v1.29+);
// staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go. The parity corpus
// compares these lines with the real kubectl against `kubelife serve --api`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, type SerializedState } from 'kubelife';

const run = async (line: string, scenario = 'workers-joined') =>
  createSession({ scenario }).run(line);

describe('kubectl auth can-i', () => {
  it("answers yes to '*' '*' for the admin of admin.conf, as on a real kubeadm cluster", async () => {
    const r = await run("kubectl auth can-i '*' '*'");

    expect(r).toMatchObject({ exitCode: 0, stdout: 'yes\n', stderr: '' });
  });

  it('warns that a cluster-scoped resource ignores the namespace', async () => {
    const r = await run('kubectl auth can-i get nodes');

    expect(r.stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n\n");
    expect(r.stdout).toBe('yes\n');
  });

  it('answers no with exit code 1 for a user no binding names', async () => {
    const r = await run('kubectl auth can-i get pods --as=jane');

    expect(r).toMatchObject({ exitCode: 1, stdout: 'no\n' });
  });

  it('gives every authenticated user the discovery and self-review rules', async () => {
    const health = await run('kubectl auth can-i get /healthz --as=jane');
    const review = await run('kubectl auth can-i create selfsubjectaccessreviews --as=jane');

    expect(health.stdout).toBe('yes\n');
    expect(review.stdout).toBe('yes\n');
  });

  it('evaluates RoleBindings in the namespace asked about, with resource names', async () => {
    const nodes = '--as=x --as-group=system:nodes -n kube-system';

    const named = await run(`kubectl auth can-i get configmaps/kubeadm-config ${nodes}`);
    const other = await run(`kubectl auth can-i get configmaps/coredns ${nodes}`);

    expect(named.stdout).toBe('yes\n');
    expect(other.stdout).toBe('no\n');
  });

  it('matches service accounts bound by name in their namespace', async () => {
    const r = await run(
      'kubectl auth can-i list endpoints --as=system:serviceaccount:kube-system:kube-proxy',
    );

    expect(r.stdout).toBe('yes\n');
  });

  it('lists the allowed actions broken down, compacted and sorted as kubectl does', async () => {
    const r = await run('kubectl auth can-i --list');

    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    expect(lines[1]).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/);
    expect(lines[2]).toMatch(/^\s+\[\*\]\s+\[\]\s+\[\*\]$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^selfsubjectrulesreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/,
      ),
    );
    expect(lines.filter((l) => /^\s+\[\/healthz\]/.test(l))).toHaveLength(2);
  });

  it('stays quiet with -q and answers by exit code', async () => {
    const r = await run('kubectl auth can-i get pods --as=jane -q');

    expect(r).toMatchObject({ exitCode: 1, stdout: '', stderr: '' });
  });

  it('warns about an unknown resource type and an unknown verb', async () => {
    const r = await run('kubectl auth can-i foo widgets');

    expect(r.stderr).toBe(
      "Warning: the server doesn't have a resource type 'widgets'\n\nWarning: verb 'foo' is not a known verb\n\n",
    );
    expect(r.stdout).toBe('yes\n');
  });

  it.each([
    [
      'kubectl auth can-i get',
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
    ],
    ['kubectl auth can-i --list pods', 'error: list option must be specified with no arguments\n'],
    [
      'kubectl auth can-i --list -q',
      "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n",
    ],
    [
      'kubectl auth can-i get pods --no-headers',
      'error: --no-headers cannot be set without --list specified\n',
    ],
    [
      'kubectl auth foo',
      'error: unknown command "foo"\nSee \'kubectl auth -h\' for help and examples\n',
    ],
  ])('rejects %s as kubectl does', async (line, stderr) => {
    const r = await run(line);

    expect(r).toMatchObject({ exitCode: 1, stdout: '', stderr });
  });

  it('allows system:masters everything, the group admin.conf had before v1.29', async () => {
    const r = await run(
      'kubectl auth can-i delete nodes -A --as=old-admin --as-group=system:masters',
    );

    expect(r).toMatchObject({ exitCode: 0, stdout: 'yes\n' });
  });
});

describe('kubectl auth whoami', () => {
  it('prints the user and groups of the client certificate', async () => {
    const r = await run('kubectl auth whoami');

    expect(r.stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n',
    );
  });

  it('prints the impersonated user with system:authenticated added', async () => {
    const r = await run('kubectl auth whoami --as=jane --as-group=devs');

    expect(r.stdout).toContain('Username    jane\nGroups      [devs system:authenticated]\n');
  });
});

describe('bootstrap RBAC policy in saved states', () => {
  it('is added to a state saved before the store kept it, as kube-apiserver reconciles it at start', async () => {
    const saved = JSON.parse(
      readFileSync(
        new URL('../store/fixtures/saved-by-main-records.json', import.meta.url),
        'utf8',
      ),
    ) as SerializedState;

    const s = createSession({ state: saved });

    expect((await s.run("kubectl auth can-i '*' '*'")).stdout).toBe('yes\n');
    expect((await s.run('kubectl get clusterrole cluster-admin -o name')).stdout).toBe(
      'clusterrole.rbac.authorization.k8s.io/cluster-admin\n',
    );
  });
});
