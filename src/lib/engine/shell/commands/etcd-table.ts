/**
 * ASCII tables the way etcdctl/etcdutl print them with olekukonko/tablewriter (v0.0.5):
 * header upper-cased and centred, cells right-aligned (printer_table.go sets ALIGN_RIGHT),
 * one space of padding, `+---+` borders. Long cells are not wrapped here (tablewriter wraps
 * cells with spaces beyond 30 characters; our cells with spaces stay shorter or are errors).
 */

function center(s: string, width: number): string {
  const gap = width - s.length;
  if (gap <= 0) return s;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + s + ' '.repeat(gap - left);
}

/** Renders an etcdctl table. */
export function formatEtcdTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const head = header.map((h) => h.toUpperCase());
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const out = [line, `|${head.map((h, i) => ` ${center(h, widths[i] ?? 0)} `).join('|')}|`, line];
  for (const r of rows)
    out.push(`|${widths.map((w, i) => ` ${(r[i] ?? '').padStart(w)} `).join('|')}|`);
  out.push(line);
  return out.join('\n');
}

/** go-humanize Bytes (SI units, as etcdctl prints DB sizes). */
export function humanizeBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const sizes = ['B', 'kB', 'MB', 'GB', 'TB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const val = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  return val < 10 ? `${val.toFixed(1)} ${sizes[e]}` : `${val.toFixed(0)} ${sizes[e]}`;
}
