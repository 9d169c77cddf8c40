/**
 * crictl's table output (cri-tools cmd/crictl/display.go newDefaultTableDisplay: Go's tabwriter,
 * minwidth 20, tabwidth 1, padding 3) and docker/go-units HumanDuration for CREATED.
 */

/** docker/go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** Go's tabwriter with crictl's settings; the last cell of a row is not padded. */
export function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 20, c.length + 3)));
  return rows.map((r) =>
    r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] ?? 20) : c)).join(''),
  );
}
