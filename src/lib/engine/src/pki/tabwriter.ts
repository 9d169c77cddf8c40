/**
 * Go text/tabwriter (flags 0, padchar ' ') for tab-separated lines: a cell is text terminated by
 * a tab; text after the last tab is not aligned. Columns are aligned per block of consecutive
 * lines that have a cell in that column (Go's recursive format()), so a blank line splits tables.
 */

/** tabwriter.NewWriter parameters (padchar is always ' ' here). */
export interface TabwriterOptions {
  readonly minwidth: number;
  readonly tabwidth: number;
  readonly padding: number;
}

/** Formats lines (without trailing newlines) and returns the text with a newline per line. */
export function formatTabwriter(lines: readonly string[], options: TabwriterOptions): string {
  const rows = lines.map((l) => l.split('\t'));
  const widths: number[][] = rows.map(() => []);
  format(rows, widths, 0, 0, rows.length, options);
  return rows
    .map((cells, r) =>
      cells
        .map((cell, c) => (c < cells.length - 1 ? cell.padEnd(widths[r]?.[c] ?? 0, ' ') : cell))
        .join(''),
    )
    .join('\n')
    .concat('\n');
}

function format(
  rows: string[][],
  widths: number[][],
  column: number,
  line0: number,
  line1: number,
  o: TabwriterOptions,
): void {
  for (let line = line0; line < line1; line++) {
    // Cells terminated by a tab: all but the last split part.
    if ((rows[line]?.length ?? 0) - 1 <= column) continue;
    let end = line;
    let width = o.minwidth;
    for (; end < line1 && (rows[end]?.length ?? 0) - 1 > column; end++) {
      const cell = rows[end]?.[column] ?? '';
      width = Math.max(width, cell.length + o.padding);
    }
    for (let l = line; l < end; l++) (widths[l] ??= [])[column] = width;
    format(rows, widths, column + 1, line, end, o);
    line = end - 1;
  }
}
