/**
 * Rewrites the expected-output blocks of guide pages with what the engine prints now, like a
 * snapshot update. For authors only: review the diff before committing. CI never runs this; it
 * runs the doc-tests, which fail whenever a page and the engine disagree.
 *
 * Usage: node --conditions=source scripts/update-expected.ts [page.mdx …]   (default: every page)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createSession } from 'kubelife';
import { listGuides } from './lib/guide-files.ts';
import { runSnippet } from './lib/doctest-runner.ts';
import { extractSnippets, normalizeOutput, splitFrontmatter } from '../src/lib/guides/snippets.ts';

const wanted = process.argv.slice(2);
const files =
  wanted.length > 0
    ? wanted
    : listGuides(process.cwd()).flatMap((g) =>
        [g.overview, ...g.leaves].filter((p) => p !== undefined).map((p) => p.file),
      );

for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const { meta } = splitFrontmatter(source);
  const session = createSession(meta.scenario ? { scenario: meta.scenario } : {});
  const lines = source.split('\n');
  let changed = 0;
  // Replace bottom-up so earlier line numbers stay valid.
  const results = [];
  for (const snippet of extractSnippets(source)) results.push(await runSnippet(session, snippet));
  for (const result of results.reverse()) {
    const openOutput = lines.findIndex(
      (l, i) => i > result.snippet.line && l.trim().startsWith('```text output'),
    );
    const close = lines.findIndex((l, i) => i > openOutput && l.trim().startsWith('```'));
    const actual = normalizeOutput(result.actual);
    if (normalizeOutput(result.snippet.expected) !== actual) changed++;
    lines.splice(
      openOutput + 1,
      close - openOutput - 1,
      ...(actual === '' ? [] : actual.split('\n')),
    );
    const bad = result.exitCodes.slice(0, -1).some((c) => c !== 0);
    if (bad)
      console.warn(
        `${file}:${result.snippet.line}: an earlier command failed (${result.exitCodes.join(', ')})`,
      );
    const last = result.exitCodes.at(-1) ?? 0;
    if (last !== result.snippet.exitCode)
      console.warn(
        `${file}:${result.snippet.line}: last command exited ${last}, page says ${result.snippet.exitCode}`,
      );
  }
  writeFileSync(file, lines.join('\n'));
  console.log(`${file}: ${changed} output block(s) updated`);
}
