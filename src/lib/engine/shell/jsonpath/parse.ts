/**
 * The jsonpath template parser of client-go, rule for rule: literal text outside `{…}`, and
 * inside an action fields (`.a`, with `\.` escapes), `..` recursive descent, `*` wildcards,
 * `[…]` indexes, slices (`[1:3:1]`), unions (`[0,2]`, `['a','b']`), filters (`[?(@.x=="y")]`),
 * quoted text, numbers, booleans and the identifiers `range` / `end`.
 *
 * upstream: staging/src/k8s.io/client-go/util/jsonpath/parser.go (v1.32).
 */

/** One slice parameter (start, end, step). */
export interface SliceParam {
  readonly known: boolean;
  readonly value: number;
  /** The end of a single index (`[i]` is `[i:i+1]`). */
  readonly derived?: boolean;
}

/** A parsed node. */
export type JsonpathNode =
  | { readonly type: 'list'; readonly nodes: JsonpathNode[] }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'array'; readonly params: readonly [SliceParam, SliceParam, SliceParam] }
  | {
      readonly type: 'filter';
      readonly left: JsonpathList;
      readonly right: JsonpathList;
      readonly op: string;
    }
  | { readonly type: 'int' | 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'wildcard' | 'recursive' }
  | { readonly type: 'union'; readonly lists: readonly JsonpathList[] }
  | { readonly type: 'identifier'; readonly name: string };

/** A list node (the root, one action, a filter side, a union member). */
export type JsonpathList = { readonly type: 'list'; readonly nodes: JsonpathNode[] };

const list = (): JsonpathList => ({ type: 'list', nodes: [] });
const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEol = (r: string): boolean => r === '\r' || r === '\n';
const isAlnum = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string): boolean =>
  r === '' || isSpace(r) || isEol(r) || '.,[]$@{}'.includes(r);

/** Go's strconv.Unquote extended to single quotes (parser.go UnquoteExtend). */
function unquote(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
    };
    if (e.length === 1) {
      const c = simple[e];
      if (c === undefined) throw new Error('invalid syntax');
      return c;
    }
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return String.fromCharCode(parseInt(e, 8));
  });
}

class Parser {
  input = '';
  pos = 0;
  start = 0;
  root: JsonpathList = list();

  parse(text: string): JsonpathList {
    this.input = text;
    this.root = list();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) return '';
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.pos += r.length;
    return r;
  }

  private peek(): string {
    return this.pos >= this.input.length
      ? ''
      : String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: JsonpathList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const action = list();
        cur.nodes.push(action);
        this.parseInside(action);
        return;
      }
      if (this.next() === '') break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseInside(cur: JsonpathList): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === '' || isEol(r)) throw new Error('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.pos -= r.length;
        this.parseNumber(cur);
      } else if (isAlnum(r)) {
        this.pos -= r.length;
        this.parseIdentifier(cur);
      } else {
        const cp = r.codePointAt(0) ?? 0;
        throw new Error(
          `unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`,
        );
      }
    }
  }

  private parseIdentifier(cur: JsonpathList): void {
    while (!isTerminator(this.peek())) this.next();
    const value = this.consume();
    if (value === 'true' || value === 'false')
      cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JsonpathList): void {
    if (cur.nodes.at(-1)?.type === 'recursive')
      throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    if (isAlnum(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JsonpathList): void {
    if (this.peek() === '+' || this.peek() === '-') this.next();
    while (this.peek() === '.' || /\d/.test(this.peek())) this.next();
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value))
      cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: JsonpathList): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({
        type: 'union',
        lists: parts.map((s) => parseAction(`[${s.trim()}]`)),
      });
      return;
    }
    const key = /^'([^']*)'$/.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1] ?? ''}`).nodes);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new Error(`invalid array index ${text}`);
    const raw = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = raw[i] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ known: false, value: 0 });
        else {
          if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`);
          params.push({ known: true, value: Number(v) });
        }
      } else if (i === 1)
        params.push({ known: true, value: (params[0]?.value ?? 0) + 1, derived: true });
      else params.push({ known: false, value: 0 });
    }
    cur.nodes.push({
      type: 'array',
      params: params as unknown as readonly [SliceParam, SliceParam, SliceParam],
    });
  }

  private parseFilter(cur: JsonpathList): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), op: 'exists' });
      return;
    }
    cur.nodes.push({
      type: 'filter',
      left: parseAction(m[1] ?? ''),
      right: parseAction(m[3] ?? ''),
      op: m[2] ?? '',
    });
  }

  private parseQuote(cur: JsonpathList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new Error('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    let s: string;
    try {
      s = unquote(value);
    } catch {
      throw new Error(`unquote string ${value} error invalid syntax`);
    }
    cur.nodes.push({ type: 'text', text: s });
  }

  private parseField(cur: JsonpathList): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.pos -= r.length;
        break;
      }
    }
    const value = this.consume();
    cur.nodes.push(
      value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replace(/\\/g, '') },
    );
  }
}

/** Parses the inside of one action (parser.go parseAction). */
function parseAction(text: string): JsonpathList {
  const root = new Parser().parse(`{${text}}`);
  const first = root.nodes[0];
  return first?.type === 'list' ? first : list();
}

/**
 * Parses a template. Throws an Error whose message is client-go's ("unclosed action",
 * "unrecognized character in action: U+0021 '!'", …).
 */
export function parseJsonpath(template: string): JsonpathList {
  return new Parser().parse(template);
}
