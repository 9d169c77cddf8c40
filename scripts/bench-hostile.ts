/**
 * Benchmark of issue 14's hostile inputs: how long the shell takes on inputs that used to hang or
 * grow without bound (deep nesting, catastrophic regexes, huge expansions, far clock jumps), at
 * growing sizes. Each row prints the input, its size, the milliseconds one run took, the exit code
 * and the start of the answer: the times should grow at most linearly with the size, and every
 * answer is either the result or a clear error. A benchmark prints numbers; it asserts nothing.
 * Run: `npx node --conditions=source scripts/bench-hostile.ts`.
 */
import { performance } from 'node:perf_hooks';
import { createSession } from 'kubelife';

const s = createSession({ scenario: 'workers-joined' });

const cases: ReadonlyArray<[string, readonly number[], (n: number) => string]> = [
  ['unbalanced $( (echo $($($(…)', [1_000, 10_000, 250_000], (n) => `echo ${'$('.repeat(n)}`],
  ['nested $(echo …)', [63, 1_000, 10_000], (n) => `echo ${'$(echo '.repeat(n)}x${')'.repeat(n)}`],
  [
    "sed 's/\\(a\\+\\)\\+$/x/' on a…ab",
    [24, 28, 34, 5_000],
    (n) => `echo ${'a'.repeat(n)}b | sed 's/\\(a\\+\\)\\+$/x/'`,
  ],
  ['grep -E (a+)+$ on a…ab', [34, 5_000], (n) => `echo ${'a'.repeat(n)}b | grep -E '(a+)+$'`],
  [
    '[[ a…ab =~ ^(a+)+$ ]]',
    [28, 5_000],
    (n) => `x=${'a'.repeat(n)}b; re='^(a+)+$'; [[ $x =~ $re ]]; echo $?`,
  ],
  ['arithmetic ((((…1))))', [100, 100_000], (n) => `echo $((${'('.repeat(n)}1${')'.repeat(n)}))`],
  ['[[ ( ( ( … ]]', [100, 100_000], (n) => `[[ ${'( '.repeat(n)}a${' )'.repeat(n)} ]]`],
  ['brace expansion {1..10}×n', [4, 8], (n) => `x=$(echo ${'{1..10}'.repeat(n)}); echo \${#x}`],
  [
    '${x//b/c} on n zeros',
    [1_000, 100_000, 1_000_000],
    (n) => `x=$(printf '%0${n}d' 0); y=\${x//b/c}; echo \${#y}`,
  ],
  ['printf %0nd', [1_000, 999_999_999], (n) => `printf -v x '%0${n}d' 1; echo \${#x}`],
  ['kubelife clock advance ny', [7_000, 20_000_000_000], (n) => `kubelife clock advance ${n}y`],
];

const rows: Array<Record<string, string | number>> = [];
for (const [name, sizes, line] of cases)
  for (const n of sizes) {
    const start = performance.now();
    const r = await s.run(line(n));
    rows.push({
      input: name,
      n,
      ms: Math.round((performance.now() - start) * 10) / 10,
      exit: r.exitCode,
      answer: r.output.replace(/\n/g, '⏎').slice(0, 60),
    });
  }
console.table(rows);
