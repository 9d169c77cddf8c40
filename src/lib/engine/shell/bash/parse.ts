/**
 * The parser of kubelife's bash: source text → syntax tree (ast.ts), following bash's grammar
 * (parse.y): lists, and-or chains, pipelines, simple commands with assignments and redirections,
 * `{ }`, `( )`, `if`, `for`, `for ((…))`, `while`, `until`, `case`, functions, `((…))`, `[[ … ]]`.
 * Errors carry bash's wording; `incomplete` ones mean "more input would complete this".
 */
import type {
  AndOr,
  Assignment,
  Command,
  CondExpr,
  List,
  Pipeline,
  Redirect,
  Word,
} from './ast.ts';
import { Lexer, MAX_NESTING, ParseError, type Token } from './lexer.ts';
import { parseWord } from './word.ts';
import { openHeredocs } from './heredocs.ts';
import { BINARY_OPERATORS } from './test-operators.ts';

export { ParseError } from './lexer.ts';

const REDIRECT_OPS = new Set([
  '>',
  '>>',
  '<',
  '>&',
  '<&',
  '<<',
  '<<-',
  '<<<',
  '>|',
  '<>',
  '&>',
  '&>>',
]);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;
const LIST_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

/** Parses a whole script. Throws ParseError. */
export function parseScript(src: string): List {
  return new Parser(src).script();
}

/**
 * False while `src` needs more lines to be a command, as bash's `> ` prompt knows: an open
 * quote, `if`/`for`/`while`/`case`/`{`/`(`, a trailing `|`, `&&`, `||` or `\`, or a
 * here-document whose terminator has not come yet.
 */
export function isCompleteInput(src: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(src)) return false;
  try {
    return openHeredocs(parseScript(src)).length === 0;
  } catch (e) {
    return !(e instanceof ParseError && e.incomplete);
  }
}

class Parser {
  private readonly lx: Lexer;
  private tok: Token;
  private depth = 0;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    this.lx = new Lexer(src);
    this.tok = this.lx.next();
  }

  script(): List {
    const list = this.list(new Set());
    if (this.tok.t !== 'eof') this.unexpected();
    return list;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lx.next();
    return t;
  }

  private isWord(w: string): boolean {
    return this.tok.t === 'word' && this.tok.raw === w;
  }

  private isOp(op: string): boolean {
    return this.tok.t === 'op' && this.tok.op === op && this.tok.io === undefined;
  }

  private unexpected(): never {
    const t = this.tok;
    if (t.t === 'eof') throw new ParseError('syntax error: unexpected end of file', true, t.line);
    const text = t.t === 'nl' ? 'newline' : t.t === 'op' ? t.op : t.raw;
    throw new ParseError(`syntax error near unexpected token \`${text}'`, false, t.line);
  }

  private expectWord(w: string): void {
    if (!this.isWord(w)) this.unexpected();
    this.advance();
  }

  private skipNewlines(): void {
    while (this.tok.t === 'nl') this.advance();
  }

  /** A list up to one of the `stop` reserved words (or EOF / `)` / `;;`). */
  private list(stop: ReadonlySet<string>): List {
    if (++this.depth > MAX_NESTING) throw new ParseError('syntax error: nesting too deep');
    const out: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.kind() === 'eof' || this.atListEnd(stop)) break;
      const ao = this.andOr();
      if (this.isOp('&')) {
        this.advance();
        out.push({ ...ao, background: true });
        continue;
      }
      out.push(ao);
      if (this.isOp(';')) this.advance();
      else if (this.kind() === 'nl' || this.kind() === 'eof') continue;
      else if (this.atListEnd(stop)) break;
      else this.unexpected();
    }
    this.depth--;
    return out;
  }

  /** A list that must hold a command (bash's compound_list): empty, its end is unexpected. */
  private compoundList(stop: ReadonlySet<string>): List {
    const list = this.list(stop);
    if (list.length === 0) this.unexpected();
    return list;
  }

  private kind(): Token['t'] {
    return this.tok.t;
  }

  private atListEnd(stop: ReadonlySet<string>): boolean {
    const t = this.tok;
    if (t.t === 'word') return stop.has(t.raw) || LIST_END.has(t.raw);
    return this.isOp(')') || this.isOp(';;') || this.isOp(';&') || this.isOp(';;&');
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }> = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.advance() as { op: '&&' | '||' };
      this.skipNewlines();
      rest.push({ op: op.op, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let negate = false;
    while (this.isWord('!')) {
      negate = !negate;
      this.advance();
    }
    const commands = [this.command()];
    while (this.isOp('|') || this.isOp('|&')) {
      this.advance();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const t = this.tok;
    if (t.t === 'eof') this.unexpected();
    if (t.t === 'op' && t.op === '(' && t.io === undefined) {
      this.advance();
      const body = this.compoundList(new Set());
      if (!this.isOp(')')) this.unexpected();
      this.advance();
      return { type: 'subshell', body, redirects: this.redirects() };
    }
    if (t.t === 'op' && t.op === '((' && t.io === undefined) {
      const src = this.lx.readArith();
      this.tok = this.lx.next();
      return { type: 'arith', src, redirects: this.redirects() };
    }
    if (t.t === 'word') {
      switch (t.raw) {
        case '{': {
          this.advance();
          const body = this.compoundList(new Set(['}']));
          this.expectWord('}');
          return { type: 'group', body, redirects: this.redirects() };
        }
        case 'if':
          return this.ifCommand();
        case 'for':
          return this.forCommand();
        case 'while':
        case 'until':
          return this.whileCommand(t.raw === 'until');
        case 'case':
          return this.caseCommand();
        case 'function':
          return this.functionDef(true);
        case '[[':
          return this.condCommand();
        default:
          if (LIST_END.has(t.raw) || t.raw === 'in') this.unexpected();
      }
      if (/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(t.raw) && this.peekFunctionParens())
        return this.functionDef(false);
    }
    return this.simple();
  }

  /** True when the current word is followed by `()` (a function definition). */
  private peekFunctionParens(): boolean {
    const s = this.src;
    let i = this.lx.pos;
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] !== '(') return false;
    i++;
    while (s[i] === ' ' || s[i] === '\t') i++;
    return s[i] === ')';
  }

  private functionDef(keyword: boolean): Command {
    if (keyword) this.advance();
    const nameTok = this.tok;
    if (nameTok.t !== 'word') this.unexpected();
    const name = nameTok.raw;
    this.advance();
    if (this.isOp('(')) {
      this.advance();
      if (!this.isOp(')')) this.unexpected();
      this.advance();
    }
    this.skipNewlines();
    const body = this.command();
    if (body.type === 'simple')
      throw new ParseError(`syntax error near unexpected token \`${name}'`);
    return { type: 'function', name, body };
  }

  private ifCommand(): Command {
    this.advance();
    const clauses: Array<{ cond: List; body: List }> = [];
    let otherwise: List | null = null;
    for (;;) {
      const cond = this.compoundList(new Set());
      this.expectWord('then');
      const body = this.compoundList(new Set());
      clauses.push({ cond, body });
      if (this.isWord('elif')) {
        this.advance();
        continue;
      }
      if (this.isWord('else')) {
        this.advance();
        otherwise = this.compoundList(new Set());
      }
      this.expectWord('fi');
      break;
    }
    return { type: 'if', clauses, otherwise, redirects: this.redirects() };
  }

  private doGroup(): List {
    this.skipNewlines();
    if (this.isWord('{')) {
      this.advance();
      const body = this.compoundList(new Set(['}']));
      this.expectWord('}');
      return body;
    }
    this.expectWord('do');
    const body = this.compoundList(new Set());
    this.expectWord('done');
    return body;
  }

  private forCommand(): Command {
    this.advance();
    if (this.isOp('((')) {
      const src = this.lx.readArith();
      this.tok = this.lx.next();
      const [init = '', cond = '', step = ''] = src.split(';');
      if (this.isOp(';')) this.advance();
      const body = this.doGroup();
      return { type: 'arith-for', init, cond, step, body, redirects: this.redirects() };
    }
    const nameTok = this.tok;
    if (nameTok.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) {
      if (nameTok.t === 'word') throw new ParseError(`\`${nameTok.raw}': not a valid identifier`);
      this.unexpected();
    }
    this.advance();
    let items: Word[] | null = null;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.advance();
      items = [];
      while (this.tok.t === 'word') items.push(parseWord((this.advance() as { raw: string }).raw));
      if (this.isOp(';') || this.tok.t === 'nl') this.advance();
      else this.unexpected();
    } else if (this.isOp(';')) this.advance();
    const body = this.doGroup();
    return { type: 'for', name: nameTok.raw, items, body, redirects: this.redirects() };
  }

  private whileCommand(until: boolean): Command {
    this.advance();
    const cond = this.compoundList(new Set());
    this.expectWord('do');
    const body = this.compoundList(new Set());
    this.expectWord('done');
    return { type: 'while', until, cond, body, redirects: this.redirects() };
  }

  private caseCommand(): Command {
    this.advance();
    if (this.tok.t !== 'word') this.unexpected();
    const word = parseWord((this.advance() as { raw: string }).raw);
    this.skipNewlines();
    this.expectWord('in');
    const items: Array<{ patterns: Word[]; body: List; end: ';;' | ';&' | ';;&' }> = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.advance();
      const patterns: Word[] = [];
      for (;;) {
        if (this.tok.t !== 'word') this.unexpected();
        patterns.push(parseWord((this.advance() as { raw: string }).raw));
        if (this.isOp('|')) {
          this.advance();
          continue;
        }
        break;
      }
      if (!this.isOp(')')) this.unexpected();
      this.advance();
      const body = this.list(new Set(['esac']));
      let end: ';;' | ';&' | ';;&' = ';;';
      if (this.isOp(';;') || this.isOp(';&') || this.isOp(';;&')) {
        end = (this.advance() as { op: ';;' | ';&' | ';;&' }).op;
      } else if (!this.isWord('esac')) this.unexpected();
      items.push({ patterns, body, end });
    }
    this.expectWord('esac');
    return { type: 'case', word, items, redirects: this.redirects() };
  }

  private condCommand(): Command {
    this.advance();
    const words: string[] = [];
    for (;;) {
      const t = this.tok;
      if (t.t === 'eof') this.unexpected();
      if (t.t === 'nl') {
        this.advance();
        continue;
      }
      if (t.t === 'word' && t.raw === ']]') break;
      words.push(t.t === 'word' ? t.raw : t.t === 'op' ? `${t.io ?? ''}${t.op}` : '');
      this.advance();
    }
    this.advance();
    let i = 0;
    let depth = 0;
    const peek = (): string | undefined => words[i];
    const orExpr = (): CondExpr => {
      let a = andExpr();
      while (peek() === '||') {
        i++;
        a = { k: 'or', a, b: andExpr() };
      }
      return a;
    };
    const andExpr = (): CondExpr => {
      let a = notExpr();
      while (peek() === '&&') {
        i++;
        a = { k: 'and', a, b: notExpr() };
      }
      return a;
    };
    const notExpr = (): CondExpr => {
      if (++depth > MAX_NESTING) throw new ParseError('syntax error: nesting too deep');
      const e = notOperand();
      depth--;
      return e;
    };
    const notOperand = (): CondExpr => {
      if (peek() === '!') {
        i++;
        return { k: 'not', a: notExpr() };
      }
      if (peek() === '(') {
        i++;
        const e = orExpr();
        if (peek() !== ')') throw new ParseError('syntax error in conditional expression');
        i++;
        return e;
      }
      const w = peek();
      if (w === undefined) throw new ParseError('syntax error in conditional expression');
      if (/^-[a-zA-Z]$/.test(w) && words[i + 1] !== undefined && !isBinary(words[i + 1] ?? '')) {
        i += 2;
        return { k: 'unary', op: w, a: parseWord(words[i - 1] ?? '') };
      }
      i++;
      const op = peek();
      if (op !== undefined && isBinary(op)) {
        i++;
        const b = words[i++];
        if (b === undefined)
          throw new ParseError(`unexpected argument to conditional binary operator`);
        return { k: 'binary', op, a: parseWord(w), b: parseWord(b) };
      }
      return { k: 'word', a: parseWord(w) };
    };
    const expr = orExpr();
    if (i < words.length)
      throw new ParseError(
        `syntax error in conditional expression: unexpected token \`${words[i] ?? ''}'`,
      );
    return { type: 'cond', expr, redirects: this.redirects() };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const r = this.redirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private redirect(): Redirect | null {
    const t = this.tok;
    if (t.t !== 'op' || !REDIRECT_OPS.has(t.op)) return null;
    this.advance();
    const target = this.tok;
    if (target.t !== 'word') this.unexpected();
    const word = parseWord(target.raw);
    if (t.op !== '<<' && t.op !== '<<-') this.advance();
    if (t.op === '&>' || t.op === '&>>')
      return { fd: -1, op: t.op === '&>' ? '>' : '>>', target: word };
    const op = (t.op === '<<-' ? '<<' : t.op) as Redirect['op'];
    const fd = t.io ?? (op.startsWith('<') && op !== '<>' ? 0 : op === '<>' ? 0 : 1);
    const r: Redirect = { fd, op, target: word };
    if (op === '<<') {
      const quoted = /['"\\]/.test(target.raw);
      r.heredoc = {
        body: '',
        expand: !quoted,
        delimiter: target.raw.replace(/['"\\]/g, ''),
        terminated: false,
        strip: t.op === '<<-',
        line: t.line,
      };
      this.lx.queueHeredoc(r);
      this.advance();
    }
    return r;
  }

  private simple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const line = this.tok.line;
    for (;;) {
      const r = this.redirect();
      if (r) {
        redirects.push(r);
        continue;
      }
      const t = this.tok;
      if (t.t !== 'word') break;
      this.advance();
      const m = words.length === 0 ? ASSIGN.exec(t.raw) : null;
      if (m) {
        assigns.push(parseAssignment(t.raw, m));
        continue;
      }
      words.push(parseWord(t.raw));
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) this.unexpected();
    return { type: 'simple', assigns, words, redirects, line };
  }
}

function isBinary(op: string): boolean {
  return op === '=~' || BINARY_OPERATORS.has(op);
}

/** Parses `NAME[idx]+=value` or `NAME=(…)` (also used by `declare`/`local` arguments). */
export function parseAssignment(raw: string, m: RegExpExecArray): Assignment {
  const name = m[1] ?? '';
  const index = m[2] ? m[2].slice(1, -1) : undefined;
  const append = m[3] === '+';
  const value = raw.slice(m[0].length);
  if (value.startsWith('(') && value.endsWith(')') && index === undefined) {
    const lx = new Lexer(value.slice(1, -1));
    const array: Word[] = [];
    for (;;) {
      const t = lx.next();
      if (t.t === 'eof') break;
      if (t.t === 'word') array.push(parseWord(t.raw));
    }
    return { name, append, value: null, array };
  }
  return {
    name,
    ...(index !== undefined ? { index } : {}),
    append,
    value: parseWord(value),
    array: null,
  };
}

/** The regular expression recognising an assignment word (`NAME=`, `NAME[i]=`, `NAME+=`). */
export const ASSIGNMENT_WORD = ASSIGN;
