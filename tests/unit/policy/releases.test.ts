// Facts from kubernetes/kubernetes CHANGELOG/CHANGELOG-1.NN.md, cmd/kubeadm/app/constants/constants.go,
// cmd/kubeadm/app/images/images.go, cmd/kubeadm/app/util/version.go and kubernetes/website
// data/releases/eol.yaml (see release-catalog.ts for per-field evidence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_KUBERNETES_VERSION,
  etcdVersionFor,
  imagesFor,
  isKnownRelease,
  latestStable,
  newestMinors,
  releaseCatalog,
  resolveVersionLabel,
  stableForMinor,
  supportedMinors,
} from '../../../src/lib/engine/src/model/releases.ts';
import { parseVersion } from '../../../src/lib/engine/src/model/version.ts';

describe('release catalog', () => {
  it('covers every minor from 1.20 to 1.38 in order and is plain JSON', () => {
    const minors = releaseCatalog.map((m) => m.minor);

    expect(minors[0]).toBe('1.20');
    expect(minors.at(-1)).toBe('1.38');
    expect(minors).toHaveLength(19);
    expect(JSON.parse(JSON.stringify(releaseCatalog))).toEqual(releaseCatalog);
  });

  it('never treats a pre-release-only minor as stable', () => {
    const latest = latestStable();

    expect(latest).toBe('v1.37.1');
    expect(DEFAULT_KUBERNETES_VERSION).toBe(latest);
    expect(stableForMinor('1.38')).toBeUndefined();
    expect(newestMinors()).toEqual(['1.37', '1.36', '1.35']);
  });

  it.each([
    ['1.20', 'v1.20.15'],
    ['v1.31', 'v1.31.14'],
    ['1.33', 'v1.33.12'],
  ])('knows the final patch of %s', (minor, patch) => {
    expect(stableForMinor(minor)).toBe(patch);
  });

  it('lists supported minors at an injected date', () => {
    const result = supportedMinors('2026-09-01');

    expect(result).toEqual(['1.37', '1.36', '1.35', '1.34']);
  });

  it.each([
    ['v1.31.2', true],
    ['1.31.2', true],
    ['v1.38.0-alpha.2', true],
    ['v1.38.0', false],
    ['v1.31.99', false],
    ['1.31.2.1', false],
  ])('isKnownRelease(%s) is %s', (v, known) => {
    expect(isKnownRelease(v)).toBe(known);
  });

  it.each([
    ['v1.20.4', '3.4.13-0'],
    ['1.31.0', '3.5.24-0'],
    ['v1.99.0', '3.7.0-0'],
    ['v1.10.0', '3.4.13-0'],
  ])('pairs %s with etcd %s', (k8s, etcd) => {
    expect(etcdVersionFor(k8s)).toBe(etcd);
  });
});

describe('imagesFor (kubeadm config images list)', () => {
  it('prints the control-plane images in kubeadm order', () => {
    const images = imagesFor('1.31.2');

    expect(images).toEqual([
      'registry.k8s.io/kube-apiserver:v1.31.2',
      'registry.k8s.io/kube-controller-manager:v1.31.2',
      'registry.k8s.io/kube-scheduler:v1.31.2',
      'registry.k8s.io/kube-proxy:v1.31.2',
      'registry.k8s.io/coredns/coredns:v1.11.3',
      'registry.k8s.io/pause:3.10',
      'registry.k8s.io/etcd:3.5.24-0',
    ]);
  });

  it('uses the flat coredns name in a custom repository', () => {
    const images = imagesFor('v1.31.2', 'registry.example.com/k8s');

    expect(images[4]).toBe('registry.example.com/k8s/coredns:v1.11.3');
  });
});

describe('resolveVersionLabel', () => {
  it.each([
    ['v1.31.2', 'v1.37.1', 'v1.31.2'],
    ['1.31.2', 'v1.37.1', 'v1.31.2'],
    ['stable', 'v1.37.1', 'v1.37.1'],
    ['stable-1', 'v1.37.1', 'v1.37.1'],
    ['stable-1.31', 'v1.37.1', 'v1.31.14'],
    ['release/stable-1.36', 'v1.37.1', 'v1.36.4'],
    ['latest', 'v1.38.0-alpha.2', 'v1.38.0-alpha.2'],
    ['latest-1.37', 'v1.37.1', 'v1.37.1'],
  ])('resolves %s with kubeadm %s to %s', (label, kubeadm, expected) => {
    const result = resolveVersionLabel(label, kubeadm);

    expect(result.version).toBe(expected);
  });

  it('falls back to stable-<kubeadm minor> when the label is newer than kubeadm', () => {
    const result = resolveVersionLabel('stable-1', 'v1.35.2');

    expect(result.version).toBe('v1.35.8');
    expect(result.info).toEqual([
      'remote version is much newer: v1.37.1; falling back to: stable-1.35',
    ]);
  });

  it('falls back to the client version when the label cannot be resolved', () => {
    const result = resolveVersionLabel('stable-1.99', 'v1.36.0');

    expect(result.version).toBe('v1.36.0');
    expect(result.warnings[1]).toBe('falling back to the local client version: v1.36.0');
  });

  it('rejects strings that are neither versions nor labels', () => {
    const act = () => resolveVersionLabel('newest', 'v1.37.1');

    expect(act).toThrow(
      'version "newest" doesn\'t match patterns for neither semantic version nor labels (stable, latest, ...)',
    );
  });
});

describe('version properties', () => {
  it('never parses four numeric fields', () => {
    const part = fc.nat({ max: 999 });

    fc.assert(
      fc.property(part, part, part, part, fc.boolean(), (a, b, c, d, v) => {
        const text = `${v ? 'v' : ''}${a}.${b}.${c}.${d}`;
        expect(() => parseVersion(text)).toThrow(
          expect.objectContaining({ code: 'InvalidVersion' }),
        );
      }),
    );
  });
});

describe('images a kubeadm binary lists', () => {
  it('takes CoreDNS and pause from the kubeadm binary, not from the version listed', () => {
    const older = imagesFor('v1.35.8', undefined, 'v1.34.11');

    expect(older).toContain('registry.k8s.io/coredns/coredns:v1.12.1');
    expect(older).toContain('registry.k8s.io/kube-apiserver:v1.35.8');
  });

  it('falls back to the newest etcd a kubeadm knows for a newer minor', () => {
    expect(imagesFor('v1.37.1', undefined, 'v1.36.4')).toContain('registry.k8s.io/etcd:3.6.9-0');
    expect(imagesFor('v1.37.1', undefined, 'v1.37.1')).toContain('registry.k8s.io/etcd:3.7.0-0');
    expect(imagesFor('v1.36.4', undefined, 'v1.37.1')).toContain('registry.k8s.io/etcd:3.6.9-0');
  });
});
