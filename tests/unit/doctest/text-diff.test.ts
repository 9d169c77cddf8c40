import { describe, expect, it } from 'vitest';
import { unifiedDiff } from 'kubelife/doctest';

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb', 'a\nb')).toBe('');
  });

  it('prints diff -u headers, a hunk header and -/+ lines', () => {
    const diff = unifiedDiff('one\ntwo\nthree', 'one\n2\nthree', { labels: ['page', 'host'] });

    expect(diff).toBe(
      ['--- page', '+++ host', '@@ -1,3 +1,3 @@', ' one', '-two', '+2', ' three'].join('\n'),
    );
  });

  it('splits far-apart changes into separate hunks with three lines of context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[1] = 'changed 1';
    b[18] = 'changed 18';

    const diff = unifiedDiff(a.join('\n'), b.join('\n'));

    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual([
      '@@ -1,5 +1,5 @@',
      '@@ -16,5 +16,5 @@',
    ]);
  });

  it('compares by key but shows the lines as printed', () => {
    const key = (line: string): string => line.replace(/\d+/g, 'N');

    expect(unifiedDiff('took 5', 'took 7', { key })).toBe('');
    expect(unifiedDiff('took 5\nx', 'took 7\ny', { key })).toContain(' took 7\n-x\n+y');
  });

  it('shows a missing last line as a removal', () => {
    expect(unifiedDiff('a\nb', 'a')).toContain('@@ -1,2 +1,1 @@\n a\n-b');
  });
});
