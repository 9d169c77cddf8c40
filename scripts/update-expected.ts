/**
 * Rewrites the expected-output blocks of guide pages with what the engine prints now, like a
 * snapshot update, for every release track. For authors only: review the diff before committing.
 * CI never runs this; it runs the doc-tests, which fail whenever a page and the engine disagree.
 *
 * Each runnable block's output is run on every track (the newest three minors). The general output
 * block is written from the newest track's output with its versions turned into `{{variables}}`
 * (scripts/lib/templatize.ts); a track whose output differs from that template in more than the
 * variables gets its own ```` ```text output minor=vX.Y ```` block after the general one.
 *
 * Usage: node --conditions=source scripts/update-expected.ts [--templatize-commands] [page.mdx …]
 *   (default: every page). --templatize-commands also turns literal versions in the runnable
 *   blocks into variables (for converting a page; read the diff: a version meant literally must
 *   be put back).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { releaseTrackMinors } from 'kubelife';
import { listGuides } from 'kubelife/cli';
import {
  pageSession,
  runSnippet,
  snippetTrack,
  extractSnippets,
  fillVariables,
  normalizeOutput,
  snippetGroups,
  splitFrontmatter,
  type SnippetGroup,
} from 'kubelife/doctest';
import { templatize } from './lib/templatize.ts';

const args = process.argv.slice(2);
const templatizeCommands = args.includes('--templatize-commands');
const wanted = args.filter((a) => !a.startsWith('--'));
const files =
  wanted.length > 0
    ? wanted
    : listGuides(process.cwd()).flatMap((g) =>
        [g.overview, ...g.leaves].filter((p) => p !== undefined).map((p) => p.file),
      );
const minors = releaseTrackMinors();
const newest = snippetTrack(minors[0]);

/** Line index (0-based) of the fence closing the block opened at 0-based index `open`. */
function closingLine(lines: readonly string[], open: number): number {
  const marker = /^(```+|~~~+)/.exec((lines[open] ?? '').trim())?.[1] ?? '```';
  return lines.findIndex((l, i) => i > open && l.trim().startsWith(marker));
}

function outputBlock(meta: string, text: string): string[] {
  return [`\`\`\`text output${meta}`, ...(text === '' ? [] : text.split('\n')), '```'];
}

/** Converts the runnable blocks' literal versions into variables (bottom-up, in place). */
function templatizeRunBlocks(lines: string[], groups: readonly SnippetGroup[]): void {
  for (const { run } of [...groups].reverse()) {
    const open = run.line - 1;
    const close = closingLine(lines, open);
    for (let i = open + 1; i < close; i++) lines[i] = templatize(lines[i] ?? '', newest.vars);
  }
}

/** Runs the page on one track; returns each snippet's actual output and exit codes. */
async function runTrack(source: string, minor: string) {
  const { meta } = splitFrontmatter(source);
  const track = snippetTrack(minor);
  const session = pageSession(meta.scenario, minor);
  const results = [];
  for (const snippet of extractSnippets(source, track)) {
    const result = await runSnippet(session, snippet);
    results.push({ ...result, actual: normalizeOutput(result.actual) });
  }
  return results;
}

for (const file of files) {
  let source = readFileSync(file, 'utf8');
  if (templatizeCommands) {
    const lines = source.split('\n');
    templatizeRunBlocks(lines, snippetGroups(source));
    source = lines.join('\n');
  }
  const groups = snippetGroups(source);
  const perTrack = new Map<string, Awaited<ReturnType<typeof runTrack>>>();
  for (const minor of minors) perTrack.set(minor, await runTrack(source, minor));
  const lines = source.split('\n');
  let changed = 0;
  let overrides = 0;
  // Replace bottom-up so earlier line numbers stay valid.
  for (let k = groups.length - 1; k >= 0; k--) {
    const group = groups[k];
    if (!group) continue;
    const actualNewest = perTrack.get(newest.minor)?.[k]?.actual ?? '';
    let template = templatize(actualNewest, newest.vars);
    if (fillVariables(template, newest.vars) !== actualNewest) template = actualNewest;
    const blocks = outputBlock('', template);
    for (const minor of minors.slice(1)) {
      const actual = perTrack.get(minor)?.[k]?.actual ?? '';
      if (fillVariables(template, snippetTrack(minor).vars) === actual) continue;
      blocks.push('', ...outputBlock(` minor=${minor}`, actual));
      overrides++;
    }
    const first = group.general.line - 1;
    const last = group.overrides.at(-1) ?? group.general;
    const end = closingLine(lines, last.line - 1);
    const before = lines.slice(first, end + 1).join('\n');
    if (before !== blocks.join('\n')) changed++;
    lines.splice(first, end - first + 1, ...blocks);
    for (const minor of minors) {
      const result = perTrack.get(minor)?.[k];
      if (!result) continue;
      const where = `${file}:${result.snippet.line} on ${minor}`;
      if (result.exitCodes.slice(0, -1).some((c) => c !== 0))
        console.warn(`${where}: an earlier command failed (${result.exitCodes.join(', ')})`);
      const lastCode = result.exitCodes.at(-1) ?? 0;
      if (lastCode !== result.snippet.exitCode)
        console.warn(
          `${where}: last command exited ${lastCode}, page says ${result.snippet.exitCode}`,
        );
    }
  }
  writeFileSync(file, lines.join('\n'));
  console.log(`${file}: ${changed} output group(s) updated, ${overrides} per-release override(s)`);
}
