/**
 * Simulated time. The clock is part of ClusterState (epoch milliseconds) and only moves when a
 * command says so, never from the host's clock.
 */
import { EngineError } from './errors.ts';

/** Read-only view of simulated time handed to transitions. */
export interface Clock {
  /** Current simulated time, epoch milliseconds (UTC). */
  readonly now: number;
}

const units: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 365 * 86_400_000,
};

/**
 * Parses a duration such as `400d`, `2h30m`, `90s` or `1y` into milliseconds.
 * @throws EngineError InvalidDuration
 */
export function parseDuration(text: string): number {
  const re = /(\d+)(ms|s|m|h|d|w|y)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(re)) {
    if (match.index !== consumed) break;
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== text.length) {
    throw new EngineError('InvalidDuration', { input: text });
  }
  return total;
}

/**
 * The latest simulated time, 9999-12-31T23:59:59Z. Kubernetes stores and prints times as RFC 3339
 * (metav1.Time marshals through Go's time.Time.MarshalJSON, which fails past year 9999), so no
 * cluster clock can go beyond it.
 */
export const MAX_SIMULATED_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);

/** True when `ms` is a time the simulated clock can hold (1970 up to {@link MAX_SIMULATED_TIME}). */
export function isSimulatedTime(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= 0 && ms <= MAX_SIMULATED_TIME;
}

/**
 * `now` moved forward by `ms`.
 * @throws EngineError ClockOutOfRange past {@link MAX_SIMULATED_TIME} (or for a negative or
 * non-finite step)
 */
export function advancedTime(now: number, ms: number): number {
  const next = now + ms;
  if (!Number.isFinite(ms) || ms < 0 || !isSimulatedTime(Math.floor(next)))
    throw new EngineError('ClockOutOfRange', { limit: formatRfc3339(MAX_SIMULATED_TIME) });
  return Math.floor(next);
}

/** Parses an ISO 8601 timestamp into epoch ms. @throws EngineError InvalidTime */
export function parseTime(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new EngineError('InvalidTime', { input: iso });
  return ms;
}

/** Formats epoch ms as RFC 3339 without fractional seconds: `2026-11-25T09:00:00Z`. */
export function formatRfc3339(ms: number): string {
  if (ms === lastFormatted.ms) return lastFormatted.text;
  const iso = new Date(ms).toISOString();
  // Years 0000–9999 print as YYYY-MM-DDTHH:mm:ss.sssZ; others keep toISOString's extended form.
  const text = iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
  lastFormatted = { ms, text };
  return text;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700") of epoch ms, in UTC. */
export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? ''}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** The last time formatted: listings format the same instant (now) once per object. */
let lastFormatted = { ms: Number.NaN, text: '' };
