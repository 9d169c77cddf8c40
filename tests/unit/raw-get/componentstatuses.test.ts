// `kubectl get componentstatuses` (v1, deprecated in v1.19): the registry probes the components
// on each read. upstream: pkg/registry/core/componentstatus/rest.go (getComponentStatus, Get:
// `Component not found: NAME`), validator.go (HttpServer/EtcdServer DoServerCheck),
// pkg/probe/http/http.go (a transport error is a Failure whose data is the error text),
// pkg/printers/internalversion/printers.go (printComponentStatus: NAME STATUS MESSAGE ERROR).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const WARNING = 'Warning: v1 ComponentStatus is deprecated in v1.19+';

describe('kubectl get componentstatuses', () => {
  it('lists controller-manager, scheduler and etcd-0 as Healthy with the deprecation warning', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run('kubectl get cs');
    expect(r.stderr.trimEnd()).toBe(WARNING);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([
      'NAME                 STATUS    MESSAGE   ERROR',
      'controller-manager   Healthy   ok',
      'scheduler            Healthy   ok',
      'etcd-0               Healthy   ok',
    ]);
  });

  it('shows a stopped scheduler as Unhealthy with the probe Get error as its message', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/');
    const r = await s.run('kubectl get componentstatuses scheduler -o json');
    expect(JSON.parse(r.stdout)).toEqual({
      apiVersion: 'v1',
      conditions: [
        {
          message:
            'Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused',
          status: 'False',
          type: 'Healthy',
        },
      ],
      kind: 'ComponentStatus',
      metadata: { creationTimestamp: null, name: 'scheduler' },
    });
  });

  it('shows a stopped controller-manager on port 10257', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/kube-controller-manager.yaml /tmp/');
    const r = await s.run('kubectl get cs controller-manager');
    expect(r.stdout).toMatch(
      /controller-manager {3}Unhealthy {3}Get "https:\/\/127\.0\.0\.1:10257\/healthz": dial tcp 127\.0\.0\.1:10257: connect: connection refused/,
    );
  });

  it('still answers without etcd, etcd-0 Unhealthy with the prober error in ERROR', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/etcd.yaml /tmp/');
    const r = await s.run('kubectl get cs etcd-0');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n')[1]).toMatch(
      /^etcd-0 +Unhealthy +error getting data from etcd: context deadline exceeded$/,
    );
  });

  it('answers an unknown name with the registry plain error, no reason', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run('kubectl get cs nope');
    expect(r.stderr.trimEnd()).toBe(`${WARNING}\nError from server: Component not found: nope`);
    expect(r.exitCode).toBe(1);
  });
});

describe('componentstatuses through the raw path', () => {
  it('serves the unknown-name error as a Status without a reason, which kubectl prints reason-less', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('mv /etc/kubernetes/manifests/etcd.yaml /tmp/');
    const r = await s.run('kubectl get --raw /api/v1/componentstatuses/nope');
    expect(r.stderr.trimEnd()).toBe(`${WARNING}\nError from server: Component not found: nope`);
    const list = await s.run('kubectl get --raw /api/v1/componentstatuses');
    expect(JSON.parse(list.stdout)).toMatchObject({ kind: 'ComponentStatusList', metadata: {} });
  });
});
