/**
 * The doc-test runner: runs a page's snippets, line by line, through a backend (the simulator's
 * `session.run(line)`, the same the browser terminal and the CLI use, or real machines) and
 * compares each snippet's output and exit codes with the page. No file or process access here:
 * the CLI reads files and provides the host backend.
 */
import { releaseTrack, trackVariables } from '../../src/index.ts';
import { createSession } from '../session.ts';
import type { RunResult } from '../types.ts';
import { compareOutput } from './compare.ts';
import type { Mask } from './masks.ts';
import {
  extractSnippets,
  splitFrontmatter,
  type PageMeta,
  type Snippet,
  type SnippetTrack,
} from './snippets.ts';

/** Anything that runs one command line the way a terminal would: a simulator session or a real machine. */
export interface LineRunner {
  run(line: string): Promise<RunResult>;
  /** The release track the runner was built for (a simulator session has one). */
  readonly release?: string;
}

/** A page read from a file (or written in a test). */
export interface DocPage {
  /** Where the page came from, for messages (a path relative to where the run started). */
  readonly file: string;
  readonly source: string;
  readonly meta: PageMeta;
}

/** How to run a page. */
export interface PageRunOptions {
  /** Continue in this runner (the hard way). Default: a new simulator session from the page's scenario. */
  readonly runner?: LineRunner;
  /** Release track (minor such as "v1.36") for `{{variables}}` and overrides; default: the newest. */
  readonly minor?: string;
  /** Masks for the comparison (default none: the simulator is compared exactly). */
  readonly masks?: readonly Mask[];
  /** Name of the backend in diffs ("engine", "host"). */
  readonly label?: string;
}

/** The outcome of one snippet. */
export interface SnippetResult {
  readonly snippet: Snippet;
  readonly actual: string;
  readonly exitCodes: readonly number[];
  /** Masks that made a printed line equal to the page's. */
  readonly masked: readonly string[];
  /** Empty when the snippet passed; otherwise why it failed, with a unified diff. */
  readonly problems: readonly string[];
}

/** The outcome of one page. */
export interface PageResult {
  readonly file: string;
  readonly meta: PageMeta;
  readonly results: readonly SnippetResult[];
  readonly ok: boolean;
}

/** Runs one snippet's commands in order and checks their output and exit codes. */
export async function runSnippet(
  runner: LineRunner,
  snippet: Snippet,
  options: PageRunOptions = {},
): Promise<SnippetResult> {
  let actual = '';
  const exitCodes: number[] = [];
  for (const command of snippet.commands) {
    const result = await runner.run(command);
    actual += result.output;
    exitCodes.push(result.exitCode);
  }
  const label = options.label ?? 'engine';
  const { diff, masked } = compareOutput(snippet.expected, actual, {
    masks: options.masks ?? [],
    commands: snippet.commands,
    labels: ['page', label],
  });
  const problems: string[] = [];
  if (diff) problems.push(`output differs from the page (- page, + ${label}):\n${diff}`);
  exitCodes.forEach((code, index) => {
    const want = index === exitCodes.length - 1 ? snippet.exitCode : 0;
    if (code !== want) {
      problems.push(
        `\`${snippet.commands[index] ?? ''}\` exited with ${code}, the page expects ${want}`,
      );
    }
  });
  return { snippet, actual, exitCodes, masked, problems };
}

/** A release track (minor such as "v1.36"; default: newest) as the snippet reader wants it. */
export function snippetTrack(minor?: string): SnippetTrack {
  const track = releaseTrack(minor);
  return { minor: track.minor, vars: trackVariables(track) };
}

/** Starts a simulator session from a page's scenario (or the default one) on a release track. */
export function pageSession(
  scenario: string | undefined,
  minor?: string,
): ReturnType<typeof createSession> {
  return createSession({ ...(scenario ? { scenario } : {}), release: releaseTrack(minor).minor });
}

/** Reads a page's frontmatter into a {@link DocPage}. */
export function docPage(file: string, source: string): DocPage {
  return { file, source, meta: splitFrontmatter(source).meta };
}

/**
 * Runs every snippet of a page in order. With `options.runner` given (the hard way, or a real
 * machine) the page continues there; otherwise it starts from the page's declared scenario in a
 * new simulator session built for the release track.
 */
export async function runPage(page: DocPage, options: PageRunOptions = {}): Promise<PageResult> {
  const track = snippetTrack(options.minor ?? options.runner?.release);
  const snippets = extractSnippets(page.source, track);
  const runner = options.runner ?? pageSession(page.meta.scenario, track.minor);
  const results: SnippetResult[] = [];
  for (const snippet of snippets) results.push(await runSnippet(runner, snippet, options));
  return {
    file: page.file,
    meta: page.meta,
    results,
    ok: results.every((r) => r.problems.length === 0),
  };
}

/** Formats a failed page's problems for a terminal or a test failure message. */
export function formatPageProblems(page: PageResult): string {
  return page.results
    .filter((r) => r.problems.length > 0)
    .map((r) => `${page.file}:${r.snippet.line}\n${r.problems.join('\n')}`)
    .join('\n\n');
}

/**
 * Runs a guide's leaves in order in one session: the hard way. A leaf continues from the state
 * the earlier leaves left behind; only where a leaf declares a different starting scenario than
 * the chain has reached (an alternative path, such as init phase by phase) does the session load
 * that scenario, exactly as the hard-way page's terminal does. Returns the problems found.
 */
export async function runHardWay(leaves: readonly DocPage[], minor?: string): Promise<string[]> {
  const problems: string[] = [];
  let session: LineRunner | undefined;
  let reached: string | undefined;
  for (const leaf of leaves) {
    if (leaf.meta.doctest?.skip) continue;
    const start = leaf.meta.scenario;
    if (!session || (start !== undefined && start !== reached)) {
      session = pageSession(start, minor);
      reached = start;
    }
    const result = await runPage(leaf, { runner: session, ...(minor ? { minor } : {}) });
    if (!result.ok) problems.push(formatPageProblems(result));
    reached = leaf.meta.produces ?? reached;
  }
  return problems;
}
