// upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret_docker.go
// (handleDockerCfgJSONContent: json.Marshal of {"auths":{SERVER:{username,password,email,auth}}},
// auth = base64(user:password), empty fields omitted, Docker Hub as the default server; Validate),
// staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go (AddFromEnvFile, processEnvFileLine),
// create_configmap.go and create_secret.go (Validate: "from-env-file cannot be combined …").
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('kubectl create secret docker-registry', () => {
  it('writes .dockerconfigjson with auth = base64(user:password) for the given server', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      'kubectl create secret docker-registry regcred --docker-server=r.example.com --docker-username=jane --docker-password=s3cr3t --docker-email=jane@example.com',
    );
    const type = await s.run("kubectl get secret regcred -o jsonpath='{.type}'");
    const data = await s.run(
      "kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}'",
    );

    expect(r.stdout).toBe('secret/regcred created\n');
    expect(type.stdout).toBe('kubernetes.io/dockerconfigjson\n');
    expect(decode(data.stdout)).toBe(
      `{"auths":{"r.example.com":{"username":"jane","password":"s3cr3t","email":"jane@example.com","auth":"${Buffer.from('jane:s3cr3t').toString('base64')}"}}}`,
    );
  });

  it('defaults the server to Docker Hub and escapes HTML characters as Go does', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run(
      "kubectl create secret docker-registry hub --docker-username=bob --docker-password='a<b>&c'",
    );
    const r = await s.run("kubectl get secret hub -o jsonpath='{.data.\\.dockerconfigjson}'");

    expect(decode(r.stdout)).toBe(
      '{"auths":{"https://index.docker.io/v1/":{"username":"bob","password":"a\\u003cb\\u003e\\u0026c","auth":"Ym9iOmE8Yj4mYw=="}}}',
    );
  });

  it('needs a username and a password without --from-file', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl create secret docker-registry x --docker-username=bob');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
  });
});

describe('kubectl create configmap|secret --from-env-file', () => {
  it('takes KEY=VALUE lines, skipping comments and blank lines and keeping values as written', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      "printf 'MODE=prod\\n# a comment\\n\\n  REPLICAS=3\\nEMPTY=\\nURL=a=b \\n' > app.env",
    );

    const cm = await s.run(
      'kubectl create configmap app --from-env-file=app.env --dry-run=client -o yaml',
    );
    await s.run('kubectl create secret generic app --from-env-file=app.env');
    const secret = await s.run("kubectl get secret app -o jsonpath='{.data.URL}'");

    expect(cm.stdout).toBe(
      'apiVersion: v1\ndata:\n  EMPTY: ""\n  MODE: prod\n  REPLICAS: "3"\n  URL: \'a=b \'\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: app\n',
    );
    expect(decode(secret.stdout)).toBe('a=b ');
  });

  it('refuses an env file together with literals, an invalid key, and a missing file', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("printf '1BAD=x\\n' > bad.env");

    const mixed = await s.run(
      'kubectl create configmap x --from-env-file=bad.env --from-literal=a=b',
    );
    const bad = await s.run('kubectl create secret generic y --from-env-file=bad.env');
    const missing = await s.run('kubectl create configmap z --from-env-file=nope.env');

    expect(mixed.stderr).toBe(
      'error: from-env-file cannot be combined with from-file or from-literal\n',
    );
    expect(bad.stderr).toMatch(
      /^error: "1BAD" is not a valid key name: a valid environment variable name must consist of/,
    );
    expect(missing.stderr).toBe('error: error reading nope.env: no such file or directory\n');
    expect([mixed.exitCode, bad.exitCode, missing.exitCode]).toEqual([1, 1, 1]);
  });
});
