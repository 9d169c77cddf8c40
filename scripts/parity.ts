/**
 * `npm run parity`: the real kubectl judges the simulator's. Every kubectl line of every guide
 * page, and the everyday corpus (scripts/lib/parity/corpus.ts), runs through the simulator's
 * kubectl and through the real kubectl against `kubelife serve --api` on the same state; stdout,
 * stderr and exit code must be identical after the masks listed with their reasons
 * (scripts/lib/parity/compare.ts). Prints which kubectl judged, the shares, the first
 * differences; writes parity.json. Fails when a share drops below its floor (the measured share:
 * raise the floors as differences are fixed). Skips, saying so, without a usable kubectl.
 *
 * Usage: node --conditions=source scripts/parity.ts [--json FILE] [--all] [--only corpus|guides]
 */
import { writeFileSync } from 'node:fs';
import { listGuides } from 'kubelife/cli';
import { extractSnippets, guidePages, snippetTrack } from 'kubelife/doctest';
import { releaseTrackMinors } from 'kubelife';
import { PARITY_MASKS } from './lib/parity/compare.ts';
import { CORPUS } from './lib/parity/corpus.ts';
import { findKubectl, judgeFor, perMinorKubectls } from './lib/parity/real-kubectl.ts';
import { runCase, type LineOutcome, type ParityCase } from './lib/parity/run-case.ts';

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

const judge = findKubectl();
const oldest = Math.min(...releaseTrackMinors().map((m) => Number(m.split('.')[1])));
if (judge === null) {
  console.log('parity: SKIPPED: no kubectl found (install one, e.g. Debian kubernetes-client)');
  process.exit(0);
}
const perMinor = perMinorKubectls(judge);
const defaultMinor = snippetTrack().minor;
const judgeOf = (minor: string | undefined) => judgeFor(judge, perMinor, minor ?? defaultMinor);
const newest = judgeOf(defaultMinor);
console.log(
  `parity: judged by the real kubectl ${newest.version} (${newest.path}) for ${defaultMinor}${newest.minor === Number(defaultMinor.split('.')[1]) ? '' : `: no kubectl of ${defaultMinor} here, so the newest older one (${perMinor.length} per-minor binaries beside ${judge.path})`}`,
);
if (newest.minor < oldest - 3) {
  console.log(
    `parity: SKIPPED: kubectl ${newest.version} is older than the oldest release track minus 3 minors (v1.${oldest - 3}); its output is not current kubectl's`,
  );
  process.exit(0);
}

function guideCases(): ParityCase[] {
  const track = snippetTrack();
  const cases: ParityCase[] = [];
  for (const guide of listGuides(process.cwd()))
    for (const page of guidePages(guide)) {
      const lines = extractSnippets(page.source, track).flatMap((s) => s.commands);
      if (!lines.some((l) => /(^|\s)kubectl\s/.test(l))) continue;
      cases.push({
        id: page.file,
        source: 'guide',
        ...(page.meta.scenario ? { scenario: page.meta.scenario } : {}),
        minor: track.minor,
        lines,
      });
    }
  return cases;
}

const cases = [...(only === 'corpus' ? [] : guideCases()), ...(only === 'guides' ? [] : CORPUS)];
const outcomes: LineOutcome[] = [];
const judges = new Map<string, number>();
for (const c of cases) {
  const j = judgeOf(c.minor);
  const lines = await runCase(c, j);
  judges.set(
    j.version,
    (judges.get(j.version) ?? 0) + lines.filter((o) => o.status !== 'skipped').length,
  );
  outcomes.push(...lines);
}

const share = (source: LineOutcome['source']) => {
  const compared = outcomes.filter((o) => o.source === source && o.status !== 'skipped');
  const same = compared.filter((o) => o.status === 'same').length;
  return {
    same,
    compared: compared.length,
    percent: compared.length === 0 ? 100 : (100 * same) / compared.length,
  };
};
const guides = share('guide');
const corpus = share('corpus');
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
console.log(
  `judge: ${[...judges].map(([v, n]) => `kubectl ${v} (${n} lines)`).join(', ') || `kubectl ${newest.version}`}`,
);
console.log(`guides: ${guides.same}/${guides.compared} identical (${guides.percent.toFixed(1)}%)`);
console.log(`corpus: ${corpus.same}/${corpus.compared} identical (${corpus.percent.toFixed(1)}%)`);
writeFileSync(
  jsonFile,
  `${JSON.stringify({ judge: newest.version, judges: Object.fromEntries(judges), guides, corpus, outcomes }, null, 2)}\n`,
);
const low = (
  [
    ['guides', guides.percent],
    ['corpus', corpus.percent],
  ] as const
).filter(([name, p]) => (only === undefined || only === name) && p < FLOORS[name]);
if (low.length > 0) {
  for (const [name, p] of low)
    console.log(
      `parity: FAILED: ${name} share ${p.toFixed(1)}% is below its floor ${FLOORS[name]}%`,
    );
  process.exit(1);
}
