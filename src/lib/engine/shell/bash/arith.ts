/**
 * Shell arithmetic (`$((…))`, `((…))`, `let`, array subscripts) with bash's 64-bit integers,
 * operators and precedence (bash's expr.c), and its error wording
 * (`1/0: division by 0 (error token is "0")`).
 */

/** Variables as arithmetic sees them. */
export interface ArithVars {
  get(name: string, index?: bigint): string | undefined;
  set(name: string, value: string, index?: bigint): void;
}

/** An arithmetic error, worded as bash prints it after `bash: `. */
export class ArithError extends Error {}

type Tok = { readonly v: string; readonly at: number };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
];

const MAX_DEPTH = 64;
/**
 * Syntactic nesting (parentheses, unary operators, `**` and assignment chains) the parser follows
 * before it answers bash's recursion error instead of overflowing the JavaScript stack.
 */
const MAX_NESTING = 256;

/** Evaluates `src`; throws ArithError with bash's message. */
export function evaluateArith(src: string, vars: ArithVars, depth = 0): bigint {
  if (depth > MAX_DEPTH) throw new ArithError(`${src}: expression recursion level exceeded`);
  const toks = lex(src);
  let i = 0;
  const expr = src.trim();
  const peek = (): string | undefined => toks[i]?.v;
  const fail = (what: string, tokenIndex = i): never => {
    const at = toks[tokenIndex]?.at ?? src.length;
    throw new ArithError(`${expr}: ${what} (error token is "${src.slice(at).trim()}")`);
  };
  const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);
  const valueOf = (name: string, index?: bigint): bigint => {
    const raw = vars.get(name, index);
    if (raw === undefined || raw.trim() === '') return 0n;
    return /^\s*-?[0-9]+\s*$/.test(raw) ? BigInt(raw.trim()) : evaluateArith(raw, vars, depth + 1);
  };

  // Each level returns a thunk-free value; short-circuiting uses `skip` to avoid side effects.
  let skip = 0;
  let nesting = 0;
  /** Runs a nested parse, bounded by MAX_NESTING. */
  const nested = (parse: () => bigint): bigint => {
    if (++nesting > MAX_NESTING) fail('expression recursion level exceeded');
    const v = parse();
    nesting--;
    return v;
  };
  type LV = { name: string; index?: bigint };
  const assignOps = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

  const comma = (): bigint => {
    let v = assign();
    while (peek() === ',') {
      i++;
      v = assign();
    }
    return v;
  };
  const lvalueAt = (): LV | null => {
    const t = toks[i];
    if (!t || !/^[A-Za-z_]/.test(t.v)) return null;
    if (toks[i + 1]?.v === '[') {
      const save = i;
      i += 2;
      const idx = comma();
      if (peek() !== ']') {
        i = save;
        return null;
      }
      i++;
      return { name: t.v, index: idx };
    }
    i++;
    return { name: t.v };
  };
  const assign = (): bigint => {
    const save = i;
    const lv = lvalueAt();
    const op = peek();
    if (lv && op !== undefined && assignOps.has(op)) {
      i++;
      const rhs = nested(assign);
      let v = rhs;
      if (op !== '=') v = binary(op.slice(0, -1), valueOf(lv.name, lv.index), rhs);
      if (!skip) vars.set(lv.name, String(v), lv.index);
      return v;
    }
    i = save;
    return ternary();
  };
  const ternary = (): bigint => {
    const c = logicalOr();
    if (peek() !== '?') return c;
    i++;
    if (!c) skip++;
    const a = nested(assign);
    if (!c) skip--;
    if (peek() !== ':') fail('syntax error in expression');
    i++;
    if (c) skip++;
    const b = nested(assign);
    if (c) skip--;
    return c ? a : b;
  };
  const logicalOr = (): bigint => {
    let v = logicalAnd();
    while (peek() === '||') {
      i++;
      if (v) skip++;
      const r = logicalAnd();
      if (v) skip--;
      v = v || r ? 1n : 0n;
    }
    return v;
  };
  const logicalAnd = (): bigint => {
    let v = level(0);
    while (peek() === '&&') {
      i++;
      if (!v) skip++;
      const r = level(0);
      if (!v) skip--;
      v = v && r ? 1n : 0n;
    }
    return v;
  };
  const LEVELS: ReadonlyArray<readonly string[]> = [
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];
  const binary = (op: string, a: bigint, b: bigint, at = i): bigint => {
    switch (op) {
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (skip) return 0n;
          return fail('division by 0', at);
        }
        return op === '/' ? wrap(a / b) : a % b;
      case '**':
        if (b < 0n) return fail('exponent less than 0');
        return wrap(a ** b);
      default:
        return fail('syntax error in expression');
    }
  };
  const level = (n: number): bigint => {
    const ops = LEVELS[n];
    if (!ops) return power();
    let v = level(n + 1);
    for (;;) {
      const op = peek();
      if (op === undefined || !ops.includes(op)) return v;
      i++;
      const at = i;
      v = binary(op, v, level(n + 1), at);
    }
  };
  const power = (): bigint => {
    const base = unary();
    if (peek() === '**') {
      i++;
      return binary('**', base, nested(power));
    }
    return base;
  };
  const unary = (): bigint => {
    const op = peek();
    if (op === '-' || op === '+' || op === '!' || op === '~') {
      i++;
      const v = nested(unary);
      return op === '-' ? wrap(-v) : op === '+' ? v : op === '!' ? (v ? 0n : 1n) : ~v;
    }
    if (op === '++' || op === '--') {
      i++;
      const lv = lvalueAt();
      if (!lv) return fail('syntax error: operand expected');
      const v = wrap(valueOf(lv.name, lv.index) + (op === '++' ? 1n : -1n));
      if (!skip) vars.set(lv.name, String(v), lv.index);
      return v;
    }
    return postfix();
  };
  const postfix = (): bigint => {
    const t = toks[i];
    if (t === undefined) return fail('syntax error: operand expected');
    if (t.v === '(') {
      i++;
      const v = nested(comma);
      if (peek() !== ')') fail("missing `)'");
      i++;
      return v;
    }
    if (/^[0-9]/.test(t.v)) {
      i++;
      return parseNumber(t.v, () => fail('value too great for base'));
    }
    if (/^[A-Za-z_]/.test(t.v)) {
      const lv = lvalueAt();
      if (!lv) return fail('syntax error: operand expected');
      const v = valueOf(lv.name, lv.index);
      const op = peek();
      if (op === '++' || op === '--') {
        i++;
        if (!skip) vars.set(lv.name, String(wrap(v + (op === '++' ? 1n : -1n))), lv.index);
      }
      return v;
    }
    return fail('syntax error: operand expected');
  };

  if (toks.length === 0) return 0n;
  const v = comma();
  if (i < toks.length) fail('syntax error in expression');
  return v;
}

function parseNumber(text: string, bad: () => never): bigint {
  const hash = /^([0-9]+)#([0-9A-Za-z@_]+)$/.exec(text);
  if (hash) {
    const base = Number(hash[1]);
    if (base < 2 || base > 64) return bad();
    let v = 0n;
    for (const ch of hash[2] ?? '') {
      const d = digit(ch, base);
      if (d < 0 || d >= base) return bad();
      v = v * BigInt(base) + BigInt(d);
    }
    return BigInt.asIntN(64, v);
  }
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return BigInt.asIntN(64, BigInt(text));
  if (/^0[0-7]+$/.test(text)) return BigInt.asIntN(64, BigInt(`0o${text.slice(1)}`));
  if (/^[0-9]+$/.test(text)) return BigInt.asIntN(64, BigInt(text));
  return bad();
}

function digit(ch: string, base: number): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return base <= 36 ? c - 65 + 10 : c - 65 + 36;
  if (ch === '@') return 62;
  if (ch === '_') return 63;
  return -1;
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^[0-9]+#[0-9A-Za-z@_]+|^[A-Za-z_][A-Za-z0-9_]*|^[0-9][0-9A-Za-z]*/.exec(
      src.slice(i),
    );
    if (word) {
      out.push({ v: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i)) ?? c;
    out.push({ v: op, at: i });
    i += op.length;
  }
  return out;
}
