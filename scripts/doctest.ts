/**
 * Doc-test CLI: runs every runnable snippet of every guide through the engine's shell and
 * compares it with the expected output printed in the guide. Each page starts from its declared
 * scenario; then each guide runs once more as one continuous "hard way" sequence.
 *
 * Every release track (the newest three minors) by default; `--release v1.36` checks one.
 *
 * Usage: node scripts/doctest.ts [--release MINOR] [guide…]   (exit 1 on any failure)
 */
import { releaseTrack, releaseTrackMinors } from 'kubelife';
import { listGuides } from './lib/guide-files.ts';
import { formatPageProblems, runHardWay, runPage } from './lib/doctest-runner.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--release');
const releases = flag >= 0 ? [releaseTrack(args[flag + 1] ?? '').minor] : releaseTrackMinors();
const only = new Set(args.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1)));
let passed = 0;
let failed = 0;
const report = (ok: boolean, label: string, detail: string): void => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) console.log(`${detail.replace(/^/gm, '     ')}\n`);
};

for (const [minor, guide] of releases.flatMap((m) =>
  listGuides(process.cwd()).map((g) => [m, g] as const),
)) {
  if (only.size > 0 && !only.has(guide.guide)) continue;
  const pages = [guide.overview, ...guide.leaves].filter((p) => p !== undefined);
  for (const page of pages) {
    if (page.meta.doctest?.skip) continue;
    const result = await runPage(page.file, page.source, undefined, minor);
    report(
      result.ok,
      `${page.file} on ${minor} (${result.results.length} snippets)`,
      formatPageProblems(result),
    );
  }
  if (guide.leaves.length === 0) continue;
  const problems = await runHardWay(guide.leaves, minor);
  report(
    problems.length === 0,
    `hard way: ${guide.guide} on ${minor} (${guide.leaves.length} leaves in one session)`,
    problems.join('\n\n'),
  );
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
