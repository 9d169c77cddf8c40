// `kubectl get --raw PATH` prints the body as kube-apiserver sends it, and the served API answers
// the same request from the same code. upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go
// (Complete/Validate/Run with rawhttp.RawGet), staging/src/k8s.io/apiserver/pkg/server/healthz/
// healthz.go (handleRootHealth, adaptCheckToHandler), staging/src/k8s.io/client-go/rest/request.go
// (newUnstructuredResponseError → errors.NewGenericServerResponse for a text 500).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { handleApi } from '../../../src/lib/engine/cli/api/handler.ts';

const get = (path: string, query = '') => ({
  method: 'GET',
  path,
  query: new URLSearchParams(query),
  accept: 'application/json, */*',
  contentType: '',
  body: '',
  raw: new Uint8Array(),
});

describe('kubectl get --raw against the health endpoints', () => {
  it('prints ok without a newline for /healthz, /livez and /readyz of a healthy cluster', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const path of ['/healthz', '/livez', '/readyz']) {
      const r = await s.run(`kubectl get --raw ${path}`);
      expect(r.stdout).toBe('ok');
      expect(r.exitCode).toBe(0);
    }
  });

  it('lists the v1.36 checks on /livez?verbose, loopback-serving-certificate before etcd (serving_with_loopback.go)', async () => {
    const s = createSession({ scenario: 'workers-joined', release: 'v1.36' });
    const lines = (await s.run("kubectl get --raw '/livez?verbose'")).stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '[+]ping ok',
      '[+]log ok',
      '[+]loopback-serving-certificate ok',
      '[+]etcd ok',
    ]);
    expect(lines).toContain('[+]poststarthook/peer-endpoint-reconciler-controller ok');
    expect(lines.at(-1)).toBe('livez check passed');
  });

  it('lists readyz-only checks (etcd-readiness, informer-sync, shutdown) and no loopback certificate check on /readyz?verbose', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const lines = (await s.run("kubectl get --raw '/readyz?verbose'")).stdout.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '[+]ping ok',
      '[+]log ok',
      '[+]etcd ok',
      '[+]etcd-readiness ok',
      '[+]informer-sync ok',
    ]);
    expect(lines).not.toContain('[+]loopback-serving-certificate ok');
    expect(lines.slice(-2)).toEqual(['[+]shutdown ok', 'readyz check passed']);
  });

  it('lists the v1.35 checks a kubeadm cluster of that minor prints, without the v1.36 hooks', async () => {
    const s = createSession({ scenario: 'workers-joined', release: 'v1.35' });
    const out = (await s.run("kubectl get --raw '/livez?verbose'")).stdout;
    expect(out).not.toContain('peer-endpoint-reconciler-controller');
    expect(out).not.toContain('storage-readiness');
    expect(out).not.toContain('loopback-serving-certificate');
    expect(out).toContain('[+]poststarthook/start-kubernetes-service-cidr-controller ok');
  });

  it('says the simulator has no check list for a minor older than v1.35 instead of inventing one', async () => {
    const s = createSession({ scenario: 'cluster-previous-minor', release: 'v1.35' });
    const r = await s.run("kubectl get --raw '/readyz?verbose'");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toMatch(
      /this simulator does not know which checks the v1\.34 kube-apiserver/,
    );
    expect((await s.run('kubectl get --raw /readyz')).stdout).toBe('ok');
  });

  it('marks etcd failed and answers HTTP 500 when etcd is stopped, which kubectl prints as InternalError', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/etcd.yaml /tmp/');
    const r = await s.run('kubectl get --raw /readyz');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toMatch(
      /^Error from server \(InternalError\): an error on the server \("\[\+\]ping ok\\n\[\+\]log ok\\n\[-\]etcd failed: reason withheld\\n\[-\]etcd-readiness failed: reason withheld\\n.*\\nreadyz check failed"\) has prevented the request from succeeding$/,
    );
    const served = await handleApi(s, get('/readyz', 'verbose'));
    expect(served.status).toBe(500);
    expect(String(served.body)).toMatch(
      /\[-\]etcd failed: reason withheld\n[\s\S]*readyz check failed\n$/,
    );
    const one = await s.run('kubectl get --raw /readyz/etcd');
    expect(one.stderr.trimEnd()).toBe(
      'Error from server (InternalError): an error on the server ("internal server error: error getting data from etcd: context deadline exceeded") has prevented the request from succeeding',
    );
    expect((await s.run('kubectl get --raw /livez/ping')).stdout).toBe('ok');
  });

  it('is refused with connection refused once the apiserver is stopped', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/');
    const r = await s.run('kubectl get --raw /healthz');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd()).toMatch(/^The connection to the server \S+ was refused/);
  });
});

describe('kubectl get --raw against documents and objects', () => {
  it('prints /version indented as WriteRawJSON does, the same body the served API sends', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run('kubectl get --raw /version');
    const info = JSON.parse(r.stdout) as { major: string; gitVersion: string };
    expect(info.major).toBe('1');
    expect(info.gitVersion).toMatch(/^v1\./);
    expect(r.stdout).toMatch(/^\{\n {2}"major": "1",/);
    expect((await handleApi(s, get('/version'))).body).toBe(r.stdout);
  });

  it('prints an object path as the JSON the served API gives', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run('kubectl get --raw /api/v1/namespaces/default/services/kubernetes');
    const served = await handleApi(s, get('/api/v1/namespaces/default/services/kubernetes'));
    expect(JSON.parse(r.stdout)).toEqual(served.body);
  });

  it('prints the server NotFound for a path it does not serve', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run('kubectl get --raw /nope');
    expect(r.stderr.trimEnd()).toBe(
      'Error from server (NotFound): the server could not find the requested resource',
    );
    expect(r.exitCode).toBe(1);
  });

  it('refuses arguments, -o, -w, -l and a path that is not a request URI before any request (get.go)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const cases: [string, string][] = [
      [
        'kubectl get pods --raw /healthz',
        'error: arguments may not be passed when --raw is specified',
      ],
      ['kubectl get --raw /healthz -o yaml', 'error: --raw and --output are mutually exclusive'],
      [
        'kubectl get --raw /healthz -w',
        'error: --raw may not be specified with other flags that filter the server request or alter the output',
      ],
      [
        'kubectl get --raw /healthz -l a=b',
        'error: --raw may not be specified with other flags that filter the server request or alter the output',
      ],
      [
        'kubectl get --raw healthz',
        'error: --raw must be a valid URL path: parse "healthz": invalid URI for request',
      ],
    ];
    for (const [line, err] of cases) {
      const r = await s.run(line);
      expect(r.stderr.trimEnd(), line).toBe(err);
      expect(r.exitCode, line).toBe(1);
    }
  });

  it('keeps a hostile query name out of the object prototype', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run("kubectl get --raw '/healthz?__proto__=1&%zz'");
    expect(r.stdout).toBe('ok');
  });
});
