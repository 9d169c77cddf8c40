// The served API as raw HTTPS sees it: client-certificate authentication (401 without one),
// legacy discovery with the subresources kubectl drain looks for, Table responses with wide
// columns at priority 1, Status errors.
// upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Table, Status, APIResourceList),
// staging/src/k8s.io/kubectl/pkg/drain/drain.go (CheckEvictionSupport).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request, type Server } from 'node:https';
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
