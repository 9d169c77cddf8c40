/**
 * Doc-test CLI: runs every runnable snippet of every guide through the engine's shell and
 * compares it with the expected output printed in the guide. Each page starts from its declared
 * scenario; then each guide runs once more as one continuous "hard way" sequence.
 *
 * Usage: node scripts/doctest.ts [guide…]   (exit 1 on any failure)
 */
import { listGuides } from './lib/guide-files.ts';
import { formatPageProblems, runHardWay, runPage } from './lib/doctest-runner.ts';

const only = new Set(process.argv.slice(2));
let passed = 0;
let failed = 0;
const report = (ok: boolean, label: string, detail: string): void => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) console.log(`${detail.replace(/^/gm, '     ')}\n`);
};

for (const guide of listGuides(process.cwd())) {
  if (only.size > 0 && !only.has(guide.guide)) continue;
  const pages = [guide.overview, ...guide.leaves].filter((p) => p !== undefined);
  for (const page of pages) {
    if (page.meta.doctest?.skip) continue;
    const result = await runPage(page.file, page.source);
    report(
      result.ok,
      `${page.file} (${result.results.length} snippets)`,
      formatPageProblems(result),
    );
  }
  if (guide.leaves.length === 0) continue;
  const problems = await runHardWay(guide.leaves);
  report(
    problems.length === 0,
    `hard way: ${guide.guide} (${guide.leaves.length} leaves in one session)`,
    problems.join('\n\n'),
  );
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
