// upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/config/ (view.go, get_contexts.go,
// current_context.go, use_context.go, create_context.go, create_authinfo.go, create_cluster.go,
// delete_context.go, rename_context.go), staging/src/k8s.io/client-go/tools/clientcmd/
// (loader.go, api/helpers.go ShortenConfig/MinifyConfig, api/v1/types.go). The parity corpus
// runs these lines against the real kubectl on a copy of the same file, comparing the file too.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const session = () => createSession({ scenario: 'workers-joined' });

describe('kubectl config', () => {
  it('views the kubeconfig with certificate data omitted, sorted keys as client-go writes', async () => {
    const r = await session().run('kubectl config view');

    expect(r.stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://10.0.0.11:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
  });

  it('prints real base64 certificate data with --raw', async () => {
    const r = await session().run('kubectl config view --raw');

    expect(r.stdout).toMatch(/certificate-authority-data: LS0tLS1CRUdJTi[A-Za-z0-9+/=]+\n/);
    expect(r.stdout).not.toContain('@pki:');
  });

  it('prints JSON in the Config struct field order', async () => {
    const r = await session().run('kubectl config view -o json');

    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual([
      'kind',
      'apiVersion',
      'preferences',
      'clusters',
      'users',
      'contexts',
      'current-context',
    ]);
    expect(r.stdout).toContain('\n    "kind": "Config",');
  });

  it('lists contexts with the current one starred', async () => {
    const r = await session().run('kubectl config get-contexts');

    expect(r.stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
  });

  it('sets the namespace of the current context, which later commands default to', async () => {
    const s = session();

    const set = await s.run('kubectl config set-context --current --namespace=kube-system');
    const pods = await s.run('kubectl get deploy -o name');
    const file = await s.run('cat /root/.kube/config');

    expect(set.stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(pods.stdout).toBe('deployment.apps/coredns\n');
    expect(file.stdout).toContain('    namespace: kube-system\n');
  });

  it('creates, switches to, renames and deletes a context', async () => {
    const s = session();

    const created = await s.run(
      'kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin',
    );
    const used = await s.run('kubectl config use-context dev');
    const current = await s.run('kubectl config current-context');
    const renamed = await s.run('kubectl config rename-context dev development');
    const deleted = await s.run('kubectl config delete-context development');

    expect(created.stdout).toBe('Context "dev" created.\n');
    expect(used.stdout).toBe('Switched to context "dev".\n');
    expect(current.stdout).toBe('dev\n');
    expect(renamed.stdout).toBe('Context "dev" renamed to "development".\n');
    expect(deleted).toMatchObject({
      stdout: 'deleted context development from /root/.kube/config\n',
      stderr:
        'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    });
  });

  it('clears basic auth when a token is set and the reverse', async () => {
    const s = session();
    await s.run('kubectl config set-credentials jane --token=abc');

    await s.run('kubectl config set-credentials jane --username=jane --password=secret');
    const view = await s.run('kubectl config view --raw -o jsonpath={.users[0].user}');

    expect(view.stdout).toBe('{"password":"secret","username":"jane"}\n');
  });

  it('writes ~/.kube/config when no kubeconfig exists yet', async () => {
    const s = session();
    await s.run('rm /root/.kube/config');

    const r = await s.run('kubectl config set-cluster lab --server=https://10.0.0.11:6443');
    const file = await s.run('cat /root/.kube/config');

    expect(r.stdout).toBe('Cluster "lab" set.\n');
    expect(file.stdout).toContain('- cluster:\n    server: https://10.0.0.11:6443\n  name: lab\n');
    expect(file.stdout).toContain('contexts: null\ncurrent-context: ""\n');
  });

  it.each([
    ['kubectl config use-context nope', 'error: no context exists with the name: "nope"\n'],
    [
      'kubectl config set-context',
      'error: you must specify a non-empty context name or --current\n',
    ],
    ['kubectl config get-contexts nope', 'error: context nope not found\n'],
    [
      'kubectl config foo',
      'error: unknown command "foo"\nSee \'kubectl config -h\' for help and examples\n',
    ],
  ])('fails %s as kubectl does', async (line, stderr) => {
    const r = await session().run(line);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(stderr);
  });

  it('reads an empty config when the file does not exist', async () => {
    const r = await session().run('kubectl config current-context --kubeconfig /nope');

    expect(r).toMatchObject({ exitCode: 1, stderr: 'error: current-context is not set\n' });
  });

  it('sets and unsets single properties by their dotted path', async () => {
    const s = session();

    const set = await s.run('kubectl config set users.jane.token abc');
    const unset = await s.run('kubectl config unset users.jane.token');
    const bad = await s.run('kubectl config set foo bar');
    const missing = await s.run('kubectl config unset users.nope.token');

    expect(set.stdout).toBe('Property "users.jane.token" set.\n');
    expect(unset.stdout).toBe('Property "users.jane.token" unset.\n');
    expect(bad.stderr).toBe('error: unable to parse foo after [] at api.Config\n');
    expect(missing.stderr).toBe('error: current map key `nope` is invalid\n');
  });
});
