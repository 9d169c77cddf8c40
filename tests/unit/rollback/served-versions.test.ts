// upstream: kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md (flowcontrol
// v1beta2 removed in v1.29, v1beta3 removed in v1.32, v1 since v1.29); kubernetes/kubernetes
// CHANGELOG/CHANGELOG-1.37.md (#138572: scheduling.k8s.io v1alpha2 -> v1alpha3, v1alpha2 dropped);
// cmd/kubeadm/app/phases/upgrade/policy.go (one minor up or down at a time)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  apply,
  apiObjects,
  buildScenario,
  checkUpgradePolicy,
  objectReadable,
  resourceByKind,
  servedVersions,
  serves,
  storageVersion,
  type ClusterState,
  findMachine,
} from 'kubelife';

const flowSchema = resourceByKind('FlowSchema', 'flowcontrol.apiserver.k8s.io')!;
const workload = resourceByKind('Workload', 'scheduling.k8s.io')!;

describe('served API versions per minor', () => {
  it('serves flowcontrol v1beta2 and v1beta3 on v1.28, v1beta3 and v1 on v1.31, only v1 from v1.32', () => {
    const v28 = servedVersions(flowSchema, 28);
    const v31 = servedVersions(flowSchema, 31);
    const v32 = servedVersions(flowSchema, 32);

    expect(v28).toEqual(['v1beta2', 'v1beta3']);
    expect(v31).toEqual(['v1beta3', 'v1']);
    expect(v32).toEqual(['v1']);
  });

  it('serves Workload in scheduling.k8s.io/v1alpha2 on v1.36 and only v1alpha3 on v1.37', () => {
    const v36 = servedVersions(workload, 36);
    const v37 = servedVersions(workload, 37);

    expect(v36).toEqual(['v1alpha2']);
    expect(v37).toEqual(['v1alpha3']);
    expect(serves(workload, 'v1alpha3', 36)).toBe(false);
  });

  it('stores new objects in the newest version the minor serves', () => {
    const stored = [storageVersion(flowSchema, 30), storageVersion(workload, 37)];

    expect(stored).toEqual(['v1', 'v1alpha3']);
  });
});

describe('one-minor downgrade', () => {
  const upgraded = (): ClusterState => buildScenario('upgrade-workers-upgraded');

  it('is allowed by the version policy one minor down (skippable only) and refused two minors down', () => {
    const one = checkUpgradePolicy({
      clusterVersion: 'v1.37.1',
      kubeadmVersion: 'v1.37.1',
      kubeletVersions: ['v1.37.1'],
      targetVersion: 'v1.36.4',
    });
    const two = checkUpgradePolicy({
      clusterVersion: 'v1.37.1',
      kubeadmVersion: 'v1.37.1',
      kubeletVersions: ['v1.37.1'],
      targetVersion: 'v1.35.8',
    });

    expect(one.mandatory).toEqual([]);
    expect(one.skippable.map((v) => v.code)).toEqual(['KubeadmMinorTooNew']);
    expect(two.mandatory.map((v) => v.code)).toEqual([
      'UpgradeVersionBelowMinimum',
      'DowngradeSkewTooLow',
    ]);
  });

  it('leaves a v1alpha3 Workload unreadable on v1.36 and readable again after upgrading back', () => {
    const down = buildScenario('rollback-downgraded');
    const back = buildScenario('rollback-upgraded-back');

    const [before] = apiObjects(down);
    const [after] = apiObjects(back);

    expect(down.cluster?.version).toBe('v1.36.4');
    expect(before?.version).toBe('v1alpha3');
    expect(objectReadable(down, before!)).toBe(false);
    expect(back.cluster?.version).toBe('v1.37.1');
    expect(objectReadable(back, after!)).toBe(true);
    expect(apiObjects(upgraded())).toEqual([]);
  });

  it('does not downgrade etcd: the etcd manifest keeps its newer image', () => {
    const down = buildScenario('rollback-downgraded');

    const manifest = findMachine(down, 'cp-1')?.files['/etc/kubernetes/manifests/etcd.yaml'] ?? '';

    expect(manifest).toContain('registry.k8s.io/etcd:3.7.0-0');
  });

  it('property: after any sequence of upgrades/downgrades kubeadm accepts, every object is readable or its version is not served', () => {
    const targets = ['v1.36.4', 'v1.37.1', 'v1.35.8', 'v1.37.0', 'v1.36.0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...targets), { minLength: 1, maxLength: 4 }), (seq) => {
        let state = buildScenario('rollback-downgraded');
        for (const version of seq) {
          const t = apply(state, {
            type: 'kubeadm.upgrade.apply',
            machine: 'cp-1',
            options: { version, force: true },
          });
          if (t.ok) state = t.state;
          const minor = Number((state.cluster?.version ?? '').split('.')[1]);
          for (const o of apiObjects(state)) {
            const r = resourceByKind(o.kind, o.group)!;
            expect(objectReadable(state, o)).toBe(serves(r, o.version, minor));
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
