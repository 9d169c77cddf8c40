// upstream (kubectl v1.32.4; the texts below were also checked with the real kubectl against
// `kubelife serve --api`): staging/src/k8s.io/kubectl/pkg/cmd/create/create.go, create_configmap.go,
// create_secret.go, create_secret_tls.go, create_serviceaccount.go, create_role.go,
// create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go,
// staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editor.go.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSession } from 'kubelife';

describe('kubectl create generators', () => {
  it('prints a client dry run of a configmap as kubectl builds it', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      'kubectl create configmap app --from-literal=a=1 --from-literal=b=2 --dry-run=client -o yaml',
    );

    expect(r.stdout).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: app\n',
    );
  });

  it('prints -o json in the Go field order of the typed object', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      'kubectl create secret generic s --from-literal=p=x -n kube-system --dry-run=client -o json',
    );

    expect(r.stdout).toBe(
      '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "namespace": "kube-system",\n        "creationTimestamp": null\n    },\n    "data": {\n        "p": "eA=="\n    }\n}\n',
    );
  });

  it('creates a configmap once and answers AlreadyExists the second time', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const first = await s.run('kubectl create configmap app --from-literal=a=1');
    const second = await s.run('kubectl create configmap app --from-literal=a=1');

    expect(first.stdout).toBe('configmap/app created\n');
    expect(second.stderr).toBe(
      'error: failed to create configmap: configmaps "app" already exists\n',
    );
    expect(second.exitCode).toBe(1);
    expect((await s.run('kubectl get cm app -o jsonpath={.data.a}')).stdout).toBe('1\n');
  });

  it('defaults a secret to Opaque and stores tls secrets from the machine files', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl create secret generic db --from-literal=password=x');
    await s.run(
      'kubectl create secret tls web --cert=/etc/kubernetes/pki/ca.crt --key=/etc/kubernetes/pki/ca.key',
    );

    expect((await s.run('kubectl get secret db -o jsonpath={.type}')).stdout).toBe('Opaque\n');
    expect((await s.run('kubectl get secret web -o jsonpath={.type}')).stdout).toBe(
      'kubernetes.io/tls\n',
    );
    const crt = (await s.run("kubectl get secret web -o jsonpath='{.data.tls\\.crt}'")).stdout;
    expect(atob(crt.trim())).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('groups role rules by API group and warns about a non-standard verb', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      'kubectl create role r --verb=get,foo --resource=deploy,pods/log --dry-run=client -o yaml',
    );

    expect(r.stderr).toBe("Warning: 'foo' is not a standard resource verb\n");
    expect((parse(r.stdout) as { rules: unknown }).rules).toEqual([
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'foo'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'foo'] },
    ]);
  });

  it('creates a rolebinding whose subjects the wide table lists', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run(
      'kubectl create rolebinding rb --role=r --user=alice --serviceaccount=default:bot --group=g',
    );
    const r = await s.run('kubectl get rolebinding rb -o wide');

    expect(r.stdout).toContain('Role/r');
    expect(r.stdout).toContain('alice');
    expect(r.stdout).toContain('default/bot');
  });

  it.each([
    [
      'kubectl create configmap a b',
      "error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples",
    ],
    [
      'kubectl create configmap x --from-literal=a',
      'error: invalid literal source a, expected key=value',
    ],
    [
      'kubectl create configmap x -n nope',
      'error: failed to create configmap: namespaces "nope" not found',
    ],
    [
      'kubectl create sa x --from-literal=a=b',
      "error: unknown flag: --from-literal\nSee 'kubectl create serviceaccount --help' for usage.",
    ],
    ['kubectl create role r --verb=get', 'error: at least one resource must be specified'],
    [
      'kubectl create role r --verb=get --resource=foos',
      'the server doesn\'t have a resource type "foos"',
    ],
    [
      'kubectl create rolebinding rb',
      'error: exactly one of clusterrole or role must be specified',
    ],
    [
      'kubectl create rolebinding rb --role=r --serviceaccount=bot',
      'error: serviceaccount must be <namespace>:<name>',
    ],
    ['kubectl create secret tls t', 'error: key and cert must be specified'],
    [
      'kubectl create foo x',
      "error: Unexpected args: [foo x]\nSee 'kubectl create -h' for help and examples",
    ],
    ['kubectl create', 'error: must specify one of -f and -k'],
  ])('answers %s with kubectl wording', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });

  it('creates the objects of a manifest on stdin', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      "kubectl create -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\ndata:\n  k: v\nEOF",
    );

    expect(r.stdout).toBe('configmap/piped created\n');
    expect((await s.run('kubectl get cm piped -o jsonpath={.data.k}')).stdout).toBe('v\n');
  });
});

describe('kubectl edit', () => {
  it('fails to launch the editor the machine does not have, after finding the object', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const found = await s.run('kubectl edit cm kube-proxy -n kube-system');
    const missing = await s.run('KUBE_EDITOR=nano kubectl edit node nope');

    expect(found.stderr.split('\n')[0]).toBe('error: unable to launch the editor "vi"');
    expect(found.stderr).toContain('kubectl patch');
    expect(found.exitCode).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});

describe('kubectl create token', () => {
  it('issues a service account JWT with the API server claims for the requested duration', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create sa bot');

    const r = await s.run('kubectl create token bot --duration=10m');

    const [header = '', payload = '', signature = ''] = r.stdout.trim().split('.');
    const decode = (part: string): Record<string, unknown> =>
      JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    expect(decode(header)['alg']).toBe('RS256');
    const claims = decode(payload);
    expect(claims['sub']).toBe('system:serviceaccount:default:bot');
    expect(claims['iss']).toBe('https://kubernetes.default.svc.cluster.local');
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(600);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{342}$/);
  });

  it('fails for a service account that does not exist', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl create token nope');

    expect(r.stderr).toBe('error: failed to create token: serviceaccounts "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });
});
