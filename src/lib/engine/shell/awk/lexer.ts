/**
 * awk's tokens (POSIX awk grammar, as mawk 1.3.4 reads them): numbers, strings with escapes,
 * regular expression literals where an operand may start, names, builtin function names,
 * keywords, operators, and the newlines that end statements.
 *
 * upstream: POSIX.1-2017 awk "Lexical Conventions"; mawk 1.3.4 scan.c (collect_string escapes,
 * the regular-expression-or-division decision).
 */

/** A token. */
export interface Token {
  readonly type: 'num' | 'str' | 'ere' | 'name' | 'func' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';
  readonly text: string;
  readonly value?: number | string;
  readonly line: number;
}

/** A syntax error in mawk's words (`line N: syntax error at or near X`). */
export class AwkSyntaxError extends Error {}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

const OPERATORS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**=',
  '**',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

/** The escape sequences of string constants (also read in -v values, -F and assignments). */
export const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Tokens after which `/` divides (an operand ended); elsewhere it starts a regex literal. */
function operandEnded(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (['num', 'str', 'ere', 'name', 'builtin'].includes(prev.type)) return true;
  return prev.type === 'op' && [')', ']', '$', '++', '--'].includes(prev.text);
}

/** The program's tokens. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const push = (t: Omit<Token, 'line'>): void => {
    out.push({ ...t, line });
  };
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push({ type: 'nl', text: '\n' });
      line++;
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d*(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
      const text = m?.[0] ?? c;
      push({ type: 'num', text, value: Number(text) });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0] ?? c;
      i += text.length;
      if (KEYWORDS.has(text)) push({ type: 'kw', text: text === 'func' ? 'function' : text });
      else if (BUILTINS.has(text)) push({ type: 'builtin', text });
      else push({ type: src[i] === '(' ? 'func' : 'name', text });
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n')
          throw new AwkSyntaxError(`line ${line}: runaway string constant "${s} ...`);
        if (src[i] === '\\' && i + 1 < src.length) {
          const e = src[i + 1] ?? '';
          const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1));
          if (octal) {
            s += String.fromCharCode(parseInt(octal[0], 8));
            i += 1 + octal[0].length;
            continue;
          }
          s += Object.hasOwn(ESCAPES, e) ? (ESCAPES[e] ?? e) : `\\${e}`;
          i += 2;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length)
        throw new AwkSyntaxError(`line ${line}: runaway string constant "${s} ...`);
      i++;
      push({ type: 'str', text: s, value: s });
      continue;
    }
    if (c === '/' && !operandEnded(out[out.length - 1])) {
      let re = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\n')
          throw new AwkSyntaxError(`line ${line}: runaway regular expression /${re} ...`);
        if (src[i] === '\\' && src[i + 1] === '/') {
          re += '/';
          i += 2;
          continue;
        }
        if (src[i] === '\\' && i + 1 < src.length) {
          re += src.slice(i, i + 2);
          i += 2;
          continue;
        }
        re += src[i++];
      }
      if (i >= src.length)
        throw new AwkSyntaxError(`line ${line}: runaway regular expression /${re} ...`);
      i++;
      push({ type: 'ere', text: re, value: re });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`line ${line}: syntax error at or near ${c}`);
    push({ type: 'op', text: op === '**' ? '^' : op === '**=' ? '^=' : op });
    i += op.length;
  }
  push({ type: 'eof', text: 'end of file' });
  return out;
}
