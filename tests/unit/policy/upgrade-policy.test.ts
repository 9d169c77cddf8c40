// Table ported from kubernetes/kubernetes cmd/kubeadm/app/phases/upgrade/policy_test.go
// (TestEnforceVersionPolicies). Upstream's fake constants: minimumKubeletVersion and
// minimumControlPlaneVersion v1.3.0, currentKubernetesVersion v1.4.0. In upstream unit tests
// constants.MinimumControlPlaneVersion is the placeholder v1.0.0-placeholder-version (no build
// version info), so the minimum check never fires there; we pass that placeholder explicitly.
import { describe, expect, it } from 'vitest';

import { checkUpgradePolicy } from '../../../src/lib/engine/src/policy/upgrade-policy.ts';

const placeholder = 'v1.0.0-placeholder-version';

interface Case {
  name: string;
  cluster: string;
  kubelet: string;
  kubeadm: string;
  target: string;
  mandatory?: number;
  skippable?: number;
  allowExperimental?: boolean;
  allowRCs?: boolean;
}

const cases: Case[] = [
  {
    name: 'minor upgrade',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.3.5',
    target: 'v1.3.5',
  },
  {
    name: 'major upgrade',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.2',
    kubeadm: 'v1.4.1',
    target: 'v1.4.0',
  },
  { name: 'downgrade', cluster: 'v1.3.3', kubelet: 'v1.3.0', kubeadm: 'v1.3.3', target: 'v1.3.2' },
  {
    name: 'same version upgrade',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.3.3',
    target: 'v1.3.3',
  },
  {
    name: 'new version must be higher than v1.12.0',
    cluster: 'v1.12.3',
    kubelet: 'v1.12.3',
    kubeadm: 'v1.12.3',
    target: 'v1.10.10',
    mandatory: 1,
    skippable: 1,
  },
  {
    name: 'upgrading two minor versions in one go is not supported',
    cluster: 'v1.11.3',
    kubelet: 'v1.11.3',
    kubeadm: 'v1.13.0',
    target: 'v1.13.0',
    mandatory: 1,
    skippable: 1,
  },
  {
    name: 'downgrading two minor versions in one go is not supported',
    cluster: 'v1.6.0',
    kubelet: 'v1.6.0',
    kubeadm: 'v1.4.0',
    target: 'v1.4.0',
    mandatory: 1,
  },
  {
    name: 'kubeadm version must be higher than the new kube version. However, patch version skews may be forced',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.3.3',
    target: 'v1.3.5',
    skippable: 1,
  },
  {
    name: 'kubeadm version must be higher than the new kube version. Trying to upgrade k8s to a higher minor version than kubeadm itself should never be supported',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.3.3',
    target: 'v1.4.0',
    mandatory: 1,
  },
  {
    name: 'the maximum skew between the cluster version and the kubelet versions should be one minor version. This may be forced through though.',
    cluster: 'v1.12.0',
    kubelet: 'v1.10.8',
    kubeadm: 'v1.12.0',
    target: 'v1.12.0',
    skippable: 1,
  },
  {
    name: 'experimental upgrades supported if the flag is set',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0-beta.1',
    target: 'v1.4.0-beta.1',
    allowExperimental: true,
  },
  {
    name: 'release candidate upgrades supported if the flag is set',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0-rc.1',
    target: 'v1.4.0-rc.1',
    allowRCs: true,
  },
  {
    name: 'release candidate upgrades supported if the experimental flag is set',
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0-rc.1',
    target: 'v1.4.0-rc.1',
    allowExperimental: true,
  },
  {
    name: "the user should not be able to upgrade to an experimental version if they haven't opted into that",
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0-beta.1',
    target: 'v1.4.0-beta.1',
    allowRCs: true,
    skippable: 1,
  },
  {
    name: "the user should not be able to upgrade to an release candidate version if they haven't opted into that",
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0-rc.1',
    target: 'v1.4.0-rc.1',
    skippable: 1,
  },
  {
    name: "the user can't use a newer minor version of kubeadm to upgrade an older version of kubeadm",
    cluster: 'v1.3.3',
    kubelet: 'v1.3.3',
    kubeadm: 'v1.4.0',
    target: 'v1.3.6',
    skippable: 1,
  },
  {
    name: 'build release supported at MinimumControlPlaneVersion',
    cluster: 'v1.3.0',
    kubelet: 'v1.3.0',
    kubeadm: 'v1.3.0+build',
    target: 'v1.3.0+build',
  },
];

describe('checkUpgradePolicy (upstream TestEnforceVersionPolicies)', () => {
  it.each(cases)('$name', (c) => {
    const input = {
      clusterVersion: c.cluster,
      kubeadmVersion: c.kubeadm,
      kubeletVersions: [c.kubelet],
      targetVersion: c.target,
      allowExperimental: c.allowExperimental ?? false,
      allowReleaseCandidates: c.allowRCs ?? false,
      minimumControlPlaneVersion: placeholder,
    };

    const result = checkUpgradePolicy(input);

    expect(result.mandatory).toHaveLength(c.mandatory ?? 0);
    expect(result.skippable).toHaveLength(c.skippable ?? 0);
  });
});

describe('checkUpgradePolicy messages (kubeadm wording)', () => {
  const base = { kubeletVersions: ['v1.31.2'], minimumControlPlaneVersion: placeholder };

  it.each([
    {
      what: 'a two-minor jump',
      input: { clusterVersion: '1.31.2', kubeadmVersion: '1.33.0', targetVersion: '1.33.0' },
      mandatory: [
        'Specified version to upgrade to "v1.33.0" is too high; kubeadm can upgrade only 1 minor version at a time',
      ],
    },
    {
      what: 'a two-minor downgrade',
      input: { clusterVersion: 'v1.33.1', kubeadmVersion: 'v1.31.0', targetVersion: 'v1.31.0' },
      mandatory: [
        'Specified version to downgrade to "v1.31.0" is too low; kubeadm can downgrade only 1 minor version at a time',
      ],
    },
    {
      what: 'a target of a newer minor than kubeadm',
      input: { clusterVersion: 'v1.31.2', kubeadmVersion: 'v1.31.4', targetVersion: 'v1.32.1' },
      mandatory: [
        'Specified version to upgrade to "v1.32.1" is at least one minor release higher than the kubeadm minor release (32 > 31). Such an upgrade is not supported',
      ],
    },
  ])('rejects $what with the upstream message', ({ input, mandatory }) => {
    const result = checkUpgradePolicy({ ...base, ...input });

    expect(result.mandatory.map((v) => v.message)).toEqual(mandatory);
  });

  it('asks to upgrade kubeadm first when only the patch is newer', () => {
    const input = {
      clusterVersion: 'v1.31.2',
      kubeadmVersion: 'v1.31.2',
      targetVersion: 'v1.31.5',
    };

    const result = checkUpgradePolicy({ ...base, ...input });

    expect(result.skippable).toEqual([
      {
        code: 'KubeadmPatchTooOld',
        message:
          'Specified version to upgrade to "v1.31.5" is higher than the kubeadm version "v1.31.2". Upgrade kubeadm first using the tool you used to install kubeadm',
      },
    ]);
  });

  it('reports the minimum version with the cluster version as upstream does', () => {
    const input = {
      clusterVersion: 'v1.31.2',
      kubeadmVersion: 'v1.32.0',
      targetVersion: 'v1.30.9',
    };

    const result = checkUpgradePolicy({ kubeletVersions: ['v1.31.2'], ...input });

    expect(result.mandatory[0]?.message).toBe(
      'Specified version to upgrade to "v1.30.9" is equal to or lower than the minimum supported version "v1.31.2". Please specify a higher version to upgrade to',
    );
  });

  it('names unstable targets without the opt-in flags', () => {
    const input = {
      clusterVersion: 'v1.37.1',
      kubeadmVersion: 'v1.38.0-alpha.2',
      targetVersion: 'v1.38.0-alpha.2',
    };

    const result = checkUpgradePolicy({ ...base, ...input, kubeletVersions: ['v1.37.1'] });

    expect(result.skippable.map((v) => v.message)).toEqual([
      'Specified version to upgrade to "v1.38.0-alpha.2" is an unstable version and such upgrades weren\'t allowed via setting the --allow-*-upgrades flags',
    ]);
  });
});

describe('kubelet skew limit depends on the kubeadm version', () => {
  it.each([
    { kubeadm: 'v1.28.4', target: 'v1.28.4', kubelets: ['v1.26.3'], tooOld: '[v1.26.3]' },
    {
      kubeadm: 'v1.29.0',
      target: 'v1.29.0',
      kubelets: ['v1.26.3', 'v1.25.9', 'v1.26.3'],
      tooOld: '[v1.25.9]',
    },
    {
      kubeadm: 'v1.33.2',
      target: 'v1.33.2',
      kubelets: ['v1.29.1', 'v1.30.0', 'v1.28.0'],
      tooOld: '[v1.29.1 v1.28.0]',
    },
  ])(
    'kubeadm $kubeadm lists kubelets $tooOld as too old',
    ({ kubeadm, target, kubelets, tooOld }) => {
      const input = {
        clusterVersion: target,
        kubeadmVersion: kubeadm,
        kubeletVersions: kubelets,
        targetVersion: target,
      };

      const result = checkUpgradePolicy(input);

      expect(result.skippable).toEqual([
        {
          code: 'KubeletsTooOld',
          message: `There are kubelets in this cluster that are too old that have these versions ${tooOld}`,
        },
      ]);
    },
  );

  it('accepts a kubelet three minors behind with kubeadm v1.29 or newer', () => {
    const input = {
      clusterVersion: 'v1.31.0',
      kubeadmVersion: 'v1.32.0',
      kubeletVersions: ['v1.29.0'],
      targetVersion: 'v1.32.0',
    };

    const result = checkUpgradePolicy(input);

    expect(result).toEqual({ mandatory: [], skippable: [] });
  });

  it('honours an explicit maxKubeletSkew override', () => {
    const input = {
      clusterVersion: 'v1.31.0',
      kubeadmVersion: 'v1.32.0',
      kubeletVersions: ['v1.30.0'],
      targetVersion: 'v1.32.0',
      maxKubeletSkew: 1,
    };

    const result = checkUpgradePolicy(input);

    expect(result.skippable.map((v) => v.code)).toEqual(['KubeletsTooOld']);
  });

  it('reports an unknown kubelet list as skippable', () => {
    const input = {
      clusterVersion: 'v1.31.0',
      kubeadmVersion: 'v1.32.0',
      kubeletVersions: null,
      targetVersion: 'v1.32.0',
    };

    const result = checkUpgradePolicy(input);

    expect(result.skippable.map((v) => v.code)).toEqual(['KubeletVersionUnparsable']);
  });
});

describe('input validation', () => {
  it.each(['1.31.2.1', 'v1.31', 'latest', ''])('throws InvalidVersion for target %j', (target) => {
    const input = {
      clusterVersion: 'v1.31.0',
      kubeadmVersion: 'v1.32.0',
      kubeletVersions: [],
      targetVersion: target,
    };

    const act = () => checkUpgradePolicy(input);

    expect(act).toThrow(expect.objectContaining({ code: 'InvalidVersion' }));
  });
});
