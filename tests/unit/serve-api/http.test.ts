// The served API as raw HTTPS sees it: client-certificate authentication (401 without one),
// legacy discovery with the subresources kubectl drain looks for, Table responses with wide
// columns at priority 1, Status errors.
// upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Table, Status, APIResourceList),
// staging/src/k8s.io/kubectl/pkg/drain/drain.go (CheckEvictionSupport).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request, type Server } from 'node:https';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSession } from 'kubelife';
import { startApiServer } from 'kubelife/cli';

let server: Server;
let url: string;
let creds: { ca: string; cert: string; key: string };

beforeAll(async () => {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubelife-http-')), 'kubeconfig');
  const started = await startApiServer(
    createSession({ scenario: 'workers-joined' }),
    { port: 0, kubeconfig },
    () => undefined,
  );
  server = started.server;
  url = started.url;
  const kc = parse(readFileSync(kubeconfig, 'utf8')) as {
    clusters: Array<{ cluster: Record<string, string> }>;
    users: Array<{ user: Record<string, string> }>;
  };
  const b64 = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString();
  creds = {
    ca: b64(kc.clusters[0]?.cluster['certificate-authority-data']),
    cert: b64(kc.users[0]?.user['client-certificate-data']),
    key: b64(kc.users[0]?.user['client-key-data']),
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(
  path: string,
  opts: { accept?: string; anonymous?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        ca: creds.ca,
        servername: 'kubernetes',
        ...(opts.anonymous ? {} : { cert: creds.cert, key: creds.key }),
        headers: { Accept: opts.accept ?? 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('serve --api over HTTPS', () => {
  it('answers a client without the admin certificate 401 Unauthorized', async () => {
    const r = await get('/api/v1/nodes', { anonymous: true });

    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('serves the cluster version and discovery with pods/eviction', async () => {
    const version = await get('/version');
    const core = await get('/api/v1');

    expect(version.body['gitVersion']).toMatch(/^v1\.\d+\.\d+$/);
    const names = (core.body['resources'] as Array<{ name: string; group?: string }>).map(
      (r) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(['nodes', 'pods', 'pods/eviction', 'services']));
  });

  it('answers a Table with the wide columns at priority 1', async () => {
    const r = await get('/api/v1/nodes', {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });

    expect(r.body['kind']).toBe('Table');
    const cols = r.body['columnDefinitions'] as Array<{ name: string; priority: number }>;
    expect(cols.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase())).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
    ]);
    expect((r.body['rows'] as Array<{ cells: string[] }>)[0]?.cells.slice(0, 2)).toEqual([
      'cp-1',
      'Ready',
    ]);
  });

  it('answers a missing object with a NotFound Status', async () => {
    const r = await get('/api/v1/namespaces/kube-system/pods/nope');

    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
  });
});

// upstream: kube-openapi pkg/handler3 (the root's serverRelativeURL with the document's
// upper-case hex SHA-512 as `hash`), kubectl pkg/explain/v2/templates/plaintext.tmpl (the kind
// found through the resource path's x-kubernetes-group-version-kind).
describe('serve --api OpenAPI v3', () => {
  it("lists each group version with a document, under its document's hash", async () => {
    const root = await get('/openapi/v3');
    const paths = root.body['paths'] as Record<string, { serverRelativeURL: string }>;
    const apps = paths['apis/apps/v1']?.serverRelativeURL ?? '';
    const [path = '', query = ''] = apps.split('?');
    const doc = await get(`${path}?${query}`);

    expect(Object.keys(paths)).toContain('api/v1');
    expect(path).toBe('/openapi/v3/apis/apps/v1');
    expect(query).toBe(
      `hash=${createHash('sha512').update(JSON.stringify(doc.body)).digest('hex').toUpperCase()}`,
    );
  });

  it('serves the paths that name each kind and the schemas they use', async () => {
    const doc = await get('/openapi/v3/apis/apps/v1');
    const paths = doc.body['paths'] as Record<string, { get: Record<string, unknown> }>;
    const schemas = (doc.body['components'] as { schemas: Record<string, Record<string, unknown>> })
      .schemas;

    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments']?.get).toMatchObject({
      'x-kubernetes-group-version-kind': { group: 'apps', kind: 'Deployment', version: 'v1' },
    });
    expect(schemas['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
    expect(schemas['io.k8s.api.core.v1.PodSpec']?.['required']).toEqual(['containers']);
    expect(Object.keys(schemas)).not.toContain('io.k8s.api.batch.v1.Job');
  });

  it('publishes no write operations, so kubectl keeps validating and patching client-side', async () => {
    const doc = await get('/openapi/v3/api/v1');
    const ops = Object.values(doc.body['paths'] as Record<string, Record<string, unknown>>);

    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every((o) => Object.keys(o).join() === 'get')).toBe(true);
  });

  it('answers 404 for a group version it has no document for', async () => {
    const r = await get('/openapi/v3/apis/nope.example.com/v1');

    expect(r.status).toBe(404);
  });
});
