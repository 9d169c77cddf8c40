// After a downgrade the served API answers like the simulated apiserver: an object stored in an
// API version the running apiserver does not serve cannot be decoded (InternalError), and
// Workloads are printed by printers.go's handler (NAME, AGE), not the default NAME / CREATED AT
// table. upstream: staging/src/k8s.io/apimachinery/pkg/runtime/error.go (notRegisteredErr),
// pkg/registry/scheduling/workload/storage/storage.go (printers TableConvertor).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { handleApi } from '../../../src/lib/engine/cli/api/handler.ts';

const get = (path: string, accept = 'application/json') => ({
  method: 'GET',
  path,
  query: new URLSearchParams(),
  accept,
  contentType: '',
  body: '',
  raw: new Uint8Array(),
});

describe('served API over objects of newer API versions', () => {
  it('answers InternalError for a Workload stored in a version the downgraded apiserver cannot decode', async () => {
    const session = createSession({ scenario: 'rollback-downgraded', release: 'v1.37' });
    const sim = await session.run('kubectl get workloads');

    const served = await handleApi(
      session,
      get('/apis/scheduling.k8s.io/v1alpha2/namespaces/default/workloads'),
    );

    expect(served.status).toBe(500);
    const body = served.body as { reason: string; message: string };
    expect(body.reason).toBe('InternalError');
    expect(sim.stderr.trim()).toBe(`Error from server (InternalError): ${body.message}`);
  });

  it('serves Workloads as a NAME / AGE table once the apiserver decodes them again', async () => {
    const session = createSession({ scenario: 'rollback-downgraded', release: 'v1.37' });
    await session.run('kubeadm upgrade apply v1.37.1 -y');

    const served = await handleApi(
      session,
      get(
        '/apis/scheduling.k8s.io/v1alpha3/namespaces/default/workloads',
        'application/json;as=Table;v=v1;g=meta.k8s.io',
      ),
    );

    const table = served.body as { columnDefinitions: Array<{ name: string }> };
    expect(served.status).toBe(200);
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});
