/**
 * Runs a parsed awk program over records: BEGIN, each rule per record (patterns, ranges), END;
 * fields and NF/NR/FNR/FS/OFS/ORS/RS/SUBSEP/RSTART/RLENGTH/CONVFMT/OFMT/FILENAME; numbers,
 * strings and numeric strings compared as POSIX says; arrays; user functions; the builtins.
 * Regular expressions are EREs on the linear-time engine (loaded before the run).
 *
 * upstream: POSIX.1-2017 awk (Expressions in awk: comparison of numeric strings, "Regular
 * Expressions", "Variables and Special Variables", "String Functions", "Arithmetic Functions").
 */
import { compileLoadedRegex, type UserRegex } from '../regex.ts';
import { numberText, sprintf } from './format.ts';
import type { Expr, Program, Stmt } from './parser.ts';

/** A value: number, string, a numeric string from input (`{ s }`), or unset. */
export type Val = number | string | { readonly s: string } | undefined;

/** A run-time error (`awk: …`, exit status 2). */
export class AwkRuntimeError extends Error {}

/** Control flow leaving a statement: next, exit, break, continue, return (not failures). */
class Signal extends Error {}
class Next extends Signal {}
class Exit extends Signal {
  readonly code: number;
  constructor(code: number) {
    super('exit');
    this.code = code;
  }
}
class Break extends Signal {}
class Continue extends Signal {}
class Return extends Signal {
  readonly value: Val;
  constructor(value: Val) {
    super('return');
    this.value = value;
  }
}

const NUMERIC = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[ \t\n]*$/;
const PREFIX = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/;

/** strtod of the leading number ("3abc" is 3, "abc" is 0). */
export function toNumber(s: string): number {
  const m = PREFIX.exec(s);
  return m ? Number(m[0]) : 0;
}

type Arr = Map<string, Val>;

/** The interpreter's state for one run. */
export class Awk {
  out = '';
  readonly globals = new Map<string, Val>();
  readonly arrays = new Map<string, Arr>();
  private frames: Array<Map<string, Val | Arr>> = [];
  private fields: string[] = [''];
  private nf = 0;
  private readonly regexCache = new Map<string, UserRegex>();
  private readonly ranges = new Map<number, boolean>();
  private seed = 0;
  private readonly program: Program;

  constructor(program: Program) {
    this.program = program;
    for (const [k, v] of Object.entries({
      FS: ' ',
      OFS: ' ',
      ORS: '\n',
      RS: '\n',
      NR: 0,
      NF: 0,
      FNR: 0,
      SUBSEP: '\u001c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
      RSTART: 0,
      RLENGTH: -1,
      FILENAME: '',
    }))
      this.globals.set(k, v);
  }

  str(v: Val): string {
    if (v === undefined) return '';
    if (typeof v === 'number')
      return numberText(v, this.str(this.globals.get('CONVFMT')) || '%.6g');
    return typeof v === 'string' ? v : v.s;
  }

  num(v: Val): number {
    if (v === undefined) return 0;
    if (typeof v === 'number') return v;
    return toNumber(typeof v === 'string' ? v : v.s);
  }

  private numLike(v: Val): boolean {
    return v === undefined || typeof v === 'number' || (typeof v === 'object' && NUMERIC.test(v.s));
  }

  truthy(v: Val): boolean {
    if (v === undefined) return false;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return NUMERIC.test(v.s) ? toNumber(v.s) !== 0 : v.s !== '';
  }

  regex(src: string): UserRegex {
    let re = this.regexCache.get(src);
    if (!re) {
      re = compileLoadedRegex(src, { extended: true, ignoreCase: false });
      this.regexCache.set(src, re);
    }
    return re;
  }

  // Records and fields.
  setRecord(line: string): void {
    this.fields = [line, ...this.split(line, this.str(this.globals.get('FS')))];
    this.nf = this.fields.length - 1;
  }

  split(s: string, fs: string): string[] {
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs);
    const parts: string[] = [];
    let at = 0;
    for (const m of this.regex(fs).matches(s, true)) {
      if (m.end === m.start) continue;
      parts.push(s.slice(at, m.start));
      at = m.end;
    }
    parts.push(s.slice(at));
    return parts;
  }

  private rebuild(): void {
    const ofs = this.str(this.globals.get('OFS'));
    this.fields[0] = this.fields.slice(1, this.nf + 1).join(ofs);
  }

  getField(i: number): Val {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    return i === 0 || i <= this.nf ? { s: this.fields[i] ?? '' } : undefined;
  }

  setField(i: number, v: string): void {
    if (i === 0) return this.setRecord(v);
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    this.nf = Math.max(this.nf, i);
    this.rebuild();
  }

  // Variables.
  private frame(name: string): Map<string, Val | Arr> | undefined {
    const f = this.frames[this.frames.length - 1];
    return f?.has(name) === true ? f : undefined;
  }

  getVar(name: string): Val {
    const f = this.frame(name);
    if (f) {
      const v = f.get(name);
      return v instanceof Map ? undefined : v;
    }
    if (name === 'NF') return this.nf;
    return this.globals.get(name);
  }

  setVar(name: string, v: Val): void {
    const f = this.frame(name);
    if (f) f.set(name, v);
    else if (name === 'NF') {
      this.nf = Math.max(0, Math.trunc(this.num(v)));
      while (this.fields.length <= this.nf) this.fields.push('');
      this.fields.length = this.nf + 1;
      this.rebuild();
    } else this.globals.set(name, v);
  }

  array(name: string): Arr {
    const f = this.frame(name);
    if (f) {
      const v = f.get(name);
      if (v instanceof Map) return v;
      const a: Arr = new Map();
      f.set(name, a);
      return a;
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(subs: readonly Expr[]): string {
    return subs.map((e) => this.str(this.eval(e))).join(this.str(this.globals.get('SUBSEP')));
  }

  assign(target: Expr, v: Val): Val {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field')
      this.setField(Math.trunc(this.num(this.eval(target.e))), this.str(v));
    else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v);
    return v;
  }

  matches(v: Val, re: Expr): boolean {
    const src = re.k === 're' ? re.src : this.str(this.eval(re));
    return this.regex(src).test(this.str(v));
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.matches(this.getField(0), e) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
        return this.getVar(e.name);
      case 'field':
        return this.getField(Math.trunc(this.num(this.eval(e.e))));
      case 'index': {
        const a = this.array(e.name);
        const k = this.key(e.subs);
        if (!a.has(k)) a.set(k, undefined);
        return a.get(k);
      }
      case 'in':
        return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'assign': {
        if (e.op === '=') return this.assign(e.target, this.eval(e.e));
        const a = this.num(this.eval(e.target));
        const b = this.num(this.eval(e.e));
        return this.assign(e.target, this.arith(e.op.slice(0, -1), a, b));
      }
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'match':
        return this.matches(this.eval(e.a), e.re) !== e.neg ? 1 : 0;
      case 'unary': {
        const v = this.eval(e.e);
        return e.op === '!' ? (this.truthy(v) ? 0 : 1) : e.op === '-' ? -this.num(v) : this.num(v);
      }
      case 'incdec': {
        const old = this.num(this.eval(e.target));
        const now = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, now);
        return e.prefix ? now : old;
      }
      case 'bin':
        return this.binary(e.op, e.a, e.b);
      case 'call':
        return this.builtin(e.name, e.args);
      case 'ufunc':
        return this.call(e.name, e.args);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      // mawk divides as IEEE 754 does: 1/0 is inf, 0/0 nan (gawk would stop instead).
      case '/':
        return a / b;
      case '%':
        return a % b;
      default:
        return a ** b;
    }
  }

  private binary(op: string, ae: Expr, be: Expr): Val {
    if (op === '&&') return this.truthy(this.eval(ae)) && this.truthy(this.eval(be)) ? 1 : 0;
    if (op === '||') return this.truthy(this.eval(ae)) || this.truthy(this.eval(be)) ? 1 : 0;
    const a = this.eval(ae);
    const b = this.eval(be);
    if (op === ' ') return this.str(a) + this.str(b);
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      let c: number;
      if (this.numLike(a) && this.numLike(b)) c = this.num(a) - this.num(b);
      else {
        const x = this.str(a);
        const y = this.str(b);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      const r =
        op === '<'
          ? c < 0
          : op === '<='
            ? c <= 0
            : op === '>'
              ? c > 0
              : op === '>='
                ? c >= 0
                : op === '=='
                  ? c === 0
                  : c !== 0;
      return r ? 1 : 0;
    }
    return this.arith(op, this.num(a), this.num(b));
  }

  private call(name: string, args: readonly Expr[]): Val {
    const f = this.program.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    if (this.frames.length > 200) throw new AwkRuntimeError('function call nesting too deep');
    const frame = new Map<string, Val | Arr>();
    f.params.forEach((p, i) => {
      const a = args[i];
      if (
        a?.k === 'var' &&
        (this.arrays.has(a.name) || this.frame(a.name)?.get(a.name) instanceof Map)
      )
        frame.set(p, this.array(a.name));
      else frame.set(p, a ? this.eval(a) : undefined);
    });
    this.frames.push(frame);
    try {
      this.block(f.body);
      return undefined;
    } catch (signal) {
      if (signal instanceof Return) return signal.value;
      throw signal;
    } finally {
      this.frames.pop();
    }
  }

  private substitute(args: readonly Expr[], global: boolean): Val {
    const [reE, replE, targetE = { k: 'field', e: { k: 'num', v: 0 } }] = args;
    if (!reE || !replE)
      throw new AwkRuntimeError(`${global ? 'gsub' : 'sub'} requires 2 or 3 arguments`);
    const re = this.regex(reE.k === 're' ? reE.src : this.str(this.eval(reE)));
    const repl = this.str(this.eval(replE));
    const text = this.str(this.eval(targetE));
    let out = '';
    let at = 0;
    let n = 0;
    for (const m of re.matches(text, global)) {
      const matched = text.slice(m.start, m.end);
      out +=
        text.slice(at, m.start) +
        repl.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? matched : t.slice(1)));
      at = m.end;
      n++;
    }
    if (n > 0) this.assign(targetE, out + text.slice(at));
    return n;
  }

  private builtin(name: string, args: readonly Expr[]): Val {
    const arg = (i: number): Val => {
      const a = args[i];
      return a ? this.eval(a) : undefined;
    };
    switch (name) {
      case 'length': {
        const a = args[0];
        if (!a) return this.str(this.getField(0)).length;
        if (
          a.k === 'var' &&
          (this.arrays.has(a.name) || this.frame(a.name)?.get(a.name) instanceof Map)
        )
          return this.array(a.name).size;
        return [...this.str(this.eval(a))].length;
      }
      case 'substr': {
        const s = [...this.str(arg(0))];
        const m = Math.round(this.num(arg(1)));
        const n = args[2] ? Math.round(this.num(arg(2))) : Infinity;
        const start = Math.max(m, 1);
        const end = Math.min(m + n, s.length + 1);
        return end <= start ? '' : s.slice(start - 1, end - 1).join('');
      }
      case 'index':
        return this.str(arg(0)).indexOf(this.str(arg(1))) + 1;
      case 'split': {
        const target = args[1];
        if (target?.k !== 'var')
          throw new AwkRuntimeError('split: second argument must be an array');
        const sep = args[2];
        const fs = !sep
          ? this.str(this.globals.get('FS'))
          : sep.k === 're'
            ? sep.src
            : this.str(this.eval(sep));
        const parts = this.split(this.str(arg(0)), fs);
        const a = this.array(target.name);
        a.clear();
        parts.forEach((p, i) => a.set(String(i + 1), { s: p }));
        return parts.length;
      }
      case 'sub':
        return this.substitute(args, false);
      case 'gsub':
        return this.substitute(args, true);
      case 'match': {
        const re = args[1];
        const s = this.str(arg(0));
        const m = re
          ? this.regex(re.k === 're' ? re.src : this.str(this.eval(re))).matches(s, false)[0]
          : undefined;
        this.globals.set('RSTART', m ? m.start + 1 : 0);
        this.globals.set('RLENGTH', m ? m.end - m.start : -1);
        return m ? m.start + 1 : 0;
      }
      case 'sprintf':
        return sprintf(
          this.str(arg(0)),
          args.slice(1).map((a) => this.eval(a)),
          (v) => this.num(v as Val),
          (v) => this.str(v as Val),
        );
      case 'tolower':
        return this.str(arg(0)).toLowerCase();
      case 'toupper':
        return this.str(arg(0)).toUpperCase();
      case 'int':
        return Math.trunc(this.num(arg(0)));
      case 'sqrt':
        return Math.sqrt(this.num(arg(0)));
      case 'exp':
        return Math.exp(this.num(arg(0)));
      case 'log':
        return Math.log(this.num(arg(0)));
      case 'sin':
        return Math.sin(this.num(arg(0)));
      case 'cos':
        return Math.cos(this.num(arg(0)));
      case 'atan2':
        return Math.atan2(this.num(arg(0)), this.num(arg(1)));
      case 'rand':
        // A fixed-seed generator: the simulator's runs are reproducible.
        this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
        return this.seed / 2147483648;
      case 'srand': {
        const old = this.seed;
        this.seed = Math.trunc(this.num(arg(0)));
        return old;
      }
      case 'close':
      case 'fflush':
        return 0;
      default:
        throw new AwkRuntimeError(`${name}() is not simulated`);
    }
  }

  // Statements.
  block(body: readonly Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private exec(s: Stmt): void {
    switch (s.k) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        if (s.printf) {
          const [f, ...rest] = s.args;
          if (!f) throw new AwkRuntimeError('printf: no format');
          this.out += sprintf(
            this.str(this.eval(f)),
            rest.map((a) => this.eval(a)),
            (v) => this.num(v as Val),
            (v) => this.str(v as Val),
          );
          return;
        }
        const ofmt = this.str(this.globals.get('OFMT')) || '%.6g';
        const parts = s.args.length === 0 ? [this.getField(0)] : s.args.map((a) => this.eval(a));
        this.out +=
          parts
            .map((v) => (typeof v === 'number' ? numberText(v, ofmt) : this.str(v)))
            .join(this.str(this.globals.get('OFS'))) + this.str(this.globals.get('ORS'));
        return;
      }
      case 'if':
        if (this.truthy(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
        while (this.truthy(this.eval(s.c))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (this.loopBody(s.body)) break;
        while (this.truthy(this.eval(s.c)));
        return;
      case 'for':
        for (
          s.init && this.eval(s.init);
          !s.c || this.truthy(this.eval(s.c));
          s.step && this.eval(s.step)
        )
          if (this.loopBody(s.body)) break;
        return;
      case 'forin':
        for (const k of [...this.array(s.arr).keys()]) {
          this.setVar(s.v, k);
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'block':
        this.block(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(this.num(this.eval(s.e))) : 0);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : undefined);
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (signal) {
      if (signal instanceof Break) return true;
      if (signal instanceof Continue) return false;
      throw signal;
    }
    return false;
  }

  /** Runs the program over the inputs; the exit status. */
  run(
    inputs: ReadonlyArray<{ name: string; text: string } | { assign: string; value: string }>,
  ): number {
    let code: number | null = null;
    const guard = (f: () => void): void => {
      try {
        f();
      } catch (signal) {
        if (signal instanceof Exit) code = signal.code;
        else if (!(signal instanceof Next)) throw signal;
      }
    };
    for (const b of this.program.begin) if (code === null) guard(() => this.block(b));
    const needInput = this.program.rules.length > 0 || this.program.end.length > 0;
    if (code === null && needInput)
      for (const input of inputs) {
        if ('assign' in input) {
          this.setVar(input.assign, { s: input.value });
          continue;
        }
        this.globals.set('FILENAME', input.name);
        this.globals.set('FNR', 0);
        for (const record of this.records(input.text)) {
          this.globals.set('NR', this.num(this.globals.get('NR')) + 1);
          this.globals.set('FNR', this.num(this.globals.get('FNR')) + 1);
          this.setRecord(record);
          guard(() => this.rules());
          if (code !== null) break;
        }
        if (code !== null) break;
      }
    const exitCode: number = code ?? 0;
    code = null;
    for (const b of this.program.end) if (code === null) guard(() => this.block(b));
    return code ?? exitCode;
  }

  private records(text: string): string[] {
    const rs = this.str(this.globals.get('RS'));
    if (rs === '')
      return text
        .split(/\n\n+/)
        .map((r) => r.replace(/^\n+|\n+$/g, ''))
        .filter((r) => r !== '');
    const parts = text.split(rs.length === 1 ? rs : this.regexSplitter(rs));
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  private regexSplitter(rs: string): RegExp {
    // RS longer than one character is an ERE in mawk and gawk; a literal split covers the
    // common `RS="\r\n"`.
    return new RegExp(rs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }

  private rules(): void {
    this.program.rules.forEach((r, i) => {
      let hit: boolean;
      if (r.range) {
        if (this.ranges.get(i) === true) {
          hit = true;
          if (this.truthy(this.eval(r.range[1]))) this.ranges.set(i, false);
        } else if (this.truthy(this.eval(r.range[0]))) {
          hit = true;
          this.ranges.set(i, !this.truthy(this.eval(r.range[1])));
        } else hit = false;
      } else hit = !r.pattern || this.truthy(this.eval(r.pattern));
      if (!hit) return;
      if (r.action) this.block(r.action);
      else this.out += this.str(this.getField(0)) + this.str(this.globals.get('ORS'));
    });
  }
}
