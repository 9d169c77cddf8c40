/**
 * Formatters: engine events and errors → the text the real tools print.
 */
import type { EngineError, EngineEvent } from '../src/index.ts';
import { formatRfc1123z, parseTime } from '../src/index.ts';
import type { Output } from './types.ts';

/** Prints events in order to the right stream. */
export function printEvents(events: readonly EngineEvent[], io: Output): void {
  for (const e of events) {
    if (e.type === 'phase.log') io.out(`[${e.phase}] ${e.text}`);
    // RunChecks writes warnings to stderr (cmd/kubeadm/app/preflight/checks.go).
    else if (e.type === 'preflight.warning') io.err(`\t[WARNING ${e.check}]: ${e.message}`);
    else if (e.stream === 'stderr') io.err(e.text);
    else io.out(e.text);
  }
}

/** kubeadm's error footer (cmd/kubeadm/app/util/error.go CheckErr). */
export function printKubeadmError(error: EngineError, io: Output): number {
  io.err(`error: ${error.message}`);
  io.err('To see the stack trace of this error execute with --v=5 or higher');
  return error.exitCode;
}

/** A column table the way kubectl's tabwriter prints it (3 spaces between columns). */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join(''),
    )
    .join('\n');
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration, as kubectl prints AGE. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const y = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700") of an RFC 3339 UTC timestamp. */
export function rfc1123z(rfc3339: string): string {
  return formatRfc1123z(parseTime(rfc3339));
}
