/**
 * `sed [-n] [-E|-r] [-i[SUFFIX]] [-s] (-e SCRIPT… | SCRIPT) [FILE…]`: GNU sed 4.9's cycle over
 * piped input or the machine's files (sed-script.ts parses the script): addresses and ranges,
 * `s`, `d`, `p`, `q`, `Q`, `=`, `y`, `a`/`i`/`c`, `n`/`N`, `D`/`P`, hold space, blocks. `-i`
 * writes each file back through a typed file command (so the kubelet sees an edited static Pod
 * manifest), `-i.bak` keeps the original beside it.
 *
 * upstream: GNU sed 4.9 sed/execute.c (process_files, match_address_p, do_subst, output_missing
 * _newline, "can't read %s: No such file or directory"), sed/sed.c (options, usage).
 */
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';
import { compileUserRegex, gnuRegexMessage, RegexError, type UserRegex } from '../regex.ts';
import { parseSed, SedError, type SedAddress, type SedCommand } from './sed-script.ts';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...';

interface Options {
  quiet: boolean;
  extended: boolean;
  inPlace: string | null;
  separate: boolean;
  scripts: string[];
  files: string[];
}

function parseOptions(args: readonly string[]): Options | string {
  const o: Options = {
    quiet: false,
    extended: false,
    inPlace: null,
    separate: false,
    scripts: [],
    files: [],
  };
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a === '-n' || a === '--quiet' || a === '--silent') o.quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') o.extended = true;
    else if (a === '-s' || a === '--separate') o.separate = true;
    else if (a.startsWith('-i') || a.startsWith('--in-place')) {
      o.inPlace = a.startsWith('-i') ? a.slice(2) : a.replace(/^--in-place=?/, '');
      o.separate = true;
    } else if (a === '-e' || a === '--expression') {
      const s = args[++i];
      if (s === undefined) return `sed: option requires an argument -- 'e'\n${USAGE}`;
      o.scripts.push(s);
    } else if (a.startsWith('--expression=')) o.scripts.push(a.slice(13));
    else if (a.startsWith('-e')) o.scripts.push(a.slice(2));
    else if (/^-[nEsr]+$/.test(a)) {
      if (a.includes('n')) o.quiet = true;
      if (a.includes('E') || a.includes('r')) o.extended = true;
      if (a.includes('s')) o.separate = true;
    } else if (a.startsWith('-') && a !== '-')
      return `sed: invalid option -- '${a[1] ?? ''}'\n${USAGE}`;
    else operands.push(a);
  }
  if (o.scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) return USAGE;
    o.scripts.push(s);
  }
  o.files = operands;
  return o;
}

/** The script's regexps, compiled once (address and `s` patterns; `//` reuses the last). */
async function compileAll(
  cmds: readonly SedCommand[],
  extended: boolean,
): Promise<Map<string, UserRegex>> {
  const out = new Map<string, UserRegex>();
  const add = async (pattern: string, ignoreCase: boolean): Promise<void> => {
    const key = `${ignoreCase ? 'I' : ''}/${pattern}`;
    if (!out.has(key)) out.set(key, await compileUserRegex(pattern, { extended, ignoreCase }));
  };
  for (const c of cmds) {
    for (const a of [c.a1, c.a2])
      if (a?.kind === 'regex' && a.pattern !== '') await add(a.pattern, a.ignoreCase);
    if (c.name === 's' && c.pattern !== undefined && c.pattern !== '')
      await add(c.pattern, c.ignoreCase ?? false);
  }
  return out;
}

/** Expands a replacement for one match: `&`, `\1`…`\9`, `\n`, `\t`, escaped characters. */
function expand(replacement: string, match: string, groups: readonly string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] ?? '';
    if (ch === '&') out += match;
    else if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i] ?? '';
      out +=
        next === 'n'
          ? '\n'
          : next === 't'
            ? '\t'
            : /[1-9]/.test(next)
              ? (groups[Number(next) - 1] ?? '')
              : next;
    } else out += ch;
  }
  return out;
}

/** The state of one run over the inputs. */
class Run {
  out = '';
  hold = '';
  lineNo = 0;
  last = '';
  quit = false;
  readonly ranges = new Map<number, boolean>();
  readonly cmds: readonly SedCommand[];
  readonly res: ReadonlyMap<string, UserRegex>;
  readonly quiet: boolean;
  constructor(cmds: readonly SedCommand[], res: ReadonlyMap<string, UserRegex>, quiet: boolean) {
    this.cmds = cmds;
    this.res = res;
    this.quiet = quiet;
  }

  regex(pattern: string, ignoreCase: boolean): UserRegex | undefined {
    const p = pattern === '' ? this.last : pattern;
    this.last = p;
    return this.res.get(`${ignoreCase ? 'I' : ''}/${p}`) ?? this.res.get(`/${p}`);
  }

  matches(a: SedAddress, space: string, isLast: boolean): boolean {
    switch (a.kind) {
      case 'line':
        return this.lineNo === a.n;
      case 'last':
        return isLast;
      case 'step':
        return a.step <= 0
          ? this.lineNo === a.first
          : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 'regex':
        return this.regex(a.pattern, a.ignoreCase)?.test(space) ?? false;
    }
  }

  /** match_address_p: whether command `k` applies to this line (ranges keep their state). */
  selects(k: number, c: SedCommand, space: string, isLast: boolean): boolean {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = this.matches(c.a1, space, isLast);
    else if (this.ranges.get(k) === true) {
      hit = true;
      const end = c.a2.kind === 'line' ? this.lineNo >= c.a2.n : this.matches(c.a2, space, isLast);
      if (end) this.ranges.set(k, false);
    } else if (this.matches(c.a1, space, isLast)) {
      hit = true;
      // A line-number end at or before the start line closes the range at once.
      const closed = c.a2.kind === 'line' ? c.a2.n <= this.lineNo : c.a2.kind === 'last' && isLast;
      this.ranges.set(k, !closed);
    } else hit = false;
    return hit !== c.negate;
  }
}

/** do_subst: the pattern space after `s`, and whether anything was replaced. */
function substitute(run: Run, c: SedCommand, space: string): { text: string; done: boolean } {
  const re = run.regex(c.pattern ?? '', c.ignoreCase ?? false);
  if (!re) return { text: space, done: false };
  let out = '';
  let at = 0;
  let count = 0;
  let done = false;
  for (const m of re.matches(space, true)) {
    count++;
    if (count < (c.occurrence ?? 1)) continue;
    out +=
      space.slice(at, m.start) + expand(c.replacement ?? '', space.slice(m.start, m.end), m.groups);
    at = m.end;
    done = true;
    if (!c.global) break;
  }
  return { text: done ? out + space.slice(at) : space, done };
}

/** Runs the script over one input's lines; returns its output. */
function execute(run: Run, input: readonly string[], finalNewline: boolean): void {
  const lines = [...input];
  for (let li = 0; li < lines.length && !run.quit; li++) {
    let space = lines[li] ?? '';
    run.lineNo++;
    let append = '';
    let autoprint = !run.quiet;
    const isLast = (): boolean => li === lines.length - 1;
    const newline = (): string => (isLast() && !finalNewline ? '' : '\n');
    let restart = false;
    cycle: for (let k = 0; k < run.cmds.length; k++) {
      const c = run.cmds[k];
      if (!c) break;
      if (!run.selects(k, c, space, isLast())) {
        if (c.name === '{') k = c.blockEnd ?? k;
        continue;
      }
      switch (c.name) {
        case 'd':
          autoprint = false;
          break cycle;
        case 'D': {
          const nl = space.indexOf('\n');
          if (nl < 0) {
            autoprint = false;
            break cycle;
          }
          space = space.slice(nl + 1);
          restart = true;
          autoprint = false;
          break cycle;
        }
        case 'p':
          run.out += `${space}\n`;
          break;
        case 'P':
          run.out += `${space.split('\n')[0] ?? ''}\n`;
          break;
        case '=':
          run.out += `${run.lineNo}\n`;
          break;
        case 'q':
          run.quit = true;
          break cycle;
        case 'Q':
          run.quit = true;
          autoprint = false;
          break cycle;
        case 'a':
          append += `${c.text ?? ''}\n`;
          break;
        case 'i':
          run.out += `${c.text ?? ''}\n`;
          break;
        case 'c':
          autoprint = false;
          if (!c.a2 || run.ranges.get(k) !== true) run.out += `${c.text ?? ''}\n`;
          break cycle;
        case 's': {
          const r = substitute(run, c, space);
          space = r.text;
          if (r.done && c.print === true) run.out += `${space}\n`;
          break;
        }
        case 'y': {
          const from = [...(c.pattern ?? '')];
          const to = [...(c.replacement ?? '')];
          space = [...space]
            .map((ch) => (from.includes(ch) ? (to[from.indexOf(ch)] ?? ch) : ch))
            .join('');
          break;
        }
        case 'n':
          if (li + 1 >= lines.length) break cycle;
          if (!run.quiet) run.out += `${space}\n`;
          space = lines[++li] ?? '';
          run.lineNo++;
          break;
        case 'N':
          if (li + 1 >= lines.length) break cycle;
          space += `\n${lines[++li] ?? ''}`;
          run.lineNo++;
          break;
        case 'h':
          run.hold = space;
          break;
        case 'H':
          run.hold += `\n${space}`;
          break;
        case 'g':
          space = run.hold;
          break;
        case 'G':
          space += `\n${run.hold}`;
          break;
        case 'x':
          [space, run.hold] = [run.hold, space];
          break;
        default:
          break;
      }
    }
    if (autoprint) run.out += `${space}${newline()}`;
    run.out += append;
    if (restart && space !== '') {
      // D with a newline: the rest of the pattern space starts the next cycle.
      lines.splice(li + 1, 0, space);
      run.lineNo--;
    }
  }
}

/** An input's lines and whether its last line ended with a newline. */
function split(text: string): { lines: string[]; finalNewline: boolean } {
  const finalNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (finalNewline || text === '') lines.pop();
  return { lines, finalNewline };
}

/** Prints `text` as sed wrote it (a missing final newline stays missing). */
function print(inv: Invocation, text: string): void {
  if (text === '') return;
  if (text.endsWith('\n') || inv.io.write === undefined) inv.io.out(text.replace(/\n$/, ''));
  else inv.io.write(text);
}

export const sed: CommandModule = {
  name: 'sed',
  summary: 'stream editor (GNU sed: addresses, s/d/p/q/a/i/c/y/=, -n, -e, -E, -i)',
  async run(inv) {
    const o = parseOptions(inv.args);
    if (typeof o === 'string') {
      inv.io.err(o);
      return 1;
    }
    const cmds: SedCommand[] = [];
    try {
      const opened: number[] = [];
      o.scripts.forEach((s, n) => parseSed(s, n + 1, cmds, opened));
      if (opened.length > 0)
        throw new SedError(`sed: -e expression #${o.scripts.length}, char 0: unmatched \`{'`);
    } catch (error) {
      if (!(error instanceof SedError)) throw error;
      inv.io.err(error.message);
      return 1;
    }
    let res: Map<string, UserRegex>;
    try {
      res = await compileAll(cmds, o.extended);
    } catch (error) {
      if (!(error instanceof RegexError)) throw error;
      inv.io.err(
        `sed: -e expression #1, char ${o.scripts[0]?.length ?? 0}: ${gnuRegexMessage(error.message)}`,
      );
      return 1;
    }
    const machine = findMachine(inv.ctx.state, inv.machine);
    let run = new Run(cmds, res, o.quiet);
    if (o.files.length === 0) {
      if (o.inPlace !== null) {
        inv.io.err('sed: no input files');
        return 1;
      }
      const input = split(inv.stdin ?? '');
      execute(run, input.lines, input.finalNewline);
      print(inv, run.out);
      return 0;
    }
    let status = 0;
    const read = (f: string): string | undefined => {
      const content = f === '-' ? (inv.stdin ?? '') : machine?.files[absolutePath(inv, f)];
      if (content === undefined) {
        inv.io.err(`sed: can't read ${f}: No such file or directory`);
        status = 2;
      }
      return content;
    };
    if (!o.separate) {
      // One stream: `$` is the last line of the last file.
      const texts = o.files.map(read).filter((t): t is string => t !== undefined);
      const joined = texts
        .map((t, n) => (n < texts.length - 1 && !t.endsWith('\n') && t !== '' ? `${t}\n` : t))
        .join('');
      const input = split(joined);
      execute(run, input.lines, input.finalNewline);
      print(inv, run.out);
      return status;
    }
    for (const f of o.files) {
      const path = absolutePath(inv, f);
      const content = read(f);
      if (content === undefined) continue;
      run = new Run(cmds, res, o.quiet);
      const input = split(content);
      execute(run, input.lines, input.finalNewline);
      if (o.inPlace === null) {
        print(inv, run.out);
        continue;
      }
      if (o.inPlace !== '') {
        const t = inv.apply({
          type: 'file.write',
          machine: inv.machine,
          path: `${path}${o.inPlace}`,
          content,
        });
        if (!t.ok) return t.error.exitCode;
      }
      if (run.out !== content) {
        const t = inv.apply({ type: 'file.write', machine: inv.machine, path, content: run.out });
        if (!t.ok) return t.error.exitCode;
      }
      if (run.quit) break;
    }
    return status;
  },
};
