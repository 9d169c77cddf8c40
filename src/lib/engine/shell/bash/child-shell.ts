/**
 * `bash` and `sh` typed as commands: a child shell running `-c STRING [NAME [ARG…]]`, a script
 * file (`bash FILE [ARG…]`) or a script read from its standard input (`… | bash`, `bash -s`).
 * The child starts without the parent's functions, arrays and options, and whatever it changes
 * (variables, working directory, options) is gone when it ends; `exit` ends only the child.
 *
 * Error lines follow bash 5.2 (error.c error_prolog; measured with GNU bash 5.2.15 on a terminal,
 * the wording of Ubuntu 24.04's 5.2.21): the child's own errors start `$0: line N: `, where `$0` is
 * the script file, the name given after a `-c` string, or `bash`. A syntax error stops the script where bash's reader meets it: the
 * complete lines before it run, then the error and the offending line are printed (exit 2).
 * `sh` is Ubuntu's dash: its "not found" line is `sh: N: CMD: not found`; its other messages are
 * bash's here.
 */
import { parseScript } from './parse.ts';
import { ParseError } from './lexer.ts';
import type { Fds, Interpreter, Sink } from './exec.ts';
import { createBashState } from './vars.ts';

/** The names under which a child shell runs. */
export const CHILD_SHELLS: ReadonlySet<string> = new Set([
  'bash',
  'sh',
  '/bin/bash',
  '/usr/bin/bash',
  '/bin/sh',
  '/usr/bin/sh',
]);

const BASH_VERSION = '5.2.21(1)-release';

/** How many line boundaries before a syntax error are tried for the part bash already ran. */
const MAX_BACKTRACK = 64;

/** `bash --help` and the usage after an invalid option (bash 5.2 shell.c show_shell_usage). */
const USAGE = `Usage:\tbash [GNU long option] [option] ...
\tbash [GNU long option] [option] script-file ...
GNU long options:
${[
  'debug',
  'debugger',
  'dump-po-strings',
  'dump-strings',
  'help',
  'init-file',
  'login',
  'noediting',
  'noprofile',
  'norc',
  'posix',
  'pretty-print',
  'rcfile',
  'restricted',
  'verbose',
  'version',
]
  .map((o) => `\t--${o}\n`)
  .join('')}Shell options:
\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)
\t-abefhkmnptuvxBCEHPT or -o option
`;

const HELP_TAIL = `Type \`bash -c "help set"' for more information about shell options.
Type \`bash -c help' for more information about shell builtin commands.
Use the \`bashbug' command to report bugs.

bash home page: <http://www.gnu.org/software/bash>
General help using GNU software: <http://www.gnu.org/gethelp/>
`;

const VERSION = `GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

const LONG_OPTIONS_IGNORED = new Set([
  '--norc',
  '--noprofile',
  '--login',
  '--posix',
  '--noediting',
  '--restricted',
  '--verbose',
  '--debug',
]);

const SET_LETTERS: Readonly<Record<string, string>> = {
  e: 'errexit',
  u: 'nounset',
  f: 'noglob',
  x: 'xtrace',
};

/** What the command line asks the child to run. */
interface Invocation {
  readonly mode: 'command' | 'file' | 'stdin';
  /** The `-c` string or the file's path. */
  readonly source?: string;
  readonly argv0: string;
  readonly positional: string[];
  readonly options: ReadonlySet<string>;
  readonly noexec: boolean;
}

type Parsed = Invocation | { readonly exit: number; readonly out?: string; readonly err?: string };

function parseInvocation(name: string, args: readonly string[]): Parsed {
  const shell = name.slice(name.lastIndexOf('/') + 1);
  const options = new Set<string>();
  let command = false;
  let stdin = false;
  let noexec = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a === '--version') return { exit: 0, out: VERSION };
    if (a === '--help')
      return {
        exit: 0,
        out: `GNU bash, version ${BASH_VERSION}-(x86_64-pc-linux-gnu)\n${USAGE}${HELP_TAIL}`,
      };
    if (LONG_OPTIONS_IGNORED.has(a)) continue;
    if (!/^[-+][A-Za-z]+$/.test(a)) {
      if (a.startsWith('--')) return { exit: 2, err: `${shell}: ${a}: invalid option\n${USAGE}` };
      break;
    }
    for (const letter of a.slice(1)) {
      if (letter === 'c') command = true;
      else if (letter === 's') stdin = true;
      else if (letter === 'n') noexec = true;
      else if (letter === 'o') {
        const o = args[++i];
        if (o === undefined) return { exit: 2, err: `${shell}: -o: option requires an argument\n` };
        options.add(o);
      } else if (SET_LETTERS[letter] !== undefined) options.add(SET_LETTERS[letter]);
      else if (!'ilrvDp'.includes(letter))
        return { exit: 2, err: `${shell}: -${letter}: invalid option\n${USAGE}` };
    }
  }
  const rest = args.slice(i);
  if (command) {
    const [source, argv0, ...positional] = rest;
    if (source === undefined)
      return { exit: 2, err: `${shell}: -c: option requires an argument\n` };
    return { mode: 'command', source, argv0: argv0 ?? shell, positional, options, noexec };
  }
  if (!stdin && rest[0] !== undefined) {
    const [source = '', ...positional] = rest;
    return { mode: 'file', source, argv0: source, positional, options, noexec };
  }
  return { mode: 'stdin', argv0: shell, positional: rest, options, noexec };
}

/** The prefix bash puts before its own error lines in this child (see the file comment). */
function errorPrefix(inv: Invocation, shell: string, line: number): string {
  return shell === 'sh' ? `${inv.argv0}: ${line}: ` : `${inv.argv0}: line ${line}: `;
}

/** A sink that rewrites the shell's own error lines with the child's prefix. */
function childErrors(err: Sink, prefix: () => string, shell: string): Sink {
  let atStart = true;
  return {
    write(text: string): void {
      const lines = text.split(/(?<=\n)/);
      for (const l of lines) {
        let out = l;
        if (atStart) {
          const notFound = /^([^\s:]+): command not found(\n?)$/.exec(l);
          if (notFound)
            out =
              shell === 'sh'
                ? `${prefix()}${notFound[1] ?? ''}: not found${notFound[2] ?? ''}`
                : `${prefix()}${l}`;
          else if (l.startsWith('bash: ')) out = prefix() + l.slice('bash: '.length);
        }
        err.write(out);
        atStart = l.endsWith('\n');
      }
    },
  };
}

/**
 * The syntax error's line and what bash ran before meeting it: its reader runs each complete
 * command as soon as it is read, so the longest run of whole lines before the error that parses.
 */
function syntaxError(src: string, e: ParseError): { before: string; line: number } {
  const line = e.line ?? 1;
  const lines = src.split('\n');
  // Bounded: a hostile script of many lines must not cost a parse per line (issue 14).
  for (let k = line - 1; k > 0 && k >= line - 1 - MAX_BACKTRACK; k--) {
    const before = lines.slice(0, k).join('\n');
    if (parses(before)) return { before, line };
  }
  return { before: '', line };
}

function parses(src: string): boolean {
  try {
    parseScript(src);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `bash …`/`sh …` as a child shell of `sh`.
 * @returns the child's exit status
 */
export async function runChildShell(
  sh: Interpreter,
  name: string,
  args: readonly string[],
  fds: Fds,
): Promise<number> {
  const shell = name.slice(name.lastIndexOf('/') + 1);
  const parsed = parseInvocation(name, args);
  if ('exit' in parsed) {
    if (parsed.out !== undefined) fds.out.write(parsed.out);
    if (parsed.err !== undefined) fds.err.write(parsed.err);
    return parsed.exit;
  }
  let script = parsed.source ?? '';
  if (parsed.mode === 'file') {
    const content = sh.machineState()?.files[sh.resolve(script)];
    if (content === undefined) {
      fds.err.write(`${shell}: ${script}: No such file or directory\n`);
      return 127;
    }
    script = content;
  } else if (parsed.mode === 'stdin') script = fds.stdin?.takeAll() ?? '';

  const err = childErrors(fds.err, () => errorPrefix(parsed, shell, sh.currentLine), shell);
  const io: Fds = { stdin: parsed.mode === 'stdin' ? null : fds.stdin, out: fds.out, err };
  const argv0 = sh.argv0;
  const line = sh.currentLine;
  try {
    return await sh.subshell(async () => {
      const fresh = createBashState(sh.sh.cwd, sh.sh.clockStart, sh.sh.random);
      sh.sh = { ...fresh, options: new Set(parsed.options), positional: parsed.positional };
      sh.argv0 = parsed.argv0;
      let run = script;
      let failure: { line: number; message: string; text: string | undefined } | undefined;
      try {
        parseScript(script);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        const at = syntaxError(script, e);
        run = at.before;
        failure = {
          line: at.line,
          message: e.message,
          text: e.incomplete ? undefined : script.split('\n')[at.line - 1],
        };
      }
      let status = 0;
      if (!parsed.noexec && run.trim() !== '') status = await sh.runSource(run, io);
      if (!failure) return status;
      const where =
        parsed.mode === 'command'
          ? `${shell}: -c: line ${failure.line}: `
          : parsed.mode === 'file'
            ? `${parsed.argv0}: line ${failure.line}: `
            : `${shell}: line ${failure.line}: `;
      fds.err.write(`${where}${failure.message}\n`);
      if (failure.text !== undefined) fds.err.write(`${where}\`${failure.text}'\n`);
      return 2;
    }, err);
  } finally {
    sh.argv0 = argv0;
    sh.currentLine = line;
  }
}
