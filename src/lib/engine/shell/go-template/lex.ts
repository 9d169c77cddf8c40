/**
 * The lexer of Go's text/template: text between actions, `{{` … `}}` with the trim markers
 * `{{- ` and ` -}}`, comments `{{/* … *\/}}`, and inside actions the identifiers, fields
 * (`.name`), variables (`$x`), strings, raw strings, characters, numbers, `|`, `(`, `)`, `,`,
 * `:=` and `=`. Errors carry the template's line as Go's lexer reports them.
 *
 * upstream: Go src/text/template/parse/lex.go (lexText, lexLeftDelim, lexComment,
 * lexInsideAction, atRightDelim, hasLeftTrimMarker, hasRightTrimMarker, isSpace).
 */

/** One token. `pos` is the byte offset in the template (Go's Pos), `line` its line. */
export interface Token {
  readonly type:
    | 'text'
    | 'left'
    | 'right'
    | 'space'
    | 'ident'
    | 'field'
    | 'var'
    | 'dot'
    | 'string'
    | 'raw'
    | 'char'
    | 'number'
    | 'punct'
    | 'bool'
    | 'nil'
    | 'keyword'
    | 'pipe'
    | 'lparen'
    | 'rparen'
    | 'comma'
    | 'declare'
    | 'assign'
    | 'eof';
  readonly value: string;
  readonly pos: number;
  readonly line: number;
}

/** A template error with the line it was found on. */
export class TemplateSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'template',
  'with',
]);

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Splits a template into tokens. @throws TemplateSyntaxError */
export function lex(input: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const lineAt = (p: number): number => 1 + countNewlines(input.slice(0, p));
  let trimNext = false;
  while (pos <= input.length) {
    const open = input.indexOf('{{', pos);
    let text = open < 0 ? input.slice(pos) : input.slice(pos, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    const trimLeft = open >= 0 && input[open + 2] === '-' && isSpace(input[open + 3]);
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text !== '') out.push({ type: 'text', value: text, pos, line: lineAt(pos) });
    if (open < 0) break;
    let p = open + 2 + (trimLeft ? 2 : 0);
    out.push({ type: 'left', value: '{{', pos: open, line: lineAt(open) });
    // A comment must follow the delimiter directly and end right before the closing one.
    if (input.startsWith('/*', p)) {
      const end = input.indexOf('*/', p + 2);
      if (end < 0) throw new TemplateSyntaxError(lineAt(open), 'unclosed comment');
      const after = end + 2;
      const right = atRight(input, after);
      if (!right)
        throw new TemplateSyntaxError(lineAt(after), 'comment ends before closing delimiter');
      out.pop();
      pos = after + right.length;
      trimNext = right.trim;
      continue;
    }
    for (;;) {
      const right = atRight(input, p);
      if (right) {
        out.push({ type: 'right', value: '}}', pos: p, line: lineAt(p) });
        pos = p + right.length;
        trimNext = right.trim;
        break;
      }
      const c = input[p];
      if (c === undefined) throw new TemplateSyntaxError(lineAt(open), 'unclosed action');
      if (isSpace(c)) {
        let q = p;
        while (isSpace(input[q]) && !atRight(input, q)) q++;
        out.push({ type: 'space', value: input.slice(p, q), pos: p, line: lineAt(p) });
        p = q;
        continue;
      }
      const badUnlessTerminator = (q: number): void => {
        if (atTerminator(input, q)) return;
        const r = String.fromCodePoint(input.codePointAt(q) ?? 0);
        const cp = (r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
        throw new TemplateSyntaxError(lineAt(q), `bad character U+${cp} '${r}'`);
      };
      const tok = (type: Token['type'], len: number): void => {
        out.push({ type, value: input.slice(p, p + len), pos: p, line: lineAt(p) });
        p += len;
      };
      if (c === '|') tok('pipe', 1);
      else if (c === '(') tok('lparen', 1);
      else if (c === ')') tok('rparen', 1);
      else if (c === ',') tok('comma', 1);
      else if (c === ':') {
        if (input[p + 1] !== '=') throw new TemplateSyntaxError(lineAt(p), 'expected :=');
        tok('declare', 2);
      } else if (c === '=') tok('assign', 1);
      else if (c === '"' || c === '`' || c === "'") {
        const end = quoteEnd(input, p);
        if (end < 0)
          throw new TemplateSyntaxError(
            lineAt(p),
            c === '"'
              ? 'unterminated quoted string'
              : c === '`'
                ? 'unterminated raw quoted string'
                : 'unterminated character constant',
          );
        tok(c === '"' ? 'string' : c === '`' ? 'raw' : 'char', end - p);
      } else if (c === '$') {
        let q = p + 1;
        while (isAlnum(input[q])) q++;
        badUnlessTerminator(q);
        tok('var', q - p);
      } else if (c === '.' && !/[0-9]/.test(input[p + 1] ?? '')) {
        let q = p + 1;
        while (isAlnum(input[q])) q++;
        if (q > p + 1) badUnlessTerminator(q);
        tok(q === p + 1 ? 'dot' : 'field', q - p);
      } else if (/[0-9.+-]/.test(c)) {
        const m =
          /^[+-]?(0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?|0[bBoO][0-9_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?/.exec(
            input.slice(p),
          );
        const len = m?.[0].length ?? 0;
        if (len === 0 || isAlnum(input[p + len]))
          throw new TemplateSyntaxError(
            lineAt(p),
            `bad number syntax: "${input.slice(p, p + Math.max(len, 1) + (isAlnum(input[p + len]) ? 1 : 0))}"`,
          );
        tok('number', len);
      } else if (isAlnum(c)) {
        let q = p;
        while (isAlnum(input[q])) q++;
        badUnlessTerminator(q);
        const word = input.slice(p, q);
        tok(
          KEYWORDS.has(word)
            ? 'keyword'
            : word === 'true' || word === 'false'
              ? 'bool'
              : word === 'nil'
                ? 'nil'
                : 'ident',
          q - p,
        );
      } else if (c <= '~' && c >= '!') {
        // Other printable ASCII is an itemChar; the parser says where it was unexpected.
        tok('punct', 1);
      } else {
        const cp = c.codePointAt(0) ?? 0;
        throw new TemplateSyntaxError(
          lineAt(p),
          `unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
        );
      }
    }
  }
  out.push({ type: 'eof', value: '', pos: input.length, line: lineAt(input.length) });
  return out;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}

/** lex.go atTerminator: what may follow a field, variable or word. */
function atTerminator(input: string, p: number): boolean {
  const c = input[p];
  return c === undefined || isSpace(c) || '.,|:)('.includes(c) || input.startsWith('}}', p);
}

/** The closing delimiter at `p`: `}}`, or ` -}}` (whitespace, dash) which trims what follows. */
function atRight(input: string, p: number): { length: number; trim: boolean } | null {
  if (isSpace(input[p]) && input[p + 1] === '-' && input.startsWith('}}', p + 2))
    return { length: 4, trim: true };
  if (input.startsWith('}}', p)) return { length: 2, trim: false };
  return null;
}

/** Index after the closing quote of the literal at `p`, or -1 when it is unterminated. */
function quoteEnd(input: string, p: number): number {
  const q = input[p];
  for (let i = p + 1; i < input.length; i++) {
    const c = input[i];
    if (q !== '`' && c === '\\') {
      i++;
      continue;
    }
    if (q !== '`' && c === '\n') return -1;
    if (c === q) return i + 1;
  }
  return -1;
}
