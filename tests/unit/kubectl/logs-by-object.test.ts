// kubectl logs of a workload or by selector: kubectl picks the Pods (SelectorsForObject,
// GetFirstPod with podutils.ByLogging) and the container (default-container annotation,
// "Defaulted container … out of: …"), and prefixes lines with --prefix.
// upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go, helpers.go,
// staging/src/k8s.io/kubectl/pkg/util/podutils/podutils.go, pkg/cmd/logs/logs.go.
import { describe, expect, it } from 'vitest';
import { createSession, podSelectorOf, podsByLogging, type ApiObject } from 'kubelife';
import { defaultContainer } from '../../../src/lib/engine/shell/commands/kubectl-log-text.ts';

const pod = (
  name: string,
  o: { node?: string; phase?: string; ready?: string; born?: string; restarts?: number },
): ApiObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: o.born ?? '2025-01-01T00:00:00Z' },
    spec: { nodeName: o.node ?? 'n1', containers: [{ name: 'c' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
    },
  }) as unknown as ApiObject;

describe('kubectl logs by object', () => {
  it('orders Pods as ByLogging: assigned, Running, ready longest, most restarts, oldest', () => {
    const order = podsByLogging([
      pod('unassigned', { node: '' }),
      pod('pending', { phase: 'Pending' }),
      pod('not-ready', {}),
      pod('ready-late', { ready: '2025-01-01T00:05:00Z' }),
      pod('ready-early', { ready: '2025-01-01T00:01:00Z' }),
    ]).map((p) => p.metadata.name);

    expect(order).toEqual(['ready-early', 'ready-late', 'not-ready', 'pending', 'unassigned']);
    expect(
      podsByLogging([
        pod('young', { born: '2025-01-02T00:00:00Z' }),
        pod('restarted', { restarts: 2 }),
        pod('old', {}),
      ]).map((p) => p.metadata.name),
    ).toEqual(['restarted', 'old', 'young']);
  });

  it('reads the selector of workloads and Services, and refuses kinds without one', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } } },
    } as unknown as ApiObject;
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
    } as unknown as ApiObject;
    const headless = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: {},
    } as unknown as ApiObject;

    expect(podSelectorOf(deploy, false)).toEqual({
      ok: true,
      requirements: [{ key: 'app', op: '=', values: ['web'] }],
    });
    expect(podSelectorOf(cm, false)).toEqual({
      ok: false,
      message: 'cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented',
    });
    expect(podSelectorOf(headless, false)).toEqual({
      ok: false,
      message:
        "cannot get the logs from *v1.Service: invalid service 's': Service is defined without a selector",
    });
    const custom = podSelectorOf(cm, true);
    expect(custom.ok ? '' : custom.message).toContain('*unstructured.Unstructured');
  });

  it('defaults to the annotated container, else the first, saying so when there was a choice', () => {
    const two = {
      ...pod('p', {}),
      spec: {
        containers: [{ name: 'app' }, { name: 'sidecar' }],
        initContainers: [{ name: 'setup' }],
      },
    } as unknown as ApiObject;
    const annotated = {
      ...two,
      metadata: {
        ...two.metadata,
        annotations: { 'kubectl.kubernetes.io/default-container': 'sidecar' },
      },
    } as unknown as ApiObject;

    expect(defaultContainer(two, false)).toEqual({
      container: 'app',
      notices: ['Defaulted container "app" out of: app, sidecar, setup (init)'],
    });
    expect(defaultContainer(two, true).notices).toEqual([]);
    expect(defaultContainer(annotated, false)).toEqual({ container: 'sidecar', notices: [] });
  });

  it("reads the first of a Deployment's Pods and says how many there were", async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl logs -n kube-system deploy/coredns');

    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/coredns-/);
  });

  it('prefixes every line with its Pod and container, and reads the last 10 lines by selector', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl logs -n kube-system -l component=kube-scheduler --prefix');

    const lines = r.stdout.trimEnd().split('\n');
    expect(r.exitCode).toBe(0);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.every((l) => l.startsWith('[pod/kube-scheduler-cp-1/kube-scheduler] I'))).toBe(
      true,
    );
  });

  it('cuts the log at --limit-bytes, inside a line', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl logs -n kube-system kube-apiserver-cp-1 --limit-bytes=12');

    expect(r.stdout.replace(/\n$/, '')).toHaveLength(12);
  });
});
