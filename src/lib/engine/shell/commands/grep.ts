/**
 * `grep`: GNU grep 3.8 over piped input and the machine's files. Patterns are POSIX regular
 * expressions (BRE; `-E` extended, `-F` fixed strings; several with `-e` or newlines) matched by
 * the linear-time engine (shell/regex.ts); `-i`, `-v`, `-w`, `-x`; output with `-n`, `-H`/`-h`,
 * `-o`, `-c`, `-l`/`-L`, `-q`, `-m NUM`; context with `-A`, `-B`, `-C`/`-NUM` (`--` between
 * groups, `:` after the prefix of a selected line and `-` after a context line's); `-r` through
 * a directory. Exit status 0 when a line was selected, 1 when none, 2 on an error.
 *
 * upstream: GNU grep 3.8 src/grep.c (prtext, prline, print_sep, grepdesc: "Is a directory",
 * "(standard input)"), doc/grep.texi (exit status, context group separator).
 */
import { isDirectory } from '../../src/index.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { compileUserRegex, gnuRegexMessage, RegexError, type UserRegex } from '../regex.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';
import { parseGrep, type GrepOptions } from './grep-options.ts';

/** ERE metacharacters a fixed string escapes. */
const escapeEre = (s: string): string => s.replace(/[\\.[\]()*+?{}|^$]/g, '\\$&');

/** One pattern in ERE or BRE syntax with -w/-x applied (`\<…\>`, `^…$` around a group). */
function wrap(p: string, o: GrepOptions): { text: string; extended: boolean } {
  const extended = o.extended || o.fixed;
  const body = o.fixed ? escapeEre(p) : p;
  const [open, close] = extended ? ['(', ')'] : ['\\(', '\\)'];
  if (o.line) return { text: `^${open}${body}${close}$`, extended };
  if (o.word) return { text: `\\<${open}${body}${close}\\>`, extended };
  return { text: body, extended };
}

/** The compiled patterns, or the regex error. */
async function compile(o: GrepOptions): Promise<UserRegex[] | string> {
  const out: UserRegex[] = [];
  for (const p of o.patterns) {
    const w = wrap(p, o);
    try {
      out.push(await compileUserRegex(w.text, { extended: w.extended, ignoreCase: o.ignoreCase }));
    } catch (error) {
      if (!(error instanceof RegexError)) throw error;
      return `grep: ${gnuRegexMessage(error.message)}`;
    }
  }
  return out;
}

/** An input: its name as grep prints it and its lines. */
interface Source {
  readonly name: string;
  readonly lines: readonly string[];
}

const toLines = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** The inputs the operands name (files, `-` for stdin, directories with -r), and errors, in order. */
async function sources(
  inv: Invocation,
  o: GrepOptions,
): Promise<Array<Source | { error: string }>> {
  const m = findMachine(inv.ctx.state, inv.machine);
  const list: Array<Source | { error: string }> = [];
  const errors = { push: (error: string) => list.push({ error }) };
  const operands = o.files.length > 0 ? o.files : o.recursive ? ['.'] : ['-'];
  for (const f of operands) {
    if (f === '-') {
      list.push({ name: '(standard input)', lines: toLines(inv.stdin ?? '') });
      continue;
    }
    const path = absolutePath(inv, f);
    if (m && isDirectory(m, path)) {
      if (!o.recursive) {
        errors.push(`grep: ${f}: Is a directory`);
        continue;
      }
      const prefix = path.endsWith('/') ? path : `${path}/`;
      for (const file of Object.keys(m.files)
        .filter((k) => k.startsWith(prefix))
        .sort()) {
        const shown =
          f === '.' && o.files.length === 0
            ? file.slice(prefix.length)
            : `${f.replace(/\/$/, '')}/${file.slice(prefix.length)}`;
        const content = m.files[file] ?? '';
        list.push({
          name: shown,
          lines: toLines(await inv.ctx.materialize(inv.ctx.state, inv.machine, content)),
        });
      }
      continue;
    }
    const content = m?.files[path];
    if (content === undefined) {
      errors.push(`grep: ${f}: No such file or directory`);
      continue;
    }
    list.push({
      name: f,
      lines: toLines(await inv.ctx.materialize(inv.ctx.state, inv.machine, content)),
    });
  }
  return list;
}

/** Greps one source; prints its output; returns how many lines it selected. */
function grepSource(
  inv: Invocation,
  o: GrepOptions,
  res: readonly UserRegex[],
  src: Source,
  withName: boolean,
  printed: { any: boolean },
): number {
  const selected = (l: string): boolean => res.some((r) => r.test(l)) !== o.invert;
  const prefix = (i: number, sep: ':' | '-'): string =>
    `${withName ? `${src.name}${sep}` : ''}${o.lineNumber ? `${i + 1}${sep}` : ''}`;
  let hits = 0;
  const printing = !o.quiet && !o.count && !o.filesWithMatches && !o.filesWithoutMatch;
  const context = printing && !o.onlyMatching && (o.after > 0 || o.before > 0);
  let lastPrinted = -1;
  let afterLeft = 0;
  const emit = (i: number, sep: ':' | '-'): void => {
    // print_sep: a group not adjacent to the previous output starts with `--`.
    if (context && printed.any && (lastPrinted < 0 || i > lastPrinted + 1)) inv.io.out('--');
    inv.io.out(`${prefix(i, sep)}${src.lines[i] ?? ''}`);
    lastPrinted = i;
    printed.any = true;
  };
  for (let i = 0; i < src.lines.length; i++) {
    const line = src.lines[i] ?? '';
    const done = o.maxCount >= 0 && hits >= o.maxCount;
    if (!done && selected(line)) {
      hits++;
      if (o.quiet) return hits;
      if (!printing) continue;
      if (o.onlyMatching) {
        if (!o.invert)
          for (const r of res)
            for (const m of r.matches(line, true))
              if (m.end > m.start) inv.io.out(`${prefix(i, ':')}${line.slice(m.start, m.end)}`);
        continue;
      }
      for (let j = Math.max(lastPrinted + 1, i - o.before); j < i; j++) emit(j, '-');
      emit(i, ':');
      afterLeft = o.after;
    } else if (context && afterLeft > 0) {
      emit(i, '-');
      afterLeft--;
    } else if (done && afterLeft === 0) break;
  }
  if (o.count) inv.io.out(`${withName ? `${src.name}:` : ''}${hits}`);
  if (o.filesWithMatches && hits > 0) inv.io.out(src.name);
  if (o.filesWithoutMatch && hits === 0) inv.io.out(src.name);
  return hits;
}

export const grep: CommandModule = {
  name: 'grep',
  summary:
    'print lines that match patterns (GNU grep: -E -F -i -v -w -x -n -o -c -l -q -A -B -C -r)',
  run: async (inv) => {
    const o = parseGrep(inv.args);
    if ('error' in o) {
      inv.io.err(o.error);
      return 2;
    }
    const res = await compile(o);
    if (typeof res === 'string') {
      inv.io.err(res);
      return 2;
    }
    const withName = o.withFilename ?? (o.files.length > 1 || o.recursive);
    const printed = { any: false };
    let hits = 0;
    let failed = false;
    for (const src of await sources(inv, o)) {
      if ('error' in src) {
        if (!o.noMessages) inv.io.err(src.error);
        failed = true;
        continue;
      }
      hits += grepSource(inv, o, res, src, withName, printed);
      // -q: exit at the first selected line, whatever errors came before (grep.texi).
      if (o.quiet && hits > 0) return 0;
    }
    if (failed) return 2;
    return hits > 0 ? 0 : 1;
  },
};
