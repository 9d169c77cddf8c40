/**
 * The one output comparison of the doc-tests, used by every backend: normalise both texts (line
 * endings, trailing spaces, trailing blank lines), mask what legitimately differs (masks.ts; none
 * for the deterministic simulator), and return a unified diff of what still differs.
 */
import { droppedBy, maskLine, masksFor, type Mask } from './masks.ts';
import { normalizeOutput } from './snippets.ts';
import { unifiedDiff } from './text-diff.ts';

/** What a comparison found. */
export interface Comparison {
  /** Unified diff (- page, + machine) of what differs after masking; '' when equal. */
  readonly diff: string;
  /** Names of the masks that made a printed line equal to the page's (so nothing is masked silently). */
  readonly masked: readonly string[];
}

/** Options of {@link compareOutput}. */
export interface CompareOptions {
  /** Masks to apply (default none: exact comparison). Scoped masks apply when a command matches. */
  readonly masks?: readonly Mask[];
  /** The snippet's commands, for scoped masks. */
  readonly commands?: readonly string[];
  /** Names of the two sides in the diff header. */
  readonly labels?: readonly [string, string];
}

/** Compares a page's expected output with what a backend printed. */
export function compareOutput(
  expected: string,
  actual: string,
  options: CompareOptions = {},
): Comparison {
  const masks = masksFor(options.masks ?? [], options.commands ?? []);
  const masked = new Set<string>();
  const keep = (text: string, side: 'page' | 'machine'): string[] =>
    normalizeOutput(text)
      .split('\n')
      .filter((line) => {
        const by = droppedBy(line, masks);
        if (by !== undefined && side === 'machine') masked.add(by);
        return by === undefined;
      });
  const want = keep(expected, 'page');
  const got = keep(actual, 'machine');
  const key = (line: string): string => maskLine(line, masks).text;
  const diff = unifiedDiff(want.join('\n'), got.join('\n'), {
    key,
    ...(options.labels ? { labels: options.labels } : {}),
  });
  // A mask is named when, without it, a printed line would no longer equal the page's line.
  const verbatim = new Set(want);
  const byKey = new Map(want.map((line) => [key(line), line] as const));
  for (const line of got) {
    const page = verbatim.has(line) ? undefined : byKey.get(key(line));
    if (page === undefined) continue;
    const needed = masks.filter((mask) => {
      const without = masks.filter((m) => m !== mask);
      return maskLine(line, without).text !== maskLine(page, without).text;
    });
    // Where masks overlap (a hash is also long hex) none alone is needed: name every one used.
    const named =
      needed.length > 0
        ? needed.map((m) => m.name)
        : [...maskLine(line, masks).applied, ...maskLine(page, masks).applied];
    for (const name of named) masked.add(name);
  }
  return { diff, masked: [...masked] };
}
