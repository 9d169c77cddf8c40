import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { releaseTrack, releaseTrackMinors, trackVariables } from 'kubelife';

import { templatize } from '../../../scripts/lib/templatize.ts';
import { fillVariables } from 'kubelife/doctest';

const vars = trackVariables(releaseTrack());
const values = Object.values(vars).filter((v) => v !== '');

describe('turning a literal output back into a template', () => {
  it('replaces the versions of the track with their variables', () => {
    expect(templatize('kubeadm upgrade apply v1.37.1 from v1.36.4', vars)).toBe(
      'kubeadm upgrade apply {{version}} from {{prevVersion}}',
    );
    expect(templatize("kubeadm='1.37.1-1.1'", vars)).toBe("kubeadm='{{debVersion}}'");
  });

  it('leaves a version alone inside a longer version or an address', () => {
    expect(templatize('v1.37.10 and 10.1.37.1', vars)).toBe('v1.37.10 and 10.1.37.1');
  });

  it('gives back the same text when filled for the same track (any text, any versions in it)', () => {
    const fragment = fc.oneof(
      fc.constantFrom(...values),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes('{') && !s.includes('}')),
      fc.constantFrom(' ', '\n', ':', '=', "'", '/', '-', '.'),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        return fillVariables(templatize(text, vars), vars) === text;
      }),
    );
  });

  it('renders a template for every release without leaving a variable behind', () => {
    const template = templatize('Cluster version: 1.36.4, target v1.37.1, etcd 3.7.0-0', vars);
    for (const minor of releaseTrackMinors()) {
      const filled = fillVariables(template, trackVariables(releaseTrack(minor)));
      expect(filled).not.toContain('{{');
    }
  });
});
