import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { kubelifeBash, realBash } from './real-bash.ts';

// Generated scripts of the constructs readers type (assignments, arithmetic, tests, loops, case,
// functions, string operations, statuses) must print exactly what the real /bin/bash prints.
const int = fc.integer({ min: -20, max: 40 });
const small = fc.integer({ min: 1, max: 9 });
const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,7}$/);
const op = fc.constantFrom(
  '+',
  '-',
  '*',
  '/',
  '%',
  '<<',
  '&',
  '|',
  '^',
  '==',
  '<',
  '>=',
  '&&',
  '||',
);

const statement = fc.oneof(
  int.map((n) => `x=${n}`),
  fc.tuple(op, small).map(([o, n]) => `y=$(( x ${o} ${n} ))`),
  fc.constant('echo "$x ${y:-none}"'),
  int.map(
    (n) =>
      `if [ "$x" -lt ${n} ]; then echo lt; elif [ "$x" -eq ${n} ]; then echo eq; else echo gt; fi`,
  ),
  fc
    .array(word, { minLength: 1, maxLength: 4 })
    .map((ws) => `for i in ${ws.join(' ')}; do echo "$i-$x"; done`),
  fc
    .tuple(word, word)
    .map(([a, b]) => `case ${a} in ${b}*) echo pre;; *[0-9]) echo digit;; *) echo other;; esac`),
  fc.constantFrom('false', 'true', 'echo $?', '! false', '(exit 7)', 'false || echo recovered'),
  fc
    .tuple(small, fc.integer({ min: 0, max: 3 }))
    .map(([n, r]) => `f() { echo "f$1 $#"; return ${r}; }; f ${n} two; echo $?`),
  word.map((w) => `s=${w}; echo \${s^^} \${#s} \${s%?} \${s#?} \${s/./_}`),
  fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((ws) => `a=(${ws.join(' ')}); echo \${#a[@]} "\${!a[@]}" "\${a[@]: -1}"`),
  small.map((n) => `i=0; while [ $i -lt ${n} ]; do i=$((i+2)); done; echo $i`),
  small.map((n) => `printf '%03d|%-4s|%x\\n' ${n} ab ${n * 17}`),
);

describe('generated scripts', () => {
  it('print what the real bash prints, with the same exit status', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 6 }), async (lines) => {
        const script = lines.join('\n');

        const actual = await kubelifeBash(script);

        expect(actual).toEqual(realBash(script));
      }),
      { numRuns: Number(process.env['KUBELIFE_BASH_RUNS'] ?? 60) },
    );
    // One real bash process per sample: generous on a loaded machine (no timing is asserted).
  }, 120_000);
});
