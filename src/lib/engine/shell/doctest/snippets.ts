/**
 * Extracts runnable snippets from guide pages. This is the single source of truth for the snippet
 * format: the doc-tests read pages through it, and the site's components follow the same rules
 * (a ```console run``` block, followed by a ```text output``` block with the expected output).
 */
import { parse as parseYaml } from 'yaml';

/** One runnable snippet of a page and the output the page promises for it. */
export interface Snippet {
  /** Logical command lines (backslash continuations kept verbatim inside one entry). */
  readonly commands: readonly string[];
  /** The expected combined output of all commands, as printed in the page. */
  readonly expected: string;
  /** Exit code the last command must return (earlier ones must return 0). Default 0. */
  readonly exitCode: number;
  /** 1-based line of the opening fence in the page source, for error messages. */
  readonly line: number;
}

/** A page's frontmatter fields that matter to doc-tests. */
export interface PageMeta {
  readonly title?: string;
  readonly kind?: 'overview' | 'leaf';
  readonly order?: number;
  readonly scenario?: string;
  readonly produces?: string;
  readonly doctest?: { readonly skip?: boolean; readonly reason?: string };
}

const fence = /^(```+|~~~+)\s*([^\s`]*)\s*(.*)$/;

type Block = PageBlock;

function readBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec((lines[i] ?? '').trim());
    if (!open) continue;
    const marker = open[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? '').trim().startsWith(marker))
      body.push(lines[j++] ?? '');
    if (j >= lines.length) throw new Error(`line ${i + 1}: code fence is never closed`);
    blocks.push({ lang: open[2] ?? '', meta: open[3] ?? '', body: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Reads the `key=value` and bare flags of a fence's meta string, e.g. `run exit=1`. */
export function parseMeta(meta: string): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const word of meta.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf('=');
    if (eq < 0) out.set(word, true);
    else out.set(word.slice(0, eq), word.slice(eq + 1).replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** True for the info string of a runnable block (`console run`). */
export function isRunnable(lang: string, meta: string): boolean {
  return lang === 'console' && parseMeta(meta).has('run');
}

/** True for the info string of an expected-output block (`text output`). */
export function isOutput(lang: string, meta: string): boolean {
  return lang === 'text' && parseMeta(meta).has('output');
}

/**
 * Splits a runnable block into logical commands: a line ending in `\` continues on the next
 * line; blank lines and `#` comment lines are not commands.
 */
export function splitCommands(body: string): string[] {
  const commands: string[] = [];
  let current = '';
  // While inside a here-document (`cat <<EOF > f`), lines are kept verbatim until the terminator.
  let heredoc: { word: string; stripTabs: boolean } | null = null;
  for (const raw of body.split('\n')) {
    if (heredoc) {
      current = `${current}\n${raw}`;
      if ((heredoc.stripTabs ? raw.replace(/^\t+/, '') : raw) === heredoc.word) {
        commands.push(current.trimEnd());
        current = '';
        heredoc = null;
      }
      continue;
    }
    const line = current ? raw : raw.trimStart();
    if (!current && (line.trim() === '' || line.startsWith('#'))) continue;
    current = current ? `${current}\n${line}` : line;
    const open = /<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
    if (open) {
      heredoc = { word: open[3] ?? '', stripTabs: open[1] === '-' };
      continue;
    }
    if (!/\\\s*$/.test(line)) {
      commands.push(current.trimEnd());
      current = '';
    }
  }
  if (current) commands.push(current.trimEnd());
  return commands;
}

/** Splits a page into its YAML frontmatter and the body (with the line offset of the body). */
export function splitFrontmatter(source: string): { meta: PageMeta; body: string; offset: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { meta: {}, body: source, offset: 0 };
  const meta = (parseYaml(match[1] ?? '') ?? {}) as PageMeta;
  return { meta, body: source.slice(match[0].length), offset: match[0].split('\n').length - 1 };
}

/**
 * The release track a page is read for: its minor ("v1.36") and the values of the `{{variables}}`
 * (from the engine's `trackVariables`; passed in so this module stays free of engine imports).
 */
export interface SnippetTrack {
  readonly minor: string;
  readonly vars: Readonly<Record<string, string>>;
}

/** A fenced block as written in the page: language, meta, body and 1-based page line. */
export interface PageBlock {
  readonly lang: string;
  readonly meta: string;
  readonly body: string;
  readonly line: number;
}

/**
 * A runnable block with the output blocks that follow it: first the general one (written with
 * `{{variables}}`), then any per-release overrides (```` ```text output minor=v1.35 ````) for
 * releases whose output differs in more than the variables.
 */
export interface SnippetGroup {
  readonly run: PageBlock;
  readonly general: PageBlock;
  readonly overrides: readonly PageBlock[];
}

/** The `minor=` of an output block's meta ("v1.35"), or undefined for the general block. */
export function blockMinor(meta: string): string | undefined {
  const minor = parseMeta(meta).get('minor');
  return typeof minor === 'string' ? minor : undefined;
}

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** True when `text` uses at least one `{{name}}` variable. */
export function usesVariables(text: string): boolean {
  return new RegExp(VARIABLE.source).test(text);
}

/**
 * Replaces `{{name}}` with the track's values (same syntax as the engine's renderTemplate).
 * @throws Error naming the variable when the track does not define it
 */
export function fillVariables(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`unknown version variable {{${name}}}`);
    return value;
  });
}

/**
 * Reads a page's runnable blocks with their output blocks.
 * @throws Error when a runnable block is not followed by a general output block
 */
export function snippetGroups(source: string): SnippetGroup[] {
  const { body, offset } = splitFrontmatter(source);
  const blocks = readBlocks(body.split(/\r?\n/)).map((b) => ({ ...b, line: b.line + offset }));
  const groups: SnippetGroup[] = [];
  blocks.forEach((block, index) => {
    if (!isRunnable(block.lang, block.meta)) return;
    const next = blocks[index + 1];
    if (!next || !isOutput(next.lang, next.meta) || blockMinor(next.meta) !== undefined) {
      throw new Error(
        `line ${block.line}: a \`console run\` block must be followed by a \`text output\` block`,
      );
    }
    const overrides: PageBlock[] = [];
    for (let j = index + 2; j < blocks.length; j++) {
      const b = blocks[j];
      if (!b || !isOutput(b.lang, b.meta) || blockMinor(b.meta) === undefined) break;
      overrides.push(b);
    }
    groups.push({ run: block, general: next, overrides });
  });
  return groups;
}

/**
 * Extracts every runnable snippet of a page with its expected output, for one release track:
 * `{{variables}}` in commands and outputs take the track's values, and an output block marked
 * `minor=<the track>` replaces the general one.
 * @throws Error when a runnable block is not followed by an output block, or when the page uses
 * variables and no track is given.
 */
export function extractSnippets(source: string, track?: SnippetTrack): Snippet[] {
  return snippetGroups(source).map(({ run, general, overrides }) => {
    const chosen = overrides.find((o) => blockMinor(o.meta) === track?.minor) ?? general;
    const fill = (text: string): string => {
      if (track) return fillVariables(text, track.vars);
      if (usesVariables(text))
        throw new Error(
          `line ${run.line}: the page uses {{variables}}; read it for a release track`,
        );
      return text;
    };
    const exit = parseMeta(run.meta).get('exit');
    return {
      commands: splitCommands(fill(run.body)),
      expected: fill(chosen.body),
      exitCode: typeof exit === 'string' ? Number(exit) : 0,
      line: run.line,
    };
  });
}

/** Normalises output for comparison: no trailing spaces on lines, no trailing blank lines. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}
