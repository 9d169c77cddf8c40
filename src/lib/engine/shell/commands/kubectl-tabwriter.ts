/**
 * kubectl's table alignment: printers.GetNewTabWriter (text/tabwriter with minwidth 6, padding
 * 3, padded with spaces): a column is as wide as its widest cell plus 3, and at least 6; the
 * last cell of a row is not padded.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go.
 */

/** Aligns rows of cells into kubectl's table text (no trailing newline). */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, c.length + 3, 6);
    });
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(''))
    .join('\n');
}
