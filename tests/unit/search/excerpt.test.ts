import { describe, expect, it } from 'vitest';

import { excerptParts } from '../../../src/lib/search/excerpt.ts';

describe('search excerpts', () => {
  it('splits Pagefind marks into marked text parts', () => {
    const parts = excerptParts('run <mark>kubeadm</mark> init &amp; join');

    expect(parts).toEqual([
      { text: 'run ', marked: false },
      { text: 'kubeadm', marked: true },
      { text: ' init & join', marked: false },
    ]);
  });

  it('keeps escaped markup as text and drops any other tag', () => {
    const parts = excerptParts(
      '&lt;img src=x onerror=alert(1)&gt;<img src=x onerror=alert(2)><b>b</b>',
    );

    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)>b');
    expect(parts.every((p) => !p.marked)).toBe(true);
  });

  it('decodes numeric character references', () => {
    expect(excerptParts('&#39;a&#x27;')).toEqual([{ text: "'a'", marked: false }]);
  });
});
