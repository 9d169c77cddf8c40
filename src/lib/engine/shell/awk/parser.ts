/**
 * awk's grammar (POSIX.1-2017 awk "Grammar"): patterns and actions, BEGIN/END, ranges,
 * functions, the statements, and expressions by precedence — ?:, ||, &&, in, ~ !~, comparison
 * (not `>` at the top of a print list: that is output redirection), concatenation, + -, * / %,
 * unary, ^, ++ --, $, grouping.
 */
import { AwkSyntaxError, tokenize, type Token } from './lexer.ts';

/** An expression. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'unary'; op: '!' | '-' | '+'; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'ufunc'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr };

/** A statement. */
export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[] }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] };

/** A pattern-action rule. */
export interface Rule {
  readonly pattern?: Expr;
  readonly range?: readonly [Expr, Expr];
  readonly action?: Stmt[];
}

/** A parsed program. */
export interface Program {
  readonly begin: Stmt[][];
  readonly end: Stmt[][];
  readonly rules: Rule[];
  readonly funcs: Map<string, { params: string[]; body: Stmt[] }>;
}

/** Parses an awk program. */
export function parseAwk(src: string): Program {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0): Token => toks[p + o] ?? (toks[toks.length - 1] as Token);
  const next = (): Token => toks[p++] ?? (toks[toks.length - 1] as Token);
  const is = (text: string, type?: Token['type']): boolean =>
    peek().text === text && (type === undefined || peek().type === type) && peek().type !== 'str';
  const fail = (t: Token = peek()): never => {
    throw new AwkSyntaxError(
      `line ${t.line}: syntax error at or near ${t.text === '\n' ? 'end of line' : t.text}`,
    );
  };
  const expect = (text: string): Token => (is(text) ? next() : fail());
  const skipNl = (): void => {
    while (peek().type === 'nl') next();
  };
  const endStmt = (): void => {
    if (is(';') || peek().type === 'nl') {
      next();
      skipNl();
    } else if (!is('}') && peek().type !== 'eof') fail();
  };

  const lvalue = (e: Expr): Expr =>
    e.k === 'var' || e.k === 'field' || e.k === 'index' ? e : fail();

  /** `[e1, e2, …]` after an array name (the `[` is next): the subscripts, SUBSEP-joined later. */
  function subscripts(): Expr[] {
    expect('[');
    const subs = [expr(false)];
    while (is(',')) {
      next();
      subs.push(expr(false));
    }
    expect(']');
    return subs;
  }

  function primary(): Expr {
    const t = peek();
    if (t.type === 'num') return (next(), { k: 'num', v: Number(t.value) });
    if (t.type === 'str') return (next(), { k: 'str', v: String(t.value) });
    if (t.type === 'ere') return (next(), { k: 're', src: String(t.value) });
    if (is('$', 'op')) {
      next();
      return { k: 'field', e: incdec() };
    }
    if (is('(', 'op')) {
      next();
      const first = expr(false);
      if (is(',')) {
        const subs = [first];
        while (is(',')) {
          next();
          subs.push(expr(false));
        }
        expect(')');
        if (!is('in', 'kw')) fail();
        next();
        return { k: 'in', subs, name: next().text };
      }
      expect(')');
      return { k: 'group', e: first };
    }
    if (t.type === 'builtin') {
      next();
      const args: Expr[] = [];
      if (is('(')) {
        next();
        skipNl();
        if (!is(')'))
          for (;;) {
            args.push(expr(false));
            skipNl();
            if (!is(',')) break;
            next();
            skipNl();
          }
        expect(')');
      } else if (t.text !== 'length') fail();
      return { k: 'call', name: t.text, args };
    }
    if (t.type === 'func') {
      next();
      expect('(');
      const args: Expr[] = [];
      if (!is(')'))
        for (;;) {
          args.push(expr(false));
          if (!is(',')) break;
          next();
        }
      expect(')');
      return { k: 'ufunc', name: t.text, args };
    }
    if (t.type === 'name') {
      next();
      if (is('[')) return { k: 'index', name: t.text, subs: subscripts() };
      return { k: 'var', name: t.text };
    }
    if (is('-', 'op') || is('+', 'op') || is('!', 'op')) {
      next();
      return { k: 'unary', op: t.text as '-' | '+' | '!', e: unary() };
    }
    if (is('++', 'op') || is('--', 'op')) {
      next();
      return { k: 'incdec', op: t.text as '++' | '--', prefix: true, target: lvalue(incdec()) };
    }
    return fail();
  }
  function incdec(): Expr {
    const e = primary();
    if ((is('++', 'op') || is('--', 'op')) && (e.k === 'var' || e.k === 'field' || e.k === 'index'))
      return { k: 'incdec', op: next().text as '++' | '--', prefix: false, target: e };
    return e;
  }
  function power(): Expr {
    const base = incdec();
    if (is('^', 'op')) {
      next();
      return { k: 'bin', op: '^', a: base, b: unaryOrPower() };
    }
    return base;
  }
  function unaryOrPower(): Expr {
    if (is('-', 'op') || is('+', 'op') || is('!', 'op')) {
      const op = next().text as '-' | '+' | '!';
      return { k: 'unary', op, e: unaryOrPower() };
    }
    return power();
  }
  const unary = unaryOrPower;
  function multiplicative(): Expr {
    let e = unary();
    while (is('*', 'op') || is('/', 'op') || is('%', 'op'))
      e = { k: 'bin', op: next().text, a: e, b: unary() };
    return e;
  }
  function additive(): Expr {
    let e = multiplicative();
    while (is('+', 'op') || is('-', 'op'))
      e = { k: 'bin', op: next().text, a: e, b: multiplicative() };
    return e;
  }
  const startsConcat = (): boolean => {
    const t = peek();
    if (['num', 'str', 'ere', 'name', 'func', 'builtin'].includes(t.type)) return true;
    return t.type === 'op' && (t.text === '$' || t.text === '(');
  };
  function concat(): Expr {
    let e = additive();
    while (startsConcat() && !is('in', 'kw')) e = { k: 'bin', op: ' ', a: e, b: additive() };
    return e;
  }
  function comparison(noGt: boolean): Expr {
    const e = concat();
    const t = peek();
    if (t.type === 'op' && ['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(t.text)) {
      next();
      return { k: 'bin', op: t.text, a: e, b: concat() };
    }
    return e;
  }
  function matching(noGt: boolean): Expr {
    let e = comparison(noGt);
    while (is('~', 'op') || is('!~', 'op')) {
      const neg = next().text === '!~';
      e = { k: 'match', neg, a: e, re: comparison(noGt) };
    }
    return e;
  }
  function membership(noGt: boolean): Expr {
    let e = matching(noGt);
    while (is('in', 'kw')) {
      next();
      e = { k: 'in', subs: [e], name: next().text };
    }
    return e;
  }
  /** A left-associative logical level (`&&` over membership, `||` over `&&`); a newline may follow the operator. */
  function logical(op: '&&' | '||', operand: (noGt: boolean) => Expr, noGt: boolean): Expr {
    let e = operand(noGt);
    while (is(op, 'op')) {
      next();
      skipNl();
      e = { k: 'bin', op, a: e, b: operand(noGt) };
    }
    return e;
  }
  const and = (noGt: boolean): Expr => logical('&&', membership, noGt);
  const or = (noGt: boolean): Expr => logical('||', and, noGt);
  function ternary(noGt: boolean): Expr {
    const c = or(noGt);
    if (!is('?', 'op')) return c;
    next();
    skipNl();
    const a = ternary(noGt);
    skipNl();
    expect(':');
    skipNl();
    return { k: 'cond', c, a, b: ternary(noGt) };
  }
  function expr(noGt: boolean): Expr {
    const e = ternary(noGt);
    const t = peek();
    if (t.type === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.text)) {
      lvalue(e);
      next();
      skipNl();
      return { k: 'assign', op: t.text, target: e, e: expr(noGt) };
    }
    return e;
  }

  function simple(): Stmt {
    const t = peek();
    if (is('print', 'kw') || is('printf', 'kw')) {
      next();
      const args: Expr[] = [];
      const paren = is('(') && closesList();
      if (paren) next();
      const redirect = is('>', 'op') || is('>>', 'op') || is('|', 'op');
      if (
        !redirect &&
        !is(';') &&
        !is('}') &&
        peek().type !== 'nl' &&
        peek().type !== 'eof' &&
        !is(')')
      )
        for (;;) {
          args.push(expr(!paren));
          if (!is(',')) break;
          next();
          skipNl();
        }
      if (paren) expect(')');
      if (is('>', 'op') || is('>>', 'op') || is('|', 'op'))
        throw new AwkSyntaxError(`line ${peek().line}: output redirection is not simulated`);
      return { k: 'print', printf: t.text === 'printf', args };
    }
    if (is('next', 'kw')) return (next(), { k: 'next' });
    if (is('break', 'kw')) return (next(), { k: 'break' });
    if (is('continue', 'kw')) return (next(), { k: 'continue' });
    if (is('exit', 'kw') || is('return', 'kw')) {
      next();
      const e =
        is(';') || is('}') || peek().type === 'nl' || peek().type === 'eof'
          ? undefined
          : expr(false);
      return t.text === 'exit'
        ? { k: 'exit', ...(e ? { e } : {}) }
        : { k: 'return', ...(e ? { e } : {}) };
    }
    if (is('delete', 'kw')) {
      next();
      const name = next().text;
      return is('[') ? { k: 'delete', name, subs: subscripts() } : { k: 'delete', name };
    }
    if (is('getline', 'kw')) throw new AwkSyntaxError(`line ${t.line}: getline is not simulated`);
    return { k: 'expr', e: expr(false) };
  }
  /** Whether a `(` after print opens the whole list (`print (a, b)`), not a grouped operand. */
  function closesList(): boolean {
    let depth = 0;
    for (let j = p; j < toks.length; j++) {
      const t = toks[j];
      if (!t || t.type === 'nl' || t.type === 'eof') return false;
      if (t.type === 'op' && t.text === '(') depth++;
      if (t.type === 'op' && t.text === ')' && --depth === 0) {
        const after = toks[j + 1];
        return (
          !after ||
          after.type === 'nl' ||
          after.type === 'eof' ||
          [';', '}', '>', '>>', '|'].includes(after.text)
        );
      }
    }
    return false;
  }
  function statement(): Stmt {
    skipNl();
    if (is('{')) return { k: 'block', body: block() };
    if (is(';')) {
      next();
      return { k: 'block', body: [] };
    }
    if (is('if', 'kw')) {
      next();
      expect('(');
      const c = expr(false);
      expect(')');
      const then = statement();
      const save = p;
      while (is(';') || peek().type === 'nl') next();
      if (is('else', 'kw')) {
        next();
        return { k: 'if', c, then, else: statement() };
      }
      p = save;
      return { k: 'if', c, then };
    }
    if (is('while', 'kw')) {
      next();
      expect('(');
      const c = expr(false);
      expect(')');
      if (is(';')) {
        next();
        return { k: 'while', c, body: { k: 'block', body: [] } };
      }
      return { k: 'while', c, body: statement() };
    }
    if (is('do', 'kw')) {
      next();
      const body = statement();
      while (is(';') || peek().type === 'nl') next();
      if (!is('while', 'kw')) fail();
      next();
      expect('(');
      const c = expr(false);
      expect(')');
      endStmt();
      return { k: 'do', body, c };
    }
    if (is('for', 'kw')) {
      next();
      expect('(');
      if (
        peek().type === 'name' &&
        peek(1).text === 'in' &&
        peek(1).type === 'kw' &&
        peek(3).text === ')'
      ) {
        const v = next().text;
        next();
        const arr = next().text;
        expect(')');
        return { k: 'forin', v, arr, body: statement() };
      }
      const init = is(';') ? undefined : expr(false);
      expect(';');
      skipNl();
      const c = is(';') ? undefined : expr(false);
      expect(';');
      skipNl();
      const step = is(')') ? undefined : expr(false);
      expect(')');
      const body = is(';') ? (next(), { k: 'block', body: [] } as Stmt) : statement();
      return {
        k: 'for',
        ...(init ? { init } : {}),
        ...(c ? { c } : {}),
        ...(step ? { step } : {}),
        body,
      };
    }
    const s = simple();
    endStmt();
    return s;
  }
  function block(): Stmt[] {
    expect('{');
    const body: Stmt[] = [];
    skipNl();
    while (!is('}')) {
      if (peek().type === 'eof') fail();
      body.push(statement());
      while (is(';') || peek().type === 'nl') next();
    }
    next();
    return body;
  }

  const program: Program = { begin: [], end: [], rules: [], funcs: new Map() };
  skipNl();
  while (peek().type !== 'eof') {
    if (is('BEGIN', 'kw')) {
      next();
      program.begin.push(block());
    } else if (is('END', 'kw')) {
      next();
      program.end.push(block());
    } else if (is('function', 'kw')) {
      next();
      const name = next().text;
      expect('(');
      const params: string[] = [];
      while (!is(')')) {
        params.push(next().text);
        if (is(',')) next();
      }
      next();
      skipNl();
      program.funcs.set(name, { params, body: block() });
    } else if (is('{')) program.rules.push({ action: block() });
    else {
      const pattern = expr(false);
      if (is(',')) {
        next();
        const to = expr(false);
        program.rules.push(
          is('{') ? { range: [pattern, to], action: block() } : { range: [pattern, to] },
        );
      } else program.rules.push(is('{') ? { pattern, action: block() } : { pattern });
    }
    while (is(';') || peek().type === 'nl') next();
  }
  return program;
}
