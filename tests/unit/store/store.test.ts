// The API object store: one generic registry path (upstream:
// staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go — create sets uid,
// creationTimestamp, resourceVersion; update bumps resourceVersion and, on spec changes,
// generation; delete with finalizers only sets deletionTimestamp).
import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  getObject,
  listObjects,
  putObject,
  removeObject,
  type ClusterState,
} from 'kubelife';

const base = (): ClusterState => buildScenario('control-plane-initialized');

const cm = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

describe('API object store', () => {
  it('gives each write the next global resourceVersion and keeps uid and creation on update', () => {
    const s0 = base();
    const rv0 = s0.cluster?.objects?.rv ?? 0;

    const s1 = putObject(s0, 'configmaps', cm('a'));
    const s2 = putObject(s1, 'configmaps', cm('a', { k: 'v' }));

    const first = getObject(s1, 'cm', 'default', 'a');
    const second = getObject(s2, 'configmaps', 'default', 'a');
    expect(first?.metadata.resourceVersion).toBe(String(rv0 + 1));
    expect(second?.metadata.resourceVersion).toBe(String(rv0 + 2));
    expect(second?.metadata.uid).toBe(first?.metadata.uid);
    expect(second?.metadata.creationTimestamp).toBe(first?.metadata.creationTimestamp);
    expect(second?.['data']).toEqual({ k: 'v' });
  });

  it('bumps generation only when the spec changes', () => {
    const dep = (replicas: number) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: { spec: { containers: [] } },
      },
    });
    const s1 = putObject(base(), 'deployments.apps', dep(1));

    const same = putObject(s1, 'deployments.apps', dep(1));
    const scaled = putObject(s1, 'deployments.apps', dep(3));

    expect(getObject(same, 'deploy', 'default', 'web')?.metadata.generation).toBe(1);
    expect(getObject(scaled, 'deploy', 'default', 'web')?.metadata.generation).toBe(2);
  });

  it('deletes at once without finalizers and only marks the object while finalizers remain', () => {
    const held = {
      ...cm('held'),
      metadata: { ...cm('held').metadata, finalizers: ['example.com/x'] },
    };
    const s1 = putObject(putObject(base(), 'configmaps', cm('free')), 'configmaps', held);

    const s2 = removeObject(
      removeObject(s1, 'configmaps', 'default', 'free'),
      'configmaps',
      'default',
      'held',
    );

    expect(getObject(s2, 'configmaps', 'default', 'free')).toBeNull();
    expect(getObject(s2, 'configmaps', 'default', 'held')?.metadata.deletionTimestamp).toMatch(
      /Z$/,
    );
  });

  it('copies one bucket per write and shares every other bucket with the previous state', () => {
    let s = base();
    for (let i = 0; i < 500; i++) s = putObject(s, 'configmaps', cm(`cm-${i}`));
    const before = s.cluster?.objects?.resources['configmaps'] ?? {};

    const after =
      putObject(s, 'configmaps', cm('one-more')).cluster?.objects?.resources['configmaps'] ?? {};

    const changed = Object.keys(after).filter((b) => after[b] !== before[b]);
    expect(changed).toHaveLength(1);
    expect(s.cluster?.objects?.resources['services']).toBe(
      putObject(s, 'configmaps', cm('x')).cluster?.objects?.resources['services'],
    );
  });

  it('lists the objects of a namespace sorted by name, merged with the derived ones', () => {
    const s = putObject(base(), 'configmaps', cm('zz'));

    const names = listObjects(s, 'configmaps', 'default').map((o) => o.metadata.name);

    expect(names).toEqual(['kube-root-ca.crt', 'zz']);
  });
});
