/**
 * `test` / `[` (and the unary/binary operators of `[[ ]]`) with bash's POSIX argument-count
 * rules and messages (`[: a: unary operator expected`, `integer expression expected`). File tests
 * look at the current machine's simulated filesystem.
 */
import { isDirectory } from '../../src/index.ts';
import type { Sink } from './exec.ts';
import { BINARY_OPERATORS } from './test-operators.ts';

/** What test needs from the interpreter. */
export interface TestHost {
  resolve(path: string): string;
  machineState():
    | { readonly files: Readonly<Record<string, string>>; readonly dirs: readonly string[] }
    | undefined;
  scalar(name: string): string | undefined;
}

class TestError extends Error {}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-L',
  '-h',
  '-n',
  '-z',
  '-v',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
  '-N',
  '-a',
]);

/** Evaluates test arguments; returns 0 (true), 1 (false) or 2 (error, message written to `err`). */
export function evalTest(args: readonly string[], h: TestHost, err?: Sink, name = 'test'): number {
  try {
    return run(args, h) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      err?.write(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function run(a: readonly string[], h: TestHost): boolean {
  switch (a.length) {
    case 0:
      return false;
    case 1:
      return a[0] !== '';
    case 2:
      if (a[0] === '!') return a[1] === '';
      return unary(a[0] ?? '', a[1] ?? '', h);
    case 3:
      if (BINARY_OPERATORS.has(a[1] ?? '')) return binary(a[0] ?? '', a[1] ?? '', a[2] ?? '', h);
      if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
      if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
      if (a[0] === '!') return !run(a.slice(1), h);
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      throw new TestError(`${a[1] ?? ''}: binary operator expected`);
    case 4:
      if (a[0] === '!') return !run(a.slice(1), h);
      if (a[0] === '(' && a[3] === ')') return run(a.slice(1, 3), h);
  }
  return expr([...a], h);
}

function expr(a: string[], h: TestHost): boolean {
  let i = 0;
  const or = (): boolean => {
    let v = and();
    while (a[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (a[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (a[i] === '!') {
      i++;
      return !not();
    }
    if (a[i] === '(') {
      i++;
      const v = or();
      if (a[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    const x = a[i] ?? '';
    if (BINARY_OPERATORS.has(a[i + 1] ?? '') && a[i + 2] !== undefined) {
      i += 3;
      return binary(x, a[i - 2] ?? '', a[i - 1] ?? '', h);
    }
    if (UNARY.has(x) && a[i + 1] !== undefined) {
      i += 2;
      return unary(x, a[i - 1] ?? '', h);
    }
    i++;
    return x !== '';
  };
  const v = or();
  if (i < a.length) throw new TestError('too many arguments');
  return v;
}

function unary(op: string, x: string, h: TestHost): boolean {
  const m = h.machineState();
  const path = (): string => h.resolve(x);
  switch (op) {
    case '-n':
      return x !== '';
    case '-z':
      return x === '';
    case '-e':
    case '-a':
      return m !== undefined && (m.files[path()] !== undefined || isDirectory(m as never, path()));
    case '-f':
      return m?.files[path()] !== undefined;
    case '-s':
      return (m?.files[path()] ?? '') !== '';
    case '-d':
      return m !== undefined && isDirectory(m as never, path());
    case '-r':
    case '-w':
      return m !== undefined && (m.files[path()] !== undefined || isDirectory(m as never, path()));
    case '-x':
      return m !== undefined && isDirectory(m as never, path());
    case '-v':
      return h.scalar(x) !== undefined;
    case '-L':
    case '-h':
    case '-b':
    case '-c':
    case '-p':
    case '-S':
    case '-t':
    case '-g':
    case '-u':
    case '-k':
    case '-N':
      return false;
    case '-O':
    case '-G':
      return m !== undefined && m.files[path()] !== undefined;
  }
  throw new TestError(`${op}: unary operator expected`);
}

function integer(x: string): bigint {
  if (!/^\s*[-+]?[0-9]+\s*$/.test(x)) throw new TestError(`${x}: integer expression expected`);
  return BigInt(x.trim());
}

function binary(x: string, op: string, y: string, h: TestHost): boolean {
  void h;
  switch (op) {
    case '=':
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '-eq':
      return integer(x) === integer(y);
    case '-ne':
      return integer(x) !== integer(y);
    case '-lt':
      return integer(x) < integer(y);
    case '-le':
      return integer(x) <= integer(y);
    case '-gt':
      return integer(x) > integer(y);
    case '-ge':
      return integer(x) >= integer(y);
  }
  return false;
}
