// Table ported from kubernetes/kubernetes cmd/kubeadm/app/preflight/checks_test.go
// (TestKubeletVersionCheck), with its fake constants: minimumKubeletVersion and
// minimumControlPlaneVersion v1.3.0, currentKubernetesVersion v1.4.0.
import { describe, expect, it } from 'vitest';

import {
  checkKubeletVersion,
  minimumKubeletVersionFor,
} from '../../../src/lib/engine/src/policy/kubelet-version-check.ts';

describe('checkKubeletVersion (upstream TestKubeletVersionCheck)', () => {
  it.each([
    { kubelet: 'v1.4.2', cp: '', errors: false, why: 'no control-plane information' },
    { kubelet: 'v1.1.0', cp: 'v1.11.8', errors: true, why: 'too old kubelet' },
    {
      kubelet: 'v1.3.0',
      cp: '1.3.5',
      errors: false,
      why: 'kubelet within same major.minor as control plane',
    },
    { kubelet: 'v1.3.5', cp: '1.3.1', errors: false, why: 'newer patch within same major.minor' },
    {
      kubelet: 'v1.3.0',
      cp: '1.4.1',
      errors: false,
      why: 'older than control plane, newer than minimum',
    },
    {
      kubelet: 'v1.4.0-alpha.1',
      cp: '1.3.1',
      errors: true,
      why: 'newer development build than control plane',
    },
    { kubelet: 'v1.4.0', cp: '1.3.5', errors: true, why: 'newer release than control plane' },
  ])('$kubelet against $cp: $why', ({ kubelet, cp, errors }) => {
    const input = {
      kubeletVersion: kubelet,
      controlPlaneVersion: cp,
      minimumKubeletVersion: 'v1.3.0',
    };

    const result = checkKubeletVersion(input);

    expect(result.errors.length > 0).toBe(errors);
    expect(result.warnings).toEqual([]);
  });
});

describe('checkKubeletVersion messages', () => {
  it('prints the too-old message with the unprefixed version', () => {
    const input = { kubeletVersion: 'v1.1.0', minimumKubeletVersion: 'v1.3.0' };

    const result = checkKubeletVersion(input);

    expect(result.errors).toEqual([
      'Kubelet version "1.1.0" is lower than kubeadm can support. Please upgrade kubelet',
    ]);
  });

  it('prints the newer-than-control-plane message', () => {
    const input = {
      kubeletVersion: '1.32.0',
      controlPlaneVersion: 'v1.31.4',
      kubeadmVersion: 'v1.32.0',
    };

    const result = checkKubeletVersion(input);

    expect(result.errors).toEqual([
      'the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunctional cluster. Kubelet version: "1.32.0" Control plane version: "1.31.4"',
    ]);
  });

  it.each([
    { kubeadm: 'v1.28.3', minimum: 'v1.27.0' },
    { kubeadm: 'v1.29.0', minimum: 'v1.26.0' },
    { kubeadm: 'v1.37.1', minimum: 'v1.34.0' },
  ])('derives MinimumKubeletVersion $minimum for kubeadm $kubeadm', ({ kubeadm, minimum }) => {
    const result = minimumKubeletVersionFor(kubeadm);

    expect(result).toBe(minimum);
  });
});
