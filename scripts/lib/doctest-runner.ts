/**
 * The doc-test harness: runs a guide page's snippets through the same `session.run(line)` the
 * browser terminal and the CLI use, and compares each snippet's output with the page.
 */
import { createSession, releaseTrack, trackVariables } from 'kubelife';
import type { Session } from 'kubelife';
import {
  extractSnippets,
  type SnippetTrack,
  normalizeOutput,
  splitFrontmatter,
} from '../../src/lib/guides/snippets.ts';
import type { PageMeta, Snippet } from '../../src/lib/guides/snippets.ts';
import { diffLines } from './text-diff.ts';
import type { GuidePage } from './guide-files.ts';

/** The outcome of one snippet. */
export interface SnippetResult {
  readonly snippet: Snippet;
  readonly actual: string;
  readonly exitCodes: readonly number[];
  /** Empty when the snippet passed; otherwise why it failed, with a readable diff. */
  readonly problems: readonly string[];
}

/** The outcome of one page. */
export interface PageResult {
  readonly file: string;
  readonly meta: PageMeta;
  readonly results: readonly SnippetResult[];
  readonly ok: boolean;
}

/** Runs one snippet in `session` and checks its output and exit codes. */
export async function runSnippet(session: Session, snippet: Snippet): Promise<SnippetResult> {
  let actual = '';
  const exitCodes: number[] = [];
  for (const command of snippet.commands) {
    const result = await session.run(command);
    actual += result.output;
    exitCodes.push(result.exitCode);
  }
  const problems: string[] = [];
  const diff = diffLines(normalizeOutput(snippet.expected), normalizeOutput(actual));
  if (diff) problems.push(`output differs from the page (- page, + engine):\n${diff}`);
  exitCodes.forEach((code, index) => {
    const last = index === exitCodes.length - 1;
    const want = last ? snippet.exitCode : 0;
    if (code !== want) {
      problems.push(
        `\`${snippet.commands[index] ?? ''}\` exited with ${code}, the page expects ${want}`,
      );
    }
  });
  return { snippet, actual, exitCodes, problems };
}

/** A release track (minor such as "v1.36"; default: newest) as the snippet reader wants it. */
export function snippetTrack(minor?: string): SnippetTrack {
  const track = releaseTrack(minor);
  return { minor: track.minor, vars: trackVariables(track) };
}

/** Starts a session from a page's scenario (or the default one) on a release track. */
export function pageSession(scenario: string | undefined, minor?: string): Session {
  return createSession({
    ...(scenario ? { scenario } : {}),
    release: releaseTrack(minor).minor,
  });
}

/**
 * Runs every snippet of a page in order, for one release track (default: the newest). With
 * `session` given (the hard way: a whole guide in one sequence) the page continues from it;
 * otherwise it starts from the page's declared scenario built for that track.
 */
export async function runPage(
  file: string,
  source: string,
  session?: Session,
  minor?: string,
): Promise<PageResult> {
  const { meta } = splitFrontmatter(source);
  const track = snippetTrack(minor ?? session?.release);
  const snippets = extractSnippets(source, track);
  const active = session ?? pageSession(meta.scenario, track.minor);
  const results: SnippetResult[] = [];
  for (const snippet of snippets) results.push(await runSnippet(active, snippet));
  return { file, meta, results, ok: results.every((r) => r.problems.length === 0) };
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
export async function runHardWay(leaves: readonly GuidePage[], minor?: string): Promise<string[]> {
  const problems: string[] = [];
  let session: Session | undefined;
  let reached: string | undefined;
  for (const leaf of leaves) {
    if (leaf.meta.doctest?.skip) continue;
    const start = leaf.meta.scenario;
    if (!session || (start !== undefined && start !== reached)) {
      session = pageSession(start, minor);
      reached = start;
    }
    const result = await runPage(leaf.file, leaf.source, session);
    if (!result.ok) problems.push(formatPageProblems(result));
    reached = leaf.meta.produces ?? reached;
  }
  return problems;
}
