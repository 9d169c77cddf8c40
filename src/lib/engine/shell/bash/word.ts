/**
 * Turns a word's raw text into parts: literal text (quoted or not), `$name`/`${…}` parameter
 * expansions, `$(…)`/`` `…` `` command substitutions, `$((…))` arithmetic and `~`. Expansion
 * itself happens at run time (expand.ts), as in bash.
 */
import type { ParamExp, Word, WordPart } from './ast.ts';
import { Lexer, ParseError } from './lexer.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL = /^[0-9@*#?$!-]/;

/** Parses a raw word (as the lexer returned it) into parts. `dq`: inside double quotes. */
export function parseWord(raw: string, dq = false): Word {
  return { parts: parseParts(raw, dq), raw };
}

function parseParts(raw: string, dq: boolean): WordPart[] {
  const parts: WordPart[] = [];
  const scan = new Lexer(raw);
  let lit = '';
  let litQ = dq;
  const push = (text: string, q: boolean): void => {
    if (text === '') return;
    if (lit !== '' && litQ !== q) flush();
    litQ = q;
    lit += text;
  };
  const flush = (): void => {
    if (lit !== '') parts.push({ k: 'lit', text: lit, q: litQ });
    lit = '';
  };
  let i = 0;
  if (!dq && raw.startsWith('~')) {
    const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(raw);
    if (m) {
      parts.push({ k: 'tilde', user: m[1] ?? '' });
      i = m[0].length;
    }
  }
  while (i < raw.length) {
    const c = raw[i] ?? '';
    const n = raw[i + 1] ?? '';
    if (c === '\\') {
      if (!dq) {
        push(n, true);
        i += 2;
      } else if ('$`"\\\n'.includes(n) && n !== '') {
        if (n !== '\n') push(n, true);
        i += 2;
      } else {
        push('\\', true);
        i++;
      }
      continue;
    }
    if (!dq && c === "'") {
      const end = raw.indexOf("'", i + 1);
      flush();
      parts.push({ k: 'lit', text: raw.slice(i + 1, end), q: true });
      i = end + 1;
      continue;
    }
    if (!dq && c === '$' && n === "'") {
      const end = ansiEnd(raw, i + 2);
      flush();
      parts.push({ k: 'lit', text: ansiC(raw.slice(i + 2, end)), q: true });
      i = end + 1;
      continue;
    }
    if (!dq && c === '"') {
      const end = scan.skipUnit(i, 0);
      flush();
      const inner = parseParts(raw.slice(i + 1, end - 1), true);
      if (inner.length === 0) parts.push({ k: 'lit', text: '', q: true });
      parts.push(...inner);
      i = end;
      continue;
    }
    if (c === '`') {
      const end = scan.skipUnit(i, 0);
      flush();
      const src = raw.slice(i + 1, end - 1).replace(/\\([$`\\])/g, '$1');
      parts.push({ k: 'cmd', src, q: dq });
      i = end;
      continue;
    }
    if (c === '$' && n === '(') {
      const end = scan.skipUnit(i, 0);
      flush();
      const inner = raw.slice(i + 2, end - 1);
      if (inner.startsWith('(') && inner.endsWith(')'))
        parts.push({ k: 'arith', src: inner.slice(1, -1), q: dq });
      else parts.push({ k: 'cmd', src: inner, q: dq });
      i = end;
      continue;
    }
    if (c === '$' && n === '{') {
      const end = scan.skipUnit(i, 0);
      flush();
      parts.push({ k: 'param', p: parseParam(raw.slice(i + 2, end - 1)), q: dq });
      i = end;
      continue;
    }
    if (c === '$') {
      const rest = raw.slice(i + 1);
      const m = NAME.exec(rest) ?? SPECIAL.exec(rest);
      if (m) {
        flush();
        parts.push({ k: 'param', p: { name: m[0] }, q: dq });
        i += 1 + m[0].length;
        continue;
      }
    }
    push(c, dq);
    i++;
  }
  flush();
  return parts;
}

function ansiEnd(raw: string, from: number): number {
  let j = from;
  while (j < raw.length && raw[j] !== "'") j += raw[j] === '\\' ? 2 : 1;
  return j;
}

const ANSI: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The text of `$'…'` (ANSI-C quoting). */
export function ansiC(body: string): string {
  return body.replace(
    /\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g,
    (m: string, e: string) =>
      ANSI[e] ??
      (e.startsWith('x')
        ? String.fromCharCode(parseInt(e.slice(1), 16))
        : /^[0-7]/.test(e)
          ? String.fromCharCode(parseInt(e, 8))
          : m),
  );
}

const OPS = [
  ':-',
  ':=',
  ':+',
  ':?',
  '-',
  '=',
  '+',
  '?',
  '##',
  '#',
  '%%',
  '%',
  '^^',
  '^',
  ',,',
  ',',
];

/** Parses the inside of `${…}`. */
export function parseParam(inner: string): ParamExp {
  let rest = inner;
  let length = false;
  let indirect = false;
  if (rest.startsWith('#') && rest.length > 1 && !/^#[:\-=+?#%]/.test(rest.slice(0, 2))) {
    length = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('!') && rest.length > 1) {
    indirect = true;
    rest = rest.slice(1);
  }
  const m = NAME.exec(rest) ?? /^[0-9]+/.exec(rest) ?? SPECIAL.exec(rest);
  if (!m) throw new ParseError(`\${${inner}}: bad substitution`);
  const name = m[0];
  rest = rest.slice(name.length);
  let index: string | undefined;
  if (rest.startsWith('[')) {
    const close = matchBracket(rest);
    if (close < 0) throw new ParseError(`\${${inner}}: bad substitution`);
    index = rest.slice(1, close);
    rest = rest.slice(close + 1);
  }
  const base: ParamExp = {
    name,
    ...(index !== undefined ? { index } : {}),
    ...(length ? { length } : {}),
    ...(indirect ? { indirect } : {}),
  };
  if (rest === '') return base;
  if (length) throw new ParseError(`\${${inner}}: bad substitution`);
  if (indirect && (rest === '*' || rest === '@')) return { ...base, op: 'prefix', arg: rest };
  if (rest.startsWith('/')) {
    let op = '/';
    let body = rest.slice(1);
    if (body.startsWith('/') || body.startsWith('#') || body.startsWith('%')) {
      op += body[0];
      body = body.slice(1);
    }
    const slash = unescapedIndex(body, '/');
    return slash < 0
      ? { ...base, op, arg: body }
      : { ...base, op, arg: body.slice(0, slash), arg2: body.slice(slash + 1) };
  }
  for (const op of OPS) if (rest.startsWith(op)) return { ...base, op, arg: rest.slice(op.length) };
  if (rest.startsWith(':')) {
    const body = rest.slice(1);
    const colon = unescapedIndex(body, ':');
    return colon < 0
      ? { ...base, op: ':', arg: body }
      : { ...base, op: ':', arg: body.slice(0, colon), arg2: body.slice(colon + 1) };
  }
  if (rest.startsWith('@') && rest.length === 2) return { ...base, op: '@', arg: rest.slice(1) };
  throw new ParseError(`\${${inner}}: bad substitution`);
}

function matchBracket(s: string): number {
  let level = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') level++;
    else if (s[i] === ']' && --level === 0) return i;
  }
  return -1;
}

function unescapedIndex(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}
