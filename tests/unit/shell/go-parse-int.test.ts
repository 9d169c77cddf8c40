// upstream: go/src/strconv/atoi.go (ParseInt with base 0, underscoreOK), what pflag's integer
// flags run; the error texts checked against the real kubectl v1.33.1 (parity corpus/drain-several).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goParseInt, intFlagValue } from '../../../src/lib/engine/shell/go-parse-int.ts';

describe('goParseInt (strconv.ParseInt(s, 0, bits))', () => {
  it.each([
    ['10', 10],
    ['-1', -1],
    ['+5', 5],
    ['0x1f', 31],
    ['0X1F', 31],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['0x_1f', 31],
    ['0', 0],
  ])('reads %s as %d', (s, v) => {
    expect(goParseInt(s)).toEqual({ value: v });
  });

  it.each(['', '1.5', 'abc', '08', '0x', '_1', '1_', '1__0', '1e3', ' 1', '--1'])(
    'refuses %j as invalid syntax',
    (s) => {
      expect(goParseInt(s)).toEqual({
        error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`,
      });
    },
  );

  it('knows the 32- and 64-bit ranges', () => {
    expect(goParseInt('2147483647', 32)).toEqual({ value: 2147483647 });
    expect(goParseInt('-2147483648', 32)).toEqual({ value: -2147483648 });
    expect(goParseInt('2147483648', 32)).toEqual({
      error: 'strconv.ParseInt: parsing "2147483648": value out of range',
    });
    expect(goParseInt('9223372036854775808')).toEqual({
      error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    });
  });

  it('reads every decimal integer in the 32-bit range as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
        expect(goParseInt(String(n), 32)).toEqual({ value: n });
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = goParseInt(s);
        expect('value' in r || 'error' in r).toBe(true);
      }),
    );
  });

  it('words a flag error as pflag and kubectl do', () => {
    expect(intFlagValue('abc', '--replicas', 'kubectl scale')).toEqual({
      error:
        'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.',
    });
  });
});
