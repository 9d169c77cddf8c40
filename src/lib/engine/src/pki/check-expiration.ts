/**
 * `kubeadm certs check-expiration` tables (cmd/kubeadm/app/cmd/certs.go certTextPrinter):
 * tabwriter(minwidth 10, tabwidth 4, padding 3, ' '), rows `%s\t%s\t%s\t%s\t%-8v`, dates as
 * `Jan 02, 2006 15:04 MST`, residual time via apimachinery duration.ShortHumanDuration.
 */
import { formatTabwriter } from './tabwriter.ts';

/** One row: a certificate (or kubeconfig) and the CA that signed it. */
export interface ExpirationRow {
  /** `apiserver`, `admin.conf`, `etcd-server`, … (kubeadm renewal names). */
  readonly name: string;
  readonly notAfter: number;
  /** Signing CA name; leave empty for a CA row. */
  readonly caName?: string;
  /** CA key absent on disk (external CA mode). */
  readonly externallyManaged?: boolean;
  /** File absent: printed as `!MISSING! <name>`. */
  readonly missing?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's `Jan 02, 2006 15:04 MST` in UTC. */
export function formatKubeadmDate(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())}, ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

/** apimachinery duration.ShortHumanDuration. */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / 3600);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Both tables, exactly as kubeadm prints them (rows sorted by name as kubeadm lists them; the
 * last column is `%-8v`, so `no` carries trailing spaces). Ends with a newline.
 */
export function formatCheckExpiration(
  certificates: readonly ExpirationRow[],
  authorities: readonly ExpirationRow[],
  now: number,
): string {
  const yesNo = (b: boolean | undefined): string => (b ? 'yes' : 'no').padEnd(8, ' ');
  const residual = (r: ExpirationRow): string =>
    shortHumanDuration(Math.trunc((r.notAfter - now) / 1000) * 1000);
  const byName = (a: ExpirationRow, b: ExpirationRow): number =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  const lines = ['CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED'];
  for (const c of [...certificates].sort(byName)) {
    lines.push(
      c.missing
        ? `!MISSING! ${c.name}\t\t\t\t`
        : `${c.name}\t${formatKubeadmDate(c.notAfter)}\t${residual(c)}\t${c.caName ?? ''}\t${yesNo(c.externallyManaged)}`,
    );
  }
  lines.push('', 'CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED');
  for (const c of [...authorities].sort(byName)) {
    lines.push(
      c.missing
        ? `!MISSING! ${c.name}\t\t\t`
        : `${c.name}\t${formatKubeadmDate(c.notAfter)}\t${residual(c)}\t${yesNo(c.externallyManaged)}`,
    );
  }
  return formatTabwriter(lines, { minwidth: 10, tabwidth: 4, padding: 3 });
}
