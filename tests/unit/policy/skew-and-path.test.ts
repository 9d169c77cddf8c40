// Rules from kubernetes/website content/en/releases/version-skew-policy.md and the upgrade order
// of content/en/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade.md.
import { describe, expect, it } from 'vitest';

import {
  checkComponentSkew,
  oldestKubeletMinor,
  skewRanges,
} from '../../../src/lib/engine/src/policy/skew.ts';
import { planUpgradePath } from '../../../src/lib/engine/src/policy/upgrade-path.ts';

describe('skewRanges', () => {
  it.each([
    { apiservers: ['v1.31.2'], component: 'kubelet', min: '1.28', max: '1.31' },
    { apiservers: ['v1.27.0'], component: 'kubelet', min: '1.25', max: '1.27' },
    { apiservers: ['v1.26.0'], component: 'kubelet', min: '1.24', max: '1.26' },
    { apiservers: ['v1.31.2', 'v1.30.5'], component: 'kubelet', min: '1.28', max: '1.30' },
    { apiservers: ['v1.31.2', 'v1.30.5'], component: 'kubectl', min: '1.30', max: '1.31' },
    {
      apiservers: ['v1.31.2', 'v1.30.5'],
      component: 'kube-controller-manager',
      min: '1.30',
      max: '1.30',
    },
    { apiservers: ['v1.31.2'], component: 'kube-scheduler', min: '1.30', max: '1.31' },
    { apiservers: ['v1.31.2'], component: 'kube-apiserver', min: '1.30', max: '1.32' },
  ])(
    'allows $component $min..$max with apiservers $apiservers',
    ({ apiservers, component, min, max }) => {
      const ranges = skewRanges(apiservers);

      const r = ranges.find((x) => x.component === component);

      expect([r?.min, r?.max]).toEqual([min, max]);
      expect(r?.source).toContain('version-skew-policy.md');
    },
  );

  it('lets a 1.25 kubelet trail three minors but a 1.24 kubelet only two', () => {
    const results = [28, 27, 26].map(oldestKubeletMinor);

    expect(results).toEqual([25, 25, 24]);
  });
});

describe('checkComponentSkew', () => {
  it.each([
    { component: 'kubelet', version: 'v1.32.0', ok: false },
    { component: 'kubelet', version: 'v1.28.9', ok: true },
    { component: 'kubelet', version: 'v1.27.9', ok: false },
    { component: 'kubectl', version: 'v1.32.1', ok: true },
    { component: 'kubectl', version: 'v1.33.0', ok: false },
    { component: 'cloud-controller-manager', version: 'v1.29.0', ok: false },
  ] as const)(
    'judges $component $version against apiserver v1.31.2 as ok=$ok',
    ({ component, version, ok }) => {
      const finding = checkComponentSkew(['v1.31.2'], component, version);

      expect(finding.ok).toBe(ok);
    },
  );

  it('rejects kube-proxy more than three minors from its kubelet', () => {
    const finding = checkComponentSkew(['v1.33.0'], 'kube-proxy', 'v1.33.0', 'v1.29.0');

    expect(finding.ok).toBe(false);
  });
});

describe('planUpgradePath', () => {
  it('goes to the latest patch first, then one minor at a time', () => {
    const plan = planUpgradePath('v1.34.2', 'v1.36.4', {
      controlPlanes: ['cp-1', 'cp-2'],
      workers: ['w-1'],
    });

    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.steps.map((s) => `${s.kind} ${s.from}->${s.to}`)).toEqual([
      'patch v1.34.2->v1.34.11',
      'minor v1.34.11->v1.35.8',
      'minor v1.35.8->v1.36.4',
    ]);
    const cmds = plan.steps[1]?.actions.map((a) => `${a.on}: ${a.command}`) ?? [];
    expect(cmds).toContain('cp-1: kubeadm upgrade plan');
    expect(cmds).toContain('cp-1: kubeadm upgrade apply v1.35.8 -y');
    expect(cmds).toContain('cp-2: kubeadm upgrade node');
    expect(cmds).toContain('w-1: kubeadm upgrade node');
    expect(cmds.indexOf('cp-1: kubectl drain w-1 --ignore-daemonsets')).toBeLessThan(
      cmds.indexOf('cp-1: kubectl uncordon w-1'),
    );
  });

  it.each([
    { from: 'v1.33.1', to: 'v1.31.3', reason: 'too low' },
    { from: 'v1.33.1', to: 'v1.34.99', reason: 'not a known stable release' },
    { from: 'v1.37.1', to: 'v1.38.0-alpha.2', reason: 'pre-release' },
  ])('refuses $from -> $to ($reason)', ({ from, to, reason }) => {
    const plan = planUpgradePath(from, to);

    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.reasons.join('\n')).toContain(reason);
  });

  it('plans a one-minor downgrade with a warning', () => {
    const plan = planUpgradePath('v1.33.1', 'v1.32.13');

    expect(plan.ok && plan.warnings[0]).toContain('not a supported');
  });
});
