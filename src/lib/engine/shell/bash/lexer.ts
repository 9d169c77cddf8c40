/**
 * The lexer of kubelife's bash: splits source text into words (raw text, quotes kept for
 * word.ts), operators and newlines, and reads here-document bodies when a line ends, as bash does.
 */
import type { Redirect } from './ast.ts';

/** A token. `io` carries the file descriptor number written before a redirection (`2>`). */
export type Token =
  | { readonly t: 'word'; readonly raw: string; readonly line: number }
  | { readonly t: 'op'; readonly op: string; readonly io?: number; readonly line: number }
  | { readonly t: 'nl'; readonly line: number }
  | { readonly t: 'eof'; readonly line: number };

/** A syntax error; `incomplete` means more input would complete it (the terminal's `> ` prompt). */
export class ParseError extends Error {
  readonly incomplete: boolean;
  /** Line of the script where bash reports the error (the offending token's), when known. */
  readonly line: number | undefined;
  constructor(message: string, incomplete = false, line?: number) {
    super(message);
    this.incomplete = incomplete;
    this.line = line;
  }
}

const OPS = [
  ';;&',
  '<<<',
  '<<-',
  '&>>',
  '&&',
  '||',
  ';;',
  ';&',
  '|&',
  '&>',
  '<<',
  '<&',
  '<>',
  '>>',
  '>&',
  '>|',
  '((',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** Maximum nesting of quotes, substitutions and compound commands (issue 14: no hang, clear error). */
export const MAX_NESTING = 200;

/** Streams tokens from `src`; here-documents queued by the parser are read at the next newline. */
export class Lexer {
  readonly src: string;
  pos = 0;
  line = 1;
  private readonly pending: Redirect[] = [];

  constructor(src: string) {
    this.src = src;
  }

  /** Queues a here-document whose body starts after the current line. */
  queueHeredoc(r: Redirect): void {
    this.pending.push(r);
  }

  /** The next token. */
  next(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= s.length) {
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'eof', line };
    }
    const c = s[this.pos] ?? '';
    if (c === '\n') {
      this.pos++;
      this.line++;
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'nl', line };
    }
    if (META.has(c)) return { t: 'op', op: this.readOp(), line };
    const start = this.pos;
    const raw = this.readWord();
    if (/^[0-9]+$/.test(raw) && (s[this.pos] === '<' || s[this.pos] === '>') && start < this.pos) {
      const op = this.readOp();
      return { t: 'op', op, io: Number(raw), line };
    }
    return { t: 'word', raw, line };
  }

  private readOp(): string {
    for (const op of OPS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return this.src[this.pos++] ?? '';
  }

  /** Reads one word's raw text (quotes and substitutions kept, `\`+newline removed). */
  private readWord(): string {
    const s = this.src;
    let raw = '';
    while (this.pos < s.length) {
      const c = s[this.pos] ?? '';
      if (META.has(c)) {
        if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(raw)) {
          const end = this.skipBalanced(this.pos + 1, ')', 1);
          raw += s.slice(this.pos, end);
          this.pos = end;
          continue;
        }
        break;
      }
      const end = this.skipUnit(this.pos, 0);
      raw += s.slice(this.pos, end).replace(/\\\n/g, '');
      this.pos = end;
    }
    return raw;
  }

  /** End index of the lexical unit starting at `i`: a quoted string, substitution or one char. */
  skipUnit(i: number, depth: number): number {
    if (depth > MAX_NESTING) throw new ParseError('syntax error: nesting too deep');
    const s = this.src;
    const c = s[i];
    if (c === '\\') {
      if (s[i + 1] === '\n') this.line++;
      return Math.min(i + 2, s.length);
    }
    if (c === '\n') this.line++;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''", true);
      this.line += countNewlines(s, i, end);
      return end + 1;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j += 2;
        else if (s[j] === '$' || s[j] === '`') j = this.skipUnit(j, depth + 1);
        else {
          if (s[j] === '\n') this.line++;
          j++;
        }
      }
      if (j >= s.length)
        throw new ParseError('unexpected EOF while looking for matching `"\'', true);
      return j + 1;
    }
    if (c === '`') {
      let j = i + 1;
      while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length)
        throw new ParseError("unexpected EOF while looking for matching ``'", true);
      return j + 1;
    }
    if (c === '$' && s[i + 1] === '(') return this.skipBalanced(i + 2, ')', depth + 1);
    if (c === '$' && s[i + 1] === '{') return this.skipBalanced(i + 2, '}', depth + 1);
    return i + 1;
  }

  /** Index after the `close` matching an already consumed opener, honouring quotes and nesting. */
  skipBalanced(i: number, close: ')' | '}', depth: number): number {
    const open = close === ')' ? '(' : '{';
    let level = 1;
    let j = i;
    const s = this.src;
    while (j < s.length) {
      const c = s[j];
      if (c === open) level++;
      else if (c === close && --level === 0) return j + 1;
      if (c === '#' && close === ')' && /[\s;(]/.test(s[j - 1] ?? ' ')) {
        while (j < s.length && s[j] !== '\n') j++;
        continue;
      }
      j = c === open || c === close ? j + 1 : this.skipUnit(j, depth);
    }
    throw new ParseError(
      close === ')'
        ? "unexpected EOF while looking for matching `)'"
        : "unexpected EOF while looking for matching `}'",
      true,
    );
  }

  /** Reads the raw text up to the `))` closing an arithmetic command or `for ((…))`. */
  readArith(): string {
    const start = this.pos;
    let level = 0;
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '(') level++;
      else if (c === ')') {
        if (level === 0 && s[this.pos + 1] === ')') {
          const text = s.slice(start, this.pos);
          this.pos += 2;
          return text;
        }
        level--;
      }
      this.pos = this.skipUnit(this.pos, 1);
    }
    throw new ParseError("unexpected EOF while looking for matching `)'", true);
  }

  private readHeredocs(): void {
    const s = this.src;
    for (const r of this.pending.splice(0)) {
      const doc = r.heredoc;
      if (!doc) continue;
      const strip = doc.strip;
      const word = doc.delimiter;
      const lines: string[] = [];
      let terminated = false;
      while (this.pos < s.length) {
        const nl = s.indexOf('\n', this.pos);
        const rawLine = nl < 0 ? s.slice(this.pos) : s.slice(this.pos, nl);
        this.pos = nl < 0 ? s.length : nl + 1;
        this.line++;
        const text = strip ? rawLine.replace(/^\t+/, '') : rawLine;
        if (text === word) {
          terminated = true;
          break;
        }
        lines.push(text);
      }
      doc.body = lines.map((l) => `${l}\n`).join('');
      doc.terminated = terminated;
    }
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s[i] === '\n') n++;
  return n;
}
