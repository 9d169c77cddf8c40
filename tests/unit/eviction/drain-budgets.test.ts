/**
 * `kubectl drain` under PodDisruptionBudgets (staging/src/k8s.io/kubectl/pkg/drain/drain.go
 * evictPods: one eviction per Pod, 5 s retries on 429, `global timeout reached`; deletePods for
 * --disable-eviction; pkg/cmd/drain/drain.go RunDrain / deleteOrEvictPodsSimple: the pending
 * Pods and nodes, dry runs), and the served eviction subresource evicting only the named Pod
 * (pkg/registry/core/pod/storage/eviction.go). Judged by the real kubectl in
 * corpus/drain-pdb-blocked and corpus/drain-pdb-allowed.
 */
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from 'kubelife';
import { handleApi } from '../../../src/lib/engine/cli/api/handler.ts';
import { writesBesidesRenewals } from '../../../src/lib/engine/src/objects/lease-renewals.ts';

async function blocked(): Promise<{ s: Session; pod: string }> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run('kubectl create deployment web --image=nginx --replicas=2');
  await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=2');
  const pod = (
    await s.run('kubectl get pods -l app=web --field-selector spec.nodeName=worker-1 -o name')
  ).stdout
    .trim()
    .replace('pod/', '');
  return { s, pod };
}

const REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

describe('kubectl drain against a budget that allows no disruption', () => {
  it('retries every 5s of simulated time until --timeout, then reports the pending Pod and node', async () => {
    const { s, pod } = await blocked();
    const start = s.save().state.now;

    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets --timeout=6s');

    const timeout = `error when evicting pods/"${pod}" -n "default": global timeout reached: 6s`;
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`node/worker-1 cordoned\n${`evicting pod default/${pod}\n`.repeat(3)}`);
    expect(r.stderr).toBe(
      [
        'Warning: ignoring DaemonSet-managed Pods: kube-flannel/kube-flannel-ds-6r8zg, kube-system/kube-proxy-8fc6k',
        `error when evicting pods/"${pod}" -n "default" (will retry after 5s): ${REFUSED}`,
        `error when evicting pods/"${pod}" -n "default" (will retry after 5s): ${REFUSED}`,
        `There are pending pods in node "worker-1" when an error occurred: ${timeout}`,
        `pod/${pod}`,
        `error: unable to drain node "worker-1" due to error: ${timeout}, continuing command...`,
        'There are pending nodes to be drained:',
        ' worker-1',
        timeout,
        '',
      ].join('\n'),
    );
    expect(s.save().state.now - start).toBe(10_000);
    expect((await s.run('kubectl get pods -l app=web -o name')).stdout).toContain(pod);
  });

  it('without --timeout stops with a simulator notice instead of waiting for ever, and fails', async () => {
    const { s, pod } = await blocked();
    const start = s.save().state.now;

    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets');

    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`node/worker-1 cordoned\nevicting pod default/${pod}\n`);
    expect(r.stderr).toContain(`(will retry after 5s): ${REFUSED}\n`);
    expect(r.stderr).toMatch(
      /kubelife: kubectl drain without --timeout retries every 5s until it is interrupted; nothing in the simulated cluster will let this eviction through, so the simulator stopped after 5s/,
    );
    expect(r.stderr).not.toContain('There are pending');
    expect(s.save().state.now - start).toBe(5_000);
  });

  it('deletes with --disable-eviction, bypassing the budget', async () => {
    const { s, pod } = await blocked();

    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets --disable-eviction');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`node/worker-1 cordoned\npod/${pod} deleted\nnode/worker-1 drained\n`);
    expect((await s.run('kubectl get pods -l app=web -o name')).stdout).not.toContain(pod);
  });

  it('changes nothing with --dry-run=client and asks the API server with --dry-run=server', async () => {
    const { s, pod } = await blocked();
    const before = s.save().state;

    const client = await s.run('kubectl drain worker-1 --ignore-daemonsets --dry-run=client');
    const server = await s.run(
      'kubectl drain worker-1 --ignore-daemonsets --dry-run=server --timeout=1s',
    );

    expect(client.stdout).toBe(
      `node/worker-1 cordoned (dry run)\nevicting pod default/${pod} (dry run)\nnode/worker-1 drained (dry run)\n`,
    );
    expect(server.exitCode).toBe(1);
    expect(server.stdout).toBe(
      `node/worker-1 cordoned (server dry run)\n${`evicting pod default/${pod} (server dry run)\n`.repeat(2)}`,
    );
    // The second waited 1s for its timeout: the Leases' holders renewed them meanwhile (a round
    // of resourceVersions, objects/lease-renewals.ts), and nothing else was written.
    const after = s.save().state;
    const { rv: _rv, renewals: _renewals, ...stored } = after.cluster?.objects ?? {};
    const { rv: _rv0, renewals: _renewals0, ...storedBefore } = before.cluster?.objects ?? {};
    expect(stored).toEqual(storedBefore);
    expect(writesBesidesRenewals(before, after)).toBe(0);
  });

  it("refuses a --timeout that is not a Go duration with pflag's error", async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl drain worker-1 --timeout=bogus');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: invalid argument "bogus" for "--timeout" flag: time: invalid duration "bogus"\nSee \'kubectl drain --help\' for usage.\n',
    );
  });
});

describe('kubectl drain against a budget that allows one disruption', () => {
  it('evicts the Pod, and the replacement elsewhere restores the allowance', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl create pdb web-max --selector=app=web --max-unavailable=1');

    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets --timeout=12s');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /evicting pod default\/web-\S+\npod\/web-\S+ evicted\nnode\/worker-1 drained\n$/,
    );
    expect((await s.run('kubectl get pdb web-max')).stdout).toMatch(/web-max +N\/A +1 +1 /);
  });
});

describe('served eviction subresource', () => {
  const post = (path: string, body: unknown) => ({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    accept: 'application/json',
    contentType: 'application/json',
    body: JSON.stringify(body),
    raw: new TextEncoder().encode(JSON.stringify(body)),
  });
  const eviction = (name: string) => ({
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name, namespace: 'default' },
  });

  it('evicts only the named Pod (Terminating until its kubelet is done, then gone) and refuses an Eviction whose name is not the one in the URL', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=3');
    await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=2');
    const names = (await s.run('kubectl get pods -l app=web -o name')).stdout
      .trim()
      .split('\n')
      .map((n) => n.replace('pod/', ''));
    const [a = '', b = ''] = names;
    const path = (n: string) => `/api/v1/namespaces/default/pods/${n}/eviction`;

    const first = await handleApi(s, post(path(a), eviction(a)));
    const terminating = (await s.run('kubectl get pods -l app=web')).stdout;
    await s.run('kubelife clock advance 5s');
    const left = (await s.run('kubectl get pods -l app=web -o name')).stdout;
    const mismatch = await handleApi(s, post(path(b), eviction('other')));

    expect(first).toMatchObject({ status: 201, body: { status: 'Success', code: 201 } });
    expect(terminating).toMatch(new RegExp(`${a} +1/1 +Terminating`));
    expect(left).not.toContain(a);
    for (const n of names.slice(1)) expect(left).toContain(n);
    expect(mismatch).toMatchObject({
      status: 400,
      body: { reason: 'BadRequest', message: 'name in URL does not match name in Eviction object' },
    });
  });

  it('answers 429 TooManyRequests with the DisruptionBudget cause when the budget is spent', async () => {
    const { s, pod } = await blocked();

    const r = await handleApi(
      s,
      post(`/api/v1/namespaces/default/pods/${pod}/eviction`, eviction(pod)),
    );

    expect(r).toMatchObject({
      status: 429,
      body: {
        kind: 'Status',
        reason: 'TooManyRequests',
        message: REFUSED,
        details: { causes: [{ reason: 'DisruptionBudget' }] },
        code: 429,
      },
    });
  });
});
