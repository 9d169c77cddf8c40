/**
 * The parser of Go's text/template: lists of text and actions, pipelines with declarations,
 * commands, operands and field chains, `if`/`else if`/`else`, `range` (one or two variables),
 * `with`/`else with`, `break`, `continue`; functions must exist at parse time and variables
 * must be declared, as Go checks. Nodes keep Go's positions and print as Go's String() does,
 * for execution errors' `<context>`.
 *
 * upstream: Go src/text/template/parse/parse.go (parse, itemList, action, pipeline,
 * checkPipeline, command, operand, term, parseControl, elseControl, useVar),
 * parse/node.go (String methods, NumberNode), text/template/exec.go (idealConstant).
 */
import { lex, TemplateSyntaxError, type Token } from './lex.ts';
import { GoInt, type GoValue } from './values.ts';

/** An operand of a command. */
export type Arg =
  | { readonly t: 'field'; readonly pos: number; readonly idents: readonly string[] }
  | {
      readonly t: 'var';
      readonly pos: number;
      readonly name: string;
      readonly idents: readonly string[];
    }
  | { readonly t: 'dot' | 'nil'; readonly pos: number }
  | { readonly t: 'const'; readonly pos: number; readonly value: GoValue; readonly text: string }
  | { readonly t: 'ident'; readonly pos: number; readonly name: string }
  | { readonly t: 'pipe'; readonly pos: number; readonly pipe: Pipe }
  | {
      readonly t: 'chain';
      readonly pos: number;
      readonly node: Arg;
      readonly fields: readonly string[];
    };

/** A command: a function or field with its arguments. */
export interface Command {
  readonly pos: number;
  readonly args: readonly Arg[];
}

/** A pipeline with its declared (or assigned) variables. */
export interface Pipe {
  readonly pos: number;
  readonly line: number;
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  readonly cmds: readonly Command[];
}

/** A node of a template's list. */
export type Node =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'action'; readonly pos: number; readonly pipe: Pipe }
  | ControlNode
  | { readonly t: 'break' | 'continue'; readonly pos: number }
  | { readonly t: 'template'; readonly pos: number; readonly name: string; readonly pipe?: Pipe };

/** A parsed template: its body and the templates it defines (`define`, `block`). */
export interface Parsed {
  readonly root: readonly Node[];
  readonly defines: ReadonlyMap<string, readonly Node[]>;
}

/** `if`, `with` or `range` with its lists. */
export interface ControlNode {
  readonly t: 'if' | 'with' | 'range';
  readonly pos: number;
  readonly pipe: Pipe;
  readonly list: readonly Node[];
  readonly elseList?: readonly Node[];
}

type Marker = { readonly t: 'end' | 'else'; readonly pos: number };
const isMarker = (n: Node | Marker): n is Marker => n.t === 'end' || n.t === 'else';

/** Go's String() of an operand. */
export function argString(a: Arg): string {
  switch (a.t) {
    case 'field':
      return `.${a.idents.join('.')}`;
    case 'var':
      return [a.name, ...a.idents].join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'const':
      return a.text;
    case 'ident':
      return a.name;
    case 'pipe':
      return `(${pipeString(a.pipe)})`;
    case 'chain':
      return `${a.node.t === 'pipe' ? argString(a.node) : argString(a.node)}.${a.fields.join('.')}`;
  }
}

/** Go's String() of a command. */
export function commandString(c: Command): string {
  return c.args.map(argString).join(' ');
}

/** Go's String() of a pipeline. */
export function pipeString(p: Pipe): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(commandString).join(' | ');
}

/** The names the template may call (builtins plus kubectl's). */
export type FunctionNames = ReadonlySet<string>;

/** Parses a template. @throws TemplateSyntaxError */
export function parseTemplate(text: string, functions: FunctionNames): Parsed {
  const p = new Parser(lex(text), functions);
  const root = p.parse();
  return { root, defines: p.defines };
}

function unquote(tok: Token): string {
  if (tok.type === 'raw') return tok.value.slice(1, -1);
  try {
    return JSON.parse(
      tok.value
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b')
        .replace(/\\'/g, "'"),
    ) as string;
  } catch {
    throw new TemplateSyntaxError(tok.line, 'invalid syntax');
  }
}

function numberConst(tok: Token): GoValue {
  const text = tok.value;
  if (tok.type === 'char') {
    const inner = text.slice(1, -1);
    const ch = inner.startsWith('\\')
      ? unquote({ ...tok, type: 'string', value: `"${inner}"` })
      : inner;
    return new GoInt(ch.codePointAt(0) ?? 0);
  }
  const clean = text.replace(/_/g, '');
  const isHex = /^[+-]?0[xX]/.test(clean) && !/[pP]/.test(clean);
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/.test(clean) || isHex) {
    const sign = clean.startsWith('-') ? -1 : 1;
    const body = clean.replace(/^[+-]/, '');
    const n =
      /^0[oO]?[0-7]+$/.test(body) && body.length > 1
        ? parseInt(body.replace(/^0[oO]?/, ''), 8)
        : Number(body);
    return new GoInt(sign * n);
  }
  const f = Number(clean);
  if (Number.isNaN(f) || clean.endsWith('i'))
    throw new TemplateSyntaxError(tok.line, `illegal number syntax: "${text}"`);
  return /[.eEpP]/.test(clean) ? f : new GoInt(f);
}

class Parser {
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  readonly defines = new Map<string, readonly Node[]>();
  private readonly toks: readonly Token[];
  private readonly functions: FunctionNames;
  constructor(toks: readonly Token[], functions: FunctionNames) {
    this.toks = toks;
    this.functions = functions;
  }

  private peek(): Token {
    return this.toks[this.i] ?? (this.toks[this.toks.length - 1] as Token);
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private peekNonSpace(): Token {
    while (this.peek().type === 'space') this.i++;
    return this.peek();
  }
  private nextNonSpace(): Token {
    this.peekNonSpace();
    return this.next();
  }
  private fail(tok: Token, message: string): never {
    throw new TemplateSyntaxError(tok.line, message);
  }
  private unexpected(tok: Token, context: string): never {
    const item =
      tok.type === 'eof'
        ? 'EOF'
        : tok.type === 'keyword'
          ? `<${tok.value}>`
          : tok.value.length > 10
            ? `${JSON.stringify(tok.value.slice(0, 10))}...`
            : JSON.stringify(tok.value);
    this.fail(tok, `unexpected ${item} in ${context}`);
  }

  parse(): Node[] {
    const root: Node[] = [];
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'left') {
        const save = this.i;
        this.next();
        const kw = this.peekNonSpace();
        if (kw.type === 'keyword' && kw.value === 'define') {
          this.next();
          this.definition();
          continue;
        }
        this.i = save;
      }
      const n = this.textOrAction();
      if ('t' in n && (n.t === 'end' || n.t === 'else'))
        this.fail(this.toks[this.i - 1] as Token, `unexpected {{${n.t}}}`);
      root.push(n as Node);
    }
    return root;
  }

  /** `{{define "name"}} … {{end}}` at the top level (parseDefinition). */
  private definition(): void {
    const name = this.templateName(this.nextNonSpace(), 'define clause');
    this.expectRight('define clause');
    this.defineBody(name, 'define clause');
  }

  /** A named template's body up to its {{end}}, with only `$` declared inside. */
  private defineBody(name: string, context: string): void {
    const vars = this.vars;
    this.vars = ['$'];
    const { list, next } = this.itemList();
    if (next.t !== 'end') this.fail(this.peek(), `unexpected {{else}} in ${context}`);
    this.vars = vars;
    this.defines.set(name, list);
  }

  private templateName(tok: Token, context: string): string {
    if (tok.type !== 'string' && tok.type !== 'raw') this.unexpected(tok, context);
    return unquote(tok);
  }

  private itemList(): { list: Node[]; next: Marker } {
    const list: Node[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (isMarker(n)) return { list, next: n };
      list.push(n);
    }
    this.fail(this.peek(), 'unexpected EOF');
  }

  private textOrAction(): Node | Marker {
    const tok = this.nextNonSpace();
    if (tok.type === 'text') return { t: 'text', text: tok.value };
    if (tok.type === 'left') return this.action();
    this.unexpected(tok, 'input');
  }

  private expectRight(context: string): Token {
    const tok = this.nextNonSpace();
    if (tok.type !== 'right') this.unexpected(tok, context);
    return tok;
  }

  private action(): Node | Marker {
    const tok = this.nextNonSpace();
    if (tok.type === 'keyword') {
      switch (tok.value) {
        case 'end':
          return { t: 'end', pos: this.expectRight('end').pos };
        case 'else': {
          const peek = this.peekNonSpace();
          if (peek.type === 'keyword' && (peek.value === 'if' || peek.value === 'with'))
            return { t: 'else', pos: peek.pos };
          return { t: 'else', pos: this.expectRight('else').pos };
        }
        case 'if':
        case 'with':
        case 'range':
          return this.control(tok.value);
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.fail(tok, `{{${tok.value}}} outside {{range}}`);
          this.expectRight(tok.value);
          return { t: tok.value, pos: tok.pos };
        case 'template': {
          const nameTok = this.nextNonSpace();
          const name = this.templateName(nameTok, 'template clause');
          if (this.nextNonSpace().type === 'right')
            return { t: 'template', pos: nameTok.pos, name };
          this.i--;
          const pipe = this.pipeline('template clause', 'right');
          return { t: 'template', pos: nameTok.pos, name, pipe };
        }
        case 'block': {
          const nameTok = this.nextNonSpace();
          const name = this.templateName(nameTok, 'block clause');
          const pipe = this.pipeline('block clause', 'right');
          this.defineBody(name, 'block clause');
          return { t: 'template', pos: nameTok.pos, name, pipe };
        }
        default:
          this.unexpected(tok, 'command');
      }
    }
    this.i--;
    const pipe = this.pipeline('command', 'right');
    return { t: 'action', pos: pipe.pos, pipe };
  }

  private control(context: 'if' | 'with' | 'range'): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline(context, 'right');
    if (context === 'range') this.rangeDepth++;
    const { list, next } = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: Node[] | undefined;
    if (next.t === 'else') {
      const peek = this.peek();
      if (peek.type === 'keyword' && peek.value === context && context !== 'range') {
        this.next();
        elseList = [this.control(context)];
      } else {
        const rest = this.itemList();
        if (rest.next.t !== 'end') this.fail(this.peek(), `expected end; found {{else}}`);
        elseList = rest.list;
      }
    }
    this.vars.length = mark;
    return { t: context, pos: pipe.pos, pipe, list, ...(elseList ? { elseList } : {}) };
  }

  private pipeline(context: string, end: 'right' | 'rparen'): Pipe {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let isAssign = false;
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'var') break;
      const save = this.i;
      this.next();
      const next = this.peekNonSpace();
      if (next.type === 'declare' || next.type === 'assign') {
        isAssign = next.type === 'assign';
        this.next();
        decl.push(v.value);
        if (!isAssign) this.vars.push(v.value);
        else this.useVar(v);
        break;
      }
      if (next.type === 'comma') {
        this.next();
        decl.push(v.value);
        this.vars.push(v.value);
        if (context === 'range' && decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === 'var' || p === 'right' || p === 'rparen') continue;
          this.fail(next, 'range can only initialize variables');
        }
        this.fail(next, `too many declarations in ${context}`);
      }
      this.i = save;
      break;
    }
    const cmds: Command[] = [];
    for (;;) {
      const tok = this.nextNonSpace();
      if (tok.type === end) {
        if (cmds.length === 0) this.fail(tok, `missing value for ${context}`);
        cmds.slice(1).forEach((c, k) => {
          const first = c.args[0];
          if (first && (first.t === 'const' || first.t === 'dot' || first.t === 'nil'))
            this.fail(tok, `non executable command in pipeline stage ${k + 2}`);
        });
        return { pos: start.pos, line: start.line, decl, isAssign, cmds };
      }
      if (
        [
          'bool',
          'char',
          'dot',
          'field',
          'ident',
          'number',
          'nil',
          'raw',
          'string',
          'var',
          'lparen',
        ].includes(tok.type)
      ) {
        this.i--;
        cmds.push(this.command());
      } else this.unexpected(tok, context);
    }
  }

  private command(): Command {
    const pos = this.peekNonSpace().pos;
    const args: Arg[] = [];
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) args.push(operand);
      const tok = this.next();
      if (tok.type === 'space') continue;
      if (tok.type === 'right' || tok.type === 'rparen') this.i--;
      else if (tok.type !== 'pipe') this.unexpected(tok, 'operand');
      break;
    }
    if (args.length === 0) this.fail(this.peek(), 'empty command');
    return { pos, args };
  }

  private operand(): Arg | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    if (node.t === 'field') return { t: 'field', pos, idents: [...node.idents, ...fields] };
    if (node.t === 'var') return { ...node, pos, idents: [...node.idents, ...fields] };
    if (node.t === 'const' || node.t === 'nil' || node.t === 'dot')
      this.fail(this.peek(), `unexpected . after term ${JSON.stringify(argString(node))}`);
    return { t: 'chain', pos, node, fields };
  }

  private useVar(tok: Token): Arg {
    const [name = '', ...idents] = tok.value.split('.');
    if (!this.vars.includes(name)) this.fail(tok, `undefined variable ${JSON.stringify(name)}`);
    return { t: 'var', pos: tok.pos, name, idents };
  }

  private term(): Arg | null {
    const tok = this.nextNonSpace();
    switch (tok.type) {
      case 'ident':
        if (!this.functions.has(tok.value))
          this.fail(tok, `function ${JSON.stringify(tok.value)} not defined`);
        return { t: 'ident', pos: tok.pos, name: tok.value };
      case 'dot':
        return { t: 'dot', pos: tok.pos };
      case 'nil':
        return { t: 'nil', pos: tok.pos };
      case 'var':
        return this.useVar(tok);
      case 'field':
        return { t: 'field', pos: tok.pos, idents: [tok.value.slice(1)] };
      case 'bool':
        return { t: 'const', pos: tok.pos, value: tok.value === 'true', text: tok.value };
      case 'number':
      case 'char':
        return { t: 'const', pos: tok.pos, value: numberConst(tok), text: tok.value };
      case 'lparen':
        return { t: 'pipe', pos: tok.pos, pipe: this.pipeline('parenthesized pipeline', 'rparen') };
      case 'string':
      case 'raw':
        return { t: 'const', pos: tok.pos, value: unquote(tok), text: tok.value };
      default:
        this.i--;
        return null;
    }
  }
}
