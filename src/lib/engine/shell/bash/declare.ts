/**
 * The declaration builtins `declare`/`typeset`, `local`, `export` and `readonly`: variables,
 * indexed (`-a`) and associative (`-A`) arrays, `local` scoping inside functions, `-p` listing.
 * Their `NAME=value` arguments arrive unsplit (exec.ts), array values as raw text marked with
 * RAW_ASSIGNMENT so they are parsed and expanded like `NAME=(…)`.
 */
import type { Fds, Interpreter } from './exec.ts';
import { ASSIGNMENT_WORD, parseAssignment } from './parse.ts';
import { arrayKeys } from './vars.ts';

/** Marks a raw `NAME=(…)` argument of a declaration builtin. */
export const RAW_ASSIGNMENT = '\u0000';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function printVar(sh: Interpreter, name: string, fds: Fds, exportStyle: boolean): boolean {
  const a = sh.sh.arrays.get(name);
  if (a) {
    const items = arrayKeys(a)
      .map((k) => `[${k}]="${a.items.get(k) ?? ''}"`)
      .join(' ');
    fds.out.write(
      `declare -${a.assoc ? 'A' : 'a'} ${name}=(${items}${a.assoc && items ? ' ' : ''})\n`,
    );
    return true;
  }
  const v = sh.ctx.env[name];
  if (v === undefined) return false;
  fds.out.write(`declare ${exportStyle ? '-x' : '--'} ${name}="${v}"\n`);
  return true;
}

/** Runs a declaration builtin. */
export async function declaration(
  sh: Interpreter,
  kind: 'declare' | 'local' | 'export',
  args: readonly string[],
  fds: Fds,
): Promise<number> {
  const frame = sh.sh.frames.at(-1);
  if (kind === 'local' && !frame) {
    fds.err.write('bash: local: can only be used in a function\n');
    return 1;
  }
  let flags = '';
  const operands: string[] = [];
  for (const a of args) {
    if (operands.length === 0 && /^[-+][aAxrigpfFnlut]+$/.test(a)) flags += a.slice(1);
    else if (a !== '--') operands.push(a);
  }
  if (operands.length === 0 && (kind === 'export' || flags.includes('p') || flags.includes('x'))) {
    const names = Object.keys(sh.ctx.env).sort();
    for (const n of names) printVar(sh, n, fds, true);
    return 0;
  }
  if (flags.includes('p')) {
    let status = 0;
    for (const n of operands) {
      if (!printVar(sh, n, fds, false)) {
        fds.err.write(`bash: declare: ${n}: not found\n`);
        status = 1;
      }
    }
    return status;
  }
  let status = 0;
  for (const raw of operands) {
    const text = raw.startsWith(RAW_ASSIGNMENT) ? raw.slice(1) : raw;
    const m = ASSIGNMENT_WORD.exec(text);
    const name = m ? (m[1] ?? '') : text;
    if (!NAME.test(name)) {
      fds.err.write(`bash: ${kind}: \`${text}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    const isLocal = kind === 'local' || (kind === 'declare' && frame && !flags.includes('g'));
    if (isLocal && frame && !frame.saved.has(name))
      frame.saved.set(name, { scalar: sh.ctx.env[name], array: sh.sh.arrays.get(name) });
    if (flags.includes('A') || flags.includes('a')) {
      const assoc = flags.includes('A');
      if (!sh.sh.arrays.has(name) || isLocal) {
        delete sh.ctx.env[name];
        sh.sh.arrays.set(name, { assoc, items: new Map() });
      }
    }
    if (!m) {
      if (isLocal && !flags.includes('a') && !flags.includes('A')) {
        delete sh.ctx.env[name];
        sh.sh.arrays.delete(name);
      }
      continue;
    }
    if (raw.startsWith(RAW_ASSIGNMENT)) {
      await sh.assign(parseAssignment(text, m));
      continue;
    }
    const value = text.slice(m[0].length);
    if (m[2]) sh.setElement(name, m[2].slice(1, -1), value);
    else sh.setScalar(name, m[3] === '+' ? (sh.scalar(name) ?? '') + value : value);
  }
  return status;
}
