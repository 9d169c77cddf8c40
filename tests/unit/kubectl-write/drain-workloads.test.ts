/**
 * `kubectl drain` of a node that runs a reader's Pods, through upstream's filters
 * (staging/src/k8s.io/kubectl/pkg/drain/filters.go and drain.go, v1.33: daemonSetFilter,
 * mirrorPodFilter, localStorageFilter, unreplicatedFilter; PodDeleteList errors() and
 * Warnings()). Judged identical by the real kubectl v1.33 in parity corpus/drain-workloads.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

async function withWorkloads() {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run('kubectl create deployment web --image=nginx --replicas=3');
  await s.run('kubectl run solo --image=nginx');
  return s;
}

const nodesOf = async (s: ReturnType<typeof createSession>, prefix: string) =>
  (
    await s.run(
      'kubectl get pods -o jsonpath=\'{range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}\'',
    )
  ).stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith(prefix));

describe('kubectl drain with a reader’s Pods on the node', () => {
  it('refuses a Pod that declares no controller, with upstream’s doubled wording, and leaves every Pod in place', async () => {
    const s = await withWorkloads();
    const solo = (await nodesOf(s, 'solo'))[0]?.split(' ')[1] ?? '';
    const before = await nodesOf(s, 'web');
    const r = await s.run(`kubectl drain ${solo} --ignore-daemonsets`);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      `error: unable to drain node "${solo}" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...`,
    );
    expect(await nodesOf(s, 'web')).toEqual(before);
  });

  it('evicts a Deployment’s Pods, which its ReplicaSet recreates on another schedulable node', async () => {
    const s = await withWorkloads();
    await s.run('kubectl delete pod solo');
    const r = await s.run('kubectl drain worker-1 --ignore-daemonsets');
    const web = await nodesOf(s, 'web');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/evicting pod default\/web-/);
    expect(r.stdout).toMatch(/node\/worker-1 drained\n$/);
    expect(web).toHaveLength(3);
    expect(web.every((l) => l.endsWith(' worker-2'))).toBe(true);
  });

  it('with --force deletes the bare Pod for good and warns about it', async () => {
    const s = await withWorkloads();
    const solo = (await nodesOf(s, 'solo'))[0]?.split(' ')[1] ?? '';
    const r = await s.run(`kubectl drain ${solo} --ignore-daemonsets --force --timeout=30s`);

    expect(r.stderr).toMatch(
      /^Warning: deleting Pods that declare no controller: default\/solo; ignoring DaemonSet-managed Pods: /m,
    );
    expect(r.stdout).toContain('pod/solo evicted');
    expect(await nodesOf(s, 'solo')).toEqual([]);
  });

  it('refuses a Pod with an emptyDir volume unless --delete-emptydir-data', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `kubectl apply -f - <<'END'\n${[
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: cache}',
        'spec:',
        '  selector: {matchLabels: {app: cache}}',
        '  template:',
        '    metadata: {labels: {app: cache}}',
        '    spec:',
        '      containers: [{name: redis, image: redis}]',
        '      volumes: [{name: data, emptyDir: {}}]',
      ].join('\n')}\nEND`,
    );
    const node = (await nodesOf(s, 'cache'))[0]?.split(' ')[1] ?? '';
    const refused = await s.run(`kubectl drain ${node} --ignore-daemonsets`);
    const done = await s.run(`kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data`);

    expect(refused.stderr).toMatch(
      /cannot delete Pods with local storage \(use --delete-emptydir-data to override\): default\/cache-/,
    );
    expect(done.stderr).toMatch(/deleting Pods with local storage: default\/cache-/);
    expect(done.exitCode).toBe(0);
  });
});
