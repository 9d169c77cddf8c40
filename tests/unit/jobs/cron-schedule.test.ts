// CronJob schedules as the controller parses them: github.com/robfig/cron/v3 parser.go
// (ParseStandard: five fields, names, steps, descriptors) and spec.go (Next, dayMatches), as
// vendored by kubernetes/kubernetes v1.33 pkg/controller/cronjob.
import { describe, expect, it } from 'vitest';
import { nextRun, parseCron } from '../../../src/lib/engine/src/controllers/cron-schedule.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('a CronJob schedule', () => {
  it.each([
    ['*/1 * * * *', '2026-11-25T09:03:04Z', '2026-11-25T09:04:00.000Z'],
    ['*/15 * * * *', '2026-11-25T09:03:04Z', '2026-11-25T09:15:00.000Z'],
    ['0 * * * *', '2026-11-25T09:00:00Z', '2026-11-25T10:00:00.000Z'],
    ['@hourly', '2026-11-25T09:03:04Z', '2026-11-25T10:00:00.000Z'],
    ['@daily', '2026-11-25T09:03:04Z', '2026-11-26T00:00:00.000Z'],
    ['@weekly', '2026-11-25T09:03:04Z', '2026-11-29T00:00:00.000Z'],
    ['@monthly', '2026-11-25T09:03:04Z', '2026-12-01T00:00:00.000Z'],
    ['@yearly', '2026-11-25T09:03:04Z', '2027-01-01T00:00:00.000Z'],
    ['30 2 * * MON-FRI', '2026-11-27T03:00:00Z', '2026-11-30T02:30:00.000Z'],
    ['0 0 1,15 * *', '2026-11-25T09:03:04Z', '2026-12-01T00:00:00.000Z'],
    ['0 0 13 * 5', '2026-11-25T09:03:04Z', '2026-11-27T00:00:00.000Z'],
    ['0 12 * JAN ?', '2026-11-25T09:03:04Z', '2027-01-01T12:00:00.000Z'],
  ])('%s runs next after %s at %s', (spec, after, next) => {
    const schedule = parseCron(spec);

    expect(iso(nextRun(schedule, at(after)))).toBe(next);
  });

  it('follows spec.timeZone: 9:00 in New York is 14:00 UTC in winter', () => {
    const schedule = parseCron('0 9 * * *');

    expect(iso(nextRun(schedule, at('2026-11-25T09:03:04Z'), 'America/New_York'))).toBe(
      '2026-11-25T14:00:00.000Z',
    );
  });

  it.each([
    ['bad', 'expected exactly 5 fields, found 1: [bad]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['@often', 'unrecognized descriptor: @often'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ])('refuses %s with robfig/cron’s message', (spec, message) => {
    expect(() => parseCron(spec)).toThrow(message);
  });
});
