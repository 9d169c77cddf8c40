/**
 * bash's builtins, with bash 5.2's wording and exit statuses: `:`, true, false, echo, printf,
 * cd, pwd, export, unset, set, shift, local, declare, return, break, continue, exit, eval,
 * source, test/[, read, let, type, command, and the no-op job/shell settings.
 */
import { isDirectory } from '../../src/index.ts';
import { registry } from '../registry.ts';
import type { Fds, Interpreter } from './exec.ts';
import { Flow } from './exec.ts';
import { evalTest } from './test-expr.ts';
import { formatPrintf, echoEscapes } from './printf.ts';
import { declaration } from './declare.ts';

/** A builtin: returns the exit status. */
export type Builtin = (sh: Interpreter, args: string[], fds: Fds) => number | Promise<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const OPTIONS: Record<string, string> = { e: 'errexit', u: 'nounset', f: 'noglob', x: 'xtrace' };

function cd(sh: Interpreter, args: string[], fds: Fds): number {
  const operands = args[0] === '--' ? args.slice(1) : args.filter((a) => a !== '-L' && a !== '-P');
  if (operands.length > 1) {
    fds.err.write('bash: cd: too many arguments\n');
    return 1;
  }
  let target = operands[0];
  let print = false;
  if (target === undefined || target === '') target = sh.ctx.env['HOME'];
  if (target === undefined) {
    fds.err.write('bash: cd: HOME not set\n');
    return 1;
  }
  if (target === '-') {
    if (sh.sh.oldpwd === undefined) {
      fds.err.write('bash: cd: OLDPWD not set\n');
      return 1;
    }
    target = sh.sh.oldpwd;
    print = true;
  }
  const path = sh.resolve(target);
  const m = sh.machineState();
  if (!m || !isDirectory(m, path)) {
    const isFile = m?.files[path] !== undefined;
    fds.err.write(
      `bash: cd: ${target}: ${isFile ? 'Not a directory' : 'No such file or directory'}\n`,
    );
    return 1;
  }
  sh.sh.oldpwd = sh.sh.cwd;
  sh.sh.cwd = path;
  if (print) fds.out.write(`${path}\n`);
  return 0;
}

function set(sh: Interpreter, args: string[], fds: Fds): number {
  if (args.length === 0) {
    for (const [k, v] of Object.entries(sh.ctx.env).sort(([a], [b]) => (a < b ? -1 : 1)))
      fds.out.write(`${k}=${v}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--' || a === '-') {
      sh.sh.positional = args.slice(i + 1);
      return 0;
    }
    const on = a.startsWith('-');
    if (!on && !a.startsWith('+')) {
      sh.sh.positional = args.slice(i);
      return 0;
    }
    for (const letter of a.slice(1)) {
      if (letter === 'o') {
        const name = args[++i];
        if (name === undefined) {
          for (const o of ['errexit', 'noglob', 'nounset', 'pipefail', 'xtrace'])
            fds.out.write(`${o.padEnd(15)}\t${sh.sh.options.has(o) ? 'on' : 'off'}\n`);
          continue;
        }
        if (!['errexit', 'pipefail', 'nounset', 'noglob', 'xtrace'].includes(name)) {
          fds.err.write(`bash: set: ${name}: invalid option name\n`);
          return 2;
        }
        if (on) sh.sh.options.add(name);
        else sh.sh.options.delete(name);
        continue;
      }
      const name = OPTIONS[letter];
      if (!name) {
        fds.err.write(`bash: set: ${a[0]}${letter}: invalid option\n`);
        fds.err.write(
          'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n',
        );
        return 2;
      }
      if (on) sh.sh.options.add(name);
      else sh.sh.options.delete(name);
    }
  }
  return 0;
}

function exit(sh: Interpreter, args: string[], fds: Fds): number {
  if (args.length > 1 && /^-?[0-9]+$/.test(args[0] ?? '')) {
    fds.err.write('bash: exit: too many arguments\n');
    return 1;
  }
  const a = args[0];
  if (a === undefined) throw new Flow('exit', sh.sh.lastStatus);
  // A status past int64 is not a number to bash either (builtins/common.c get_exitstat, legal_number).
  const n = /^\s*[-+]?[0-9]+\s*$/.test(a) ? BigInt(a.trim()) : undefined;
  if (n === undefined || n > 9223372036854775807n || n < -9223372036854775808n) {
    fds.err.write(`bash: exit: ${a}: numeric argument required\n`);
    throw new Flow('exit', 2);
  }
  throw new Flow('exit', Number(BigInt.asUintN(8, n)));
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (sh, args, fds) => {
    const n = args[0] === undefined ? 1 : Number(args[0]);
    if (!Number.isInteger(n) || n < 1) {
      fds.err.write(`bash: ${kind}: ${args[0] ?? ''}: loop count out of range\n`);
      return 1;
    }
    if (sh.loopDepth === 0) {
      fds.err.write(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new Flow(kind, Math.min(n, sh.loopDepth));
  };
}

async function source(sh: Interpreter, args: string[], fds: Fds): Promise<number> {
  const file = args[0];
  if (file === undefined) {
    fds.err.write('bash: source: filename argument required\n');
    fds.err.write('source: usage: source filename [arguments]\n');
    return 2;
  }
  const content = sh.machineState()?.files[sh.resolve(file)];
  if (content === undefined) {
    fds.err.write(`bash: ${file}: No such file or directory\n`);
    return 1;
  }
  sh.sourceDepth++;
  try {
    return await sh.runSource(content, fds);
  } catch (e) {
    if (e instanceof Flow && e.kind === 'return') return e.n;
    throw e;
  } finally {
    sh.sourceDepth--;
  }
}

function read(sh: Interpreter, args: string[], fds: Fds): number {
  let raw = false;
  let arrayName: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-r') raw = true;
    else if (a === '-a') arrayName = args[++i];
    else if (a === '-p' || a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
    else if (a.startsWith('-')) continue;
    else names.push(a);
  }
  const read = fds.stdin?.readLine() ?? null;
  if (read === null) return 1;
  const nl = read.partial ? -1 : 0;
  let line = read.line;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = sh.scalar('IFS') ?? ' \t\n';
  const fields = line
    .split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`))
    .filter((f, i) => f !== '' || i > 0);
  if (arrayName) {
    sh.sh.arrays.set(arrayName, {
      assoc: false,
      items: new Map(fields.map((f, i) => [String(i), f])),
    });
    return nl < 0 ? 1 : 0;
  }
  const targets = names.length > 0 ? names : ['REPLY'];
  targets.forEach((n, i) => {
    const value = i === targets.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
    sh.setScalar(n, i === targets.length - 1 && names.length === 0 ? line : value);
  });
  return nl < 0 ? 1 : 0;
}

function describe(sh: Interpreter, name: string): { kind: string; path?: string } | null {
  if (KEYWORDS.has(name)) return { kind: 'keyword' };
  if (sh.sh.functions.has(name)) return { kind: 'function' };
  if (builtins.has(name)) return { kind: 'builtin' };
  const mod = registry.get(name);
  const m = sh.machineState();
  if (mod && (!mod.requiresPackage || m?.packages[mod.requiresPackage]))
    return { kind: 'file', path: `/usr/bin/${name}` };
  return null;
}

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  '{',
  '}',
  '[[',
  ']]',
  '!',
  'in',
  'time',
]);

function type(sh: Interpreter, args: string[], fds: Fds): number {
  let status = 0;
  const flags = args.filter((a) => a.startsWith('-')).join('');
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const d = describe(sh, name);
    if (!d) {
      if (!flags.includes('t') && !flags.includes('P'))
        fds.err.write(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    if (flags.includes('t')) fds.out.write(`${d.kind}\n`);
    else if (flags.includes('P')) {
      if (d.path) fds.out.write(`${d.path}\n`);
      else status = 1;
    } else if (d.kind === 'file') fds.out.write(`${name} is ${d.path ?? ''}\n`);
    else if (d.kind === 'function') fds.out.write(`${name} is a function\n`);
    else fds.out.write(`${name} is a shell ${d.kind}\n`);
  }
  return status;
}

async function command(sh: Interpreter, args: string[], fds: Fds): Promise<number> {
  if (args[0] === '-v' || args[0] === '-V') {
    let status = 0;
    for (const name of args.slice(1)) {
      const d = describe(sh, name);
      if (!d) status = 1;
      else if (args[0] === '-V') return type(sh, [name], fds);
      else fds.out.write(`${d.path ?? name}\n`);
    }
    return status;
  }
  if (args.length === 0) return 0;
  return sh.invoke(args, fds, true);
}

/** Builtins by name. */
export const builtins = new Map<string, Builtin>([
  [':', () => 0],
  ['true', () => 0],
  ['false', () => 1],
  [
    'echo',
    (_sh, args, fds) => {
      let i = 0;
      let newline = true;
      let escapes = false;
      while (i < args.length && /^-[neE]+$/.test(args[i] ?? '')) {
        for (const f of (args[i] ?? '').slice(1)) {
          if (f === 'n') newline = false;
          else escapes = f === 'e';
        }
        i++;
      }
      let text = args.slice(i).join(' ');
      if (escapes) {
        const r = echoEscapes(text);
        text = r.text;
        if (r.stop) newline = false;
      }
      fds.out.write(newline ? `${text}\n` : text);
      return 0;
    },
  ],
  ['printf', (sh, args, fds) => formatPrintf(sh, args, fds)],
  ['cd', cd],
  ['pwd', (sh, _args, fds) => (fds.out.write(`${sh.sh.cwd}\n`), 0)],
  ['set', set],
  [
    'shift',
    (sh, args, fds) => {
      const n = args[0] === undefined ? 1 : Number(args[0]);
      const frame = sh.sh.frames.at(-1);
      const pos = frame ? frame.positional : sh.sh.positional;
      if (!Number.isInteger(n) || n < 0) {
        fds.err.write(`bash: shift: ${args[0] ?? ''}: numeric argument required\n`);
        return 1;
      }
      if (n > pos.length) return 1;
      if (frame) frame.positional = pos.slice(n);
      else sh.sh.positional = pos.slice(n);
      return 0;
    },
  ],
  [
    'return',
    (sh, args, fds) => {
      if (sh.sh.frames.length === 0 && sh.sourceDepth === 0) {
        fds.err.write("bash: return: can only `return' from a function or sourced script\n");
        return 2;
      }
      const a = args[0];
      if (a !== undefined && !/^-?[0-9]+$/.test(a)) {
        fds.err.write(`bash: return: ${a}: numeric argument required\n`);
        throw new Flow('return', 2);
      }
      throw new Flow(
        'return',
        a === undefined ? sh.sh.lastStatus : Number(BigInt.asUintN(8, BigInt(a))),
      );
    },
  ],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  ['exit', exit],
  ['eval', (sh, args, fds) => sh.runSource(args.join(' '), fds)],
  ['source', source],
  ['.', source],
  ['test', (sh, args, fds) => evalTest(args, sh, fds.err, 'test')],
  [
    '[',
    (sh, args, fds) => {
      if (args.at(-1) !== ']') {
        fds.err.write("bash: [: missing `]'\n");
        return 2;
      }
      return evalTest(args.slice(0, -1), sh, fds.err, '[');
    },
  ],
  ['read', read],
  [
    'let',
    (sh, args, fds) => {
      if (args.length === 0) {
        fds.err.write('bash: let: expression expected\n');
        return 1;
      }
      let v = 0n;
      for (const a of args) v = sh.arith(a);
      return v === 0n ? 1 : 0;
    },
  ],
  ['type', type],
  ['command', command],
  ['local', (sh, args, fds) => declaration(sh, 'local', args, fds)],
  ['declare', (sh, args, fds) => declaration(sh, 'declare', args, fds)],
  ['typeset', (sh, args, fds) => declaration(sh, 'declare', args, fds)],
  ['export', (sh, args, fds) => declaration(sh, 'export', args, fds)],
  ['readonly', (sh, args, fds) => declaration(sh, 'declare', args, fds)],
  [
    'unset',
    (sh, args) => {
      const fn = args[0] === '-f';
      for (const a of args.filter((x) => !x.startsWith('-'))) {
        if (fn) {
          sh.sh.functions.delete(a);
          continue;
        }
        const el = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(a);
        if (el) {
          sh.sh.arrays.get(el[1] ?? '')?.items.delete(el[2] ?? '');
          continue;
        }
        if (NAME.test(a)) {
          delete sh.ctx.env[a];
          sh.sh.arrays.delete(a);
          if (!args.includes('-v') && sh.sh.functions.has(a) && sh.ctx.env[a] === undefined)
            continue;
        }
      }
      return 0;
    },
  ],
  ['shopt', () => 0],
  ['trap', () => 0],
  ['wait', () => 0],
  ['hash', () => 0],
  ['umask', (_sh, args, fds) => (args.length === 0 && fds.out.write('0022\n'), 0)],
]);
