/**
 * `awk [-F FS] [-v VAR=VALUE]… [-f PROGFILE | 'PROGRAM'] [FILE | VAR=VALUE]…`: a POSIX awk (the
 * machines' awk is Ubuntu's mawk, whose messages it prints) over piped input or the machine's
 * files. The interpreter lives in shell/awk/; output redirection, getline and system() are not
 * simulated and say so.
 *
 * upstream: POSIX.1-2017 awk; mawk 1.3.4 main.c/error.c (usage, "line N: syntax error at or near
 * X", "run time error: …" with FILENAME/FNR/NR, "cannot open FILE (No such file or directory)").
 */
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';
import { loadRegexEngine, RegexError } from '../regex.ts';
import { AwkSyntaxError, ESCAPES } from '../awk/lexer.ts';
import { parseAwk } from '../awk/parser.ts';
import { Awk, AwkRuntimeError } from '../awk/interp.ts';

const USAGE =
  "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]";

/** Escape sequences in -v values, -F and command-line assignments, as in string constants. */
const unescape = (s: string): string =>
  s.replace(/\\(.)/g, (t, c: string) => (Object.hasOwn(ESCAPES, c) ? (ESCAPES[c] ?? c) : t));

/** Prints `text` as awk wrote it (output without a final newline stays so). */
function print(inv: Invocation, text: string): void {
  if (text === '') return;
  if (text.endsWith('\n') || inv.io.write === undefined) inv.io.out(text.replace(/\n$/, ''));
  else inv.io.write(text);
}

export const awk: CommandModule = {
  name: 'awk',
  summary: 'pattern scanning and text processing language (POSIX awk, as mawk)',
  async run(inv) {
    const args = inv.args;
    let fs: string | undefined;
    const assigns: Array<[string, string]> = [];
    let program: string | undefined;
    let i = 0;
    const machine = findMachine(inv.ctx.state, inv.machine);
    for (; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '--') {
        i++;
        break;
      }
      if (a === '-F' || a === '-v' || a === '-f') {
        const v = args[++i];
        if (v === undefined) {
          inv.io.err(`awk: option requires an argument -- ${a[1] ?? ''}\n${USAGE}`);
          return 2;
        }
        if (a === '-F') fs = v;
        else if (a === '-f') {
          const text = machine?.files[absolutePath(inv, v)];
          if (text === undefined) {
            inv.io.err(`awk: couldn't open file ${v}`);
            return 2;
          }
          program = text;
        } else {
          const eq = v.indexOf('=');
          if (eq <= 0) {
            inv.io.err(`awk: improper assignment: -v ${v}`);
            return 2;
          }
          assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
        }
      } else if (a.startsWith('-F')) fs = a.slice(2);
      else if (a.startsWith('-v')) {
        const eq = a.indexOf('=');
        assigns.push([a.slice(2, eq), a.slice(eq + 1)]);
      } else if (a.startsWith('-') && a !== '-') {
        inv.io.err(`awk: not an option: ${a}\n${USAGE}`);
        return 2;
      } else break;
    }
    if (program === undefined) {
      program = args[i++];
      if (program === undefined) {
        inv.io.err(USAGE);
        return 2;
      }
    }
    let run: Awk;
    try {
      run = new Awk(parseAwk(program));
      await loadRegexEngine();
    } catch (error) {
      if (!(error instanceof AwkSyntaxError)) throw error;
      inv.io.err(`awk: ${error.message}`);
      return 2;
    }
    if (fs !== undefined) run.globals.set('FS', fs === 't' ? '\t' : unescape(fs));
    for (const [k, v] of assigns) run.setVar(k, { s: unescape(v) });
    const inputs: Array<{ name: string; text: string } | { assign: string; value: string }> = [];
    const operands = args.slice(i);
    for (const f of operands) {
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(f);
      if (assign) {
        inputs.push({ assign: assign[1] ?? '', value: unescape(assign[2] ?? '') });
        continue;
      }
      const text = f === '-' ? (inv.stdin ?? '') : machine?.files[absolutePath(inv, f)];
      if (text === undefined) {
        print(inv, run.out);
        inv.io.err(`awk: cannot open ${f} (No such file or directory)`);
        return 2;
      }
      inputs.push({
        name: f,
        text: f === '-' ? text : await inv.ctx.materialize(inv.ctx.state, inv.machine, text),
      });
    }
    if (!inputs.some((x) => 'name' in x)) inputs.push({ name: '', text: inv.stdin ?? '' });
    try {
      const code = run.run(inputs);
      print(inv, run.out);
      return code;
    } catch (error) {
      if (!(error instanceof AwkRuntimeError) && !(error instanceof RegexError)) throw error;
      print(inv, run.out);
      const g = (k: string): string => run.str(run.globals.get(k));
      inv.io.err(
        error instanceof RegexError
          ? `awk: line 0: regular expression compile failed (${error.message})`
          : `awk: run time error: ${error.message}\n\tFILENAME="${g('FILENAME')}" FNR=${g('FNR')} NR=${g('NR')}`,
      );
      return 2;
    }
  },
};
