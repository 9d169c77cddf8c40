// Property tests over the port of cmd/kubeadm/app/phases/upgrade/policy.go.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkUpgradePolicy } from '../../../src/lib/engine/src/policy/upgrade-policy.ts';

const version = fc
  .tuple(
    fc.integer({ min: 18, max: 40 }),
    fc.nat({ max: 20 }),
    fc.constantFrom('', '-rc.1', '-beta.0'),
  )
  .map(([minor, patch, pre]) => `v1.${minor}.${patch}${pre}`);

// Versions clustered around each other so that accepted cases are common enough to test.
const near = fc
  .record({
    base: fc.integer({ min: 20, max: 36 }),
    dTarget: fc.integer({ min: -2, max: 2 }),
    dKubeadm: fc.integer({ min: -1, max: 1 }),
    patches: fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 })),
    pre: fc.constantFrom('', '', '', '-rc.1'),
    kubeletOffsets: fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 3 }),
  })
  .map(({ base, dTarget, dKubeadm, patches: [p1, p2, p3], pre, kubeletOffsets }) => ({
    cluster: `v1.${base}.${p1}`,
    target: `v1.${base + dTarget}.${p2}${pre}`,
    kubeadm: `v1.${base + dTarget + dKubeadm}.${p3}`,
    kubelets: kubeletOffsets.map((o) => `v1.${base - o}.0`),
  }));

describe('checkUpgradePolicy properties', () => {
  it('accepts a target without violations only within one minor of the cluster and not above kubeadm', () => {
    fc.assert(
      fc.property(
        version,
        version,
        version,
        fc.array(version, { maxLength: 3 }),
        (cluster, kubeadm, target, kubelets) => {
          const result = checkUpgradePolicy({
            clusterVersion: cluster,
            kubeadmVersion: kubeadm,
            kubeletVersions: kubelets,
            targetVersion: target,
          });

          if (result.mandatory.length > 0 || result.skippable.length > 0) return;
          const minor = (v: string) => Number(v.split('.')[1]);
          expect(Math.abs(minor(target) - minor(cluster))).toBeLessThanOrEqual(1);
          expect(minor(target)).toBeLessThanOrEqual(minor(kubeadm));
          expect(minor(target)).toBe(minor(kubeadm));
          expect(target).not.toContain('-');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("accepts clustered versions only within one minor of the cluster, on kubeadm's minor, never a pre-release", () => {
    let accepted = 0;
    fc.assert(
      fc.property(near, ({ cluster, target, kubeadm, kubelets }) => {
        const result = checkUpgradePolicy({
          clusterVersion: cluster,
          kubeadmVersion: kubeadm,
          kubeletVersions: kubelets,
          targetVersion: target,
        });

        if (result.mandatory.length > 0 || result.skippable.length > 0) return;
        accepted++;
        const minor = (v: string) => Number(v.split('.')[1]);
        expect(Math.abs(minor(target) - minor(cluster))).toBeLessThanOrEqual(1);
        expect(minor(target)).toBe(minor(kubeadm));
        expect(target).not.toContain('-');
      }),
      { numRuns: 1000, seed: 42 },
    );

    // The generator exists to reach the accepting branch; a run that never gets there proves nothing.
    expect(accepted).toBeGreaterThan(0);
  });

  it('never reports a prerelease-free too-high jump as skippable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 35 }),
        fc.integer({ min: 2, max: 5 }),
        (minor, jump) => {
          const target = `v1.${minor + jump}.0`;

          const result = checkUpgradePolicy({
            clusterVersion: `v1.${minor}.0`,
            kubeadmVersion: target,
            kubeletVersions: [],
            targetVersion: target,
          });

          expect(result.mandatory.map((v) => v.code)).toContain('UpgradeSkewTooHigh');
        },
      ),
    );
  });
});
