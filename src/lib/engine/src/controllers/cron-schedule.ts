/**
 * The CronJob schedule language as the CronJob controller parses it: robfig/cron v3
 * ParseStandard: five fields (minute, hour, day of month, month, day of week) with `*`, `?`,
 * lists, ranges, `/step`, month and weekday names, or a descriptor (@yearly, @annually,
 * @monthly, @weekly, @daily, @midnight, @hourly); a `CRON_TZ=`/`TZ=` prefix is refused (the API
 * wants spec.timeZone). Day of month and day of week match like cron: either one, when both are
 * restricted. Next() finds the next matching minute after a time, in UTC or in spec.timeZone.
 *
 * upstream: github.com/robfig/cron/v3 parser.go (ParseStandard, getRange, getField,
 * parseDescriptor), spec.go (SpecSchedule.Next, dayMatches), pkg/apis/batch/validation/
 * validation.go v1.33 (validateScheduleFormat: field.Invalid with the parser's error).
 */

/** A parsed schedule: the allowed values of each field, and whether a day field was `*`. */
export interface CronSchedule {
  readonly minute: ReadonlySet<number>;
  readonly hour: ReadonlySet<number>;
  readonly dom: ReadonlySet<number>;
  readonly month: ReadonlySet<number>;
  readonly dow: ReadonlySet<number>;
  readonly domStar: boolean;
  readonly dowStar: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase?: number;
}

const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 6, names: DAYS, nameBase: 0 },
];

function value(text: string, b: Bounds): number {
  const i = b.names?.indexOf(text.toLowerCase()) ?? -1;
  if (i >= 0) return i + (b.nameBase ?? 0);
  if (!/^\d+$/.test(text))
    throw new Error(
      `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`,
    );
  return Number(text);
}

/** One comma-separated part of a field (getRange). */
function range(expr: string, b: Bounds, out: Set<number>): boolean {
  const [body = '', stepText] = expr.split('/');
  let start: number;
  let end: number;
  let star = false;
  if (body === '*' || body === '?') {
    start = b.min;
    end = b.max;
    star = stepText === undefined;
  } else {
    const [lo = '', hi] = body.split('-');
    start = value(lo, b);
    end = hi === undefined ? (stepText === undefined ? start : b.max) : value(hi, b);
  }
  const step = stepText === undefined ? 1 : Number(stepText);
  if (stepText !== undefined && !/^\d+$/.test(stepText))
    throw new Error(`failed to parse int from ${stepText}`);
  if (start < b.min)
    throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end)
    throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) out.add(v);
  return star;
}

function field(text: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of text.split(',')) star = range(part, b, values) || star;
  return { values, star };
}

/**
 * Parses `spec` (ParseStandard).
 * @throws Error with robfig/cron's message when it does not parse
 */
export function parseCron(spec: string): CronSchedule {
  const trimmed = spec.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) throw new Error('CRON_TZ or TZ used in schedule');
  const text = trimmed.startsWith('@') ? DESCRIPTORS[trimmed] : trimmed;
  if (text === undefined) throw new Error(`unrecognized descriptor: ${trimmed}`);
  const parts = text.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5)
    throw new Error(`expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`);
  const fields = parts.map((p, i) => field(p, FIELDS[i] ?? { min: 0, max: 0 }));
  const at = (i: number) => fields[i] ?? { values: new Set<number>(), star: false };
  return {
    minute: at(0).values,
    hour: at(1).values,
    dom: at(2).values,
    month: at(3).values,
    dow: at(4).values,
    domStar: at(2).star,
    dowStar: at(4).star,
  };
}

/** The offset of `timeZone` from UTC at instant `ms`, in ms (0 for UTC or no zone). */
export function zoneOffset(timeZone: string | undefined, ms: number): number {
  if (timeZone === undefined || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(ms / 1000) * 1000;
}

/** True when `timeZone` is a zone the runtime knows (time.LoadLocation). */
export function knownZone(timeZone: string): boolean {
  try {
    return Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

function matches(s: CronSchedule, d: Date): boolean {
  const dom = s.dom.has(d.getUTCDate());
  const dow = s.dow.has(d.getUTCDay());
  const day = s.domStar || s.dowStar ? dom && dow : dom || dow;
  return (
    s.minute.has(d.getUTCMinutes()) &&
    s.hour.has(d.getUTCHours()) &&
    s.month.has(d.getUTCMonth() + 1) &&
    day
  );
}

/**
 * The first scheduled minute strictly after `afterMs` (SpecSchedule.Next), or null when none
 * comes within five years (robfig gives up the same way: a zero time).
 */
export function nextRun(s: CronSchedule, afterMs: number, timeZone?: string): number | null {
  const offset = zoneOffset(timeZone, afterMs);
  // Wall-clock minutes in the zone, as if it were UTC.
  let t = Math.floor((afterMs + offset) / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 86_400_000;
  while (t <= limit) {
    const d = new Date(t);
    if (!s.month.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    const dom = s.dom.has(d.getUTCDate());
    const dow = s.dow.has(d.getUTCDay());
    if (!(s.domStar || s.dowStar ? dom && dow : dom || dow)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!matches(s, d)) {
      t += 60_000;
      continue;
    }
    return t - zoneOffset(timeZone, t - offset);
  }
  return null;
}
