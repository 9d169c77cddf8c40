/**
 * A unified diff (`diff -u` layout: `---`/`+++` labels, `@@ -a,b +c,d @@` hunks, ` `/`-`/`+`
 * lines) for readable doc-test failures: `-` lines are what the page expects, `+` lines what the
 * backend printed. Lines are matched by a key (by default the line itself; the masked comparison
 * passes the masked line), but the diff always shows the lines as written and as printed.
 */

/** Options of {@link unifiedDiff}. */
export interface DiffOptions {
  /** Unchanged lines shown around each change (default 3, as `diff -u`). */
  readonly context?: number;
  /** What two lines are compared by (default: the line itself). */
  readonly key?: (line: string) => string;
  /** Names of the two sides for the `---` and `+++` header lines. */
  readonly labels?: readonly [string, string];
}

type Op = {
  readonly tag: ' ' | '-' | '+';
  readonly text: string;
  readonly a: number;
  readonly b: number;
};

function editScript(a: readonly string[], b: readonly string[], ka: string[], kb: string[]): Op[] {
  // Longest common subsequence table, sized for guide snippets (hundreds of lines at most).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] =
        ka[i] === kb[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      // Equal by key: show the side that was printed, so masked values are visible as printed.
      ops.push({ tag: ' ', text: b[j] ?? '', a: i++, b: j++ });
    } else if (
      i < a.length &&
      (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
    ) {
      ops.push({ tag: '-', text: a[i] ?? '', a: i++, b: j });
    } else {
      ops.push({ tag: '+', text: b[j] ?? '', a: i, b: j++ });
    }
  }
  return ops;
}

function hunkHeader(ops: readonly Op[]): string {
  const first = ops[0];
  const aLen = ops.filter((o) => o.tag !== '+').length;
  const bLen = ops.filter((o) => o.tag !== '-').length;
  const aStart = first ? (aLen === 0 ? first.a : first.a + 1) : 0;
  const bStart = first ? (bLen === 0 ? first.b : first.b + 1) : 0;
  return `@@ -${aStart},${aLen} +${bStart},${bLen} @@`;
}

/**
 * Returns a unified diff of `expected` and `actual` (split on newlines), or '' when every line
 * is equal by the key.
 */
export function unifiedDiff(expected: string, actual: string, options: DiffOptions = {}): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const key = options.key ?? ((line: string) => line);
  const ka = a.map(key);
  const kb = b.map(key);
  if (ka.length === kb.length && ka.every((k, i) => k === kb[i])) return '';
  const ops = editScript(a, b, ka, kb);
  const context = options.context ?? 3;
  const hunks: Op[][] = [];
  let current: Op[] = [];
  let lastChange = -Infinity;
  ops.forEach((op, k) => {
    const nearNext = ops.slice(k + 1, k + 1 + context).some((o) => o.tag !== ' ');
    if (op.tag !== ' ' || k - lastChange <= context || nearNext) {
      if (op.tag !== ' ') lastChange = k;
      current.push(op);
    } else if (current.length > 0) {
      hunks.push(current);
      current = [];
    }
  });
  if (current.length > 0) hunks.push(current);
  const [left, right] = options.labels ?? ['expected', 'actual'];
  const out = [`--- ${left}`, `+++ ${right}`];
  for (const hunk of hunks) {
    out.push(hunkHeader(hunk), ...hunk.map((o) => `${o.tag}${o.text}`));
  }
  return out.join('\n');
}
