/**
 * `npm run parity`: the real kubectl judges the simulator's. Every kubectl line of every guide
 * page, and the everyday corpus (scripts/lib/parity/corpus.ts), runs through the simulator's
 * kubectl and through the real kubectl against `kubelife serve --api` on the same state; stdout,
 * stderr and exit code must be identical after the masks listed with their reasons
 * (scripts/lib/parity/compare.ts). Each case is judged by the kubectl of its release minor when
 * the machine has one, else the newest older one (scripts/lib/parity/real-kubectl.ts). Prints
 * the judges, the shares, the first differences; writes parity.json. Fails when a share drops
 * below its floor, or when the negative control (a deliberately wrong expectation) passes.
 * Skips, saying so, without a usable kubectl.
 *
 * Usage: node --conditions=source scripts/parity.ts [--json FILE] [--all] [--only corpus|guides]
 *   [--case ID] (one case, e.g. corpus/delete: no floors, for working on it)
 */
import { writeFileSync } from 'node:fs';
import { PARITY_MASKS } from './lib/parity/compare.ts';
import { CORPUS } from './lib/parity/corpus.ts';
import {
  findJudges,
  guideCases,
  negativeControl,
  runCases,
  share,
} from './lib/parity/run-parity.ts';

/** Floors: the shares measured when they were set; a change that lowers one fails. */
const FLOORS = { guides: 100, corpus: 95 };

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonFile = option('--json') ?? 'parity.json';
const only = option('--only');
const showAll = args.includes('--all');

const found = findJudges();
if (!found.ok) {
  console.log(`parity: SKIPPED: ${found.reason}`);
  process.exit(0);
}
console.log(`parity: judged by ${found.note}`);

const caseId = option('--case');
const cases = [
  ...(only === 'corpus' || caseId !== undefined ? [] : guideCases()),
  ...(only === 'guides' ? [] : CORPUS),
].filter((c) => caseId === undefined || c.id === caseId);
const { outcomes, judges } = await runCases(cases, found.judgeOf);
const control = await negativeControl(found.judgeOf);
const guides = share(outcomes, 'guide');
const corpus = share(outcomes, 'corpus');
const different = outcomes.filter((o) => o.status === 'different');
const skipped = outcomes.filter((o) => o.status === 'skipped');

console.log('');
for (const o of showAll ? different : different.slice(0, 15))
  console.log(`DIFFERENT  ${o.caseId}\n  $ ${o.line}\n${o.diff ?? ''}\n`);
if (!showAll && different.length > 15)
  console.log(`… and ${different.length - 15} more differences (--all lists every one)\n`);
const reasons = new Map<string, number>();
for (const o of skipped) reasons.set(o.reason ?? '', (reasons.get(o.reason ?? '') ?? 0) + 1);
for (const [reason, n] of reasons) console.log(`skipped ${n}: ${reason}`);
console.log('');
console.log('masks (applied to both sides):');
for (const m of PARITY_MASKS) console.log(`  ${m.name}: ${m.reason}`);
console.log('');
console.log(`${control.ok ? 'ok  ' : 'FAIL'} negative control: ${control.detail}`);
console.log(
  `judge: ${Object.entries(judges)
    .map(([v, n]) => `kubectl ${v} (${n} lines)`)
    .join(', ')}`,
);
console.log(`guides: ${guides.same}/${guides.compared} identical (${guides.percent.toFixed(1)}%)`);
console.log(`corpus: ${corpus.same}/${corpus.compared} identical (${corpus.percent.toFixed(1)}%)`);
writeFileSync(
  jsonFile,
  `${JSON.stringify(
    {
      judge: found.newest.version,
      judges,
      guides,
      corpus,
      negativeControl: control,
      masks: PARITY_MASKS.map((m) => ({ name: m.name, reason: m.reason })),
      outcomes,
    },
    null,
    2,
  )}\n`,
);
const low = (
  [
    ['guides', guides.percent],
    ['corpus', corpus.percent],
  ] as const
).filter(
  ([name, p]) => caseId === undefined && (only === undefined || only === name) && p < FLOORS[name],
);
for (const [name, p] of low)
  console.log(`parity: FAILED: ${name} share ${p.toFixed(1)}% is below its floor ${FLOORS[name]}%`);
if (!control.ok) console.log('parity: FAILED: the negative control passed');
if (caseId !== undefined && different.length > 0) process.exit(1);
if (low.length > 0 || !control.ok) process.exit(1);
