/**
 * Executes a parsed template over kubectl's map[string]interface{} data the way Go's
 * text/template does: field chains on maps (a missing key is `<no value>` under kubectl's
 * default --allow-missing-template-keys=true, `map has no entry for key` otherwise), pipelines
 * that pass their value as the last argument, variables and their scopes, if/with/range (maps in
 * key order, range over an int), break and continue, and errors located as
 * `output:LINE:COL: executing "output" at <NODE>: …`.
 *
 * upstream: Go src/text/template/exec.go (walk, walkIfOrWith, walkRange, evalPipeline,
 * evalCommand, evalField, evalCall, evalArg, validateType, printValue, errorf),
 * parse/parse.go (ErrorContext).
 */
import { ARITY, callBuiltin, type Builtin } from './funcs.ts';
import { formatValue } from './go-fmt.ts';
import {
  argString,
  commandString,
  type Arg,
  type Command,
  type ControlNode,
  type Node,
  type Parsed,
  type Pipe,
  pipeString,
} from './parse.ts';
import { utf8 } from '../../src/pki/der.ts';
import { GoInt, goType, isMap, isSlice, isTrue, sortedKeys, type GoValue } from './values.ts';

/** An execution error with Go's location and context already in the message. */
export class TemplateExecError extends Error {}

/** The simulator's bound on one template's work (issue 14: nothing hangs or eats memory). */
export class TemplateBudgetError extends Error {}

/** Output and steps one execution may take before the simulator stops it. */
const MAX_OUTPUT = 4 * 1024 * 1024;
const MAX_STEPS = 2_000_000;

/** A value with whether its static type is interface{} (it came out of a map or slice). */
interface Typed {
  readonly v: GoValue;
  readonly boxed: boolean;
}

/** `{{break}}` and `{{continue}}` unwind to their range (Go panics with walkBreak/walkContinue). */
class LoopSignal extends Error {}
const BREAK = new LoopSignal('break');
const CONTINUE = new LoopSignal('continue');

/** The pieces of the template source the errors quote. */
export interface Source {
  readonly text: string;
  readonly name: string;
}

/** Executes `nodes` over `data`; returns the output, or throws with the output so far. */
export function execute(
  parsed: Parsed,
  data: GoValue,
  source: Source,
  missingKeyError: boolean,
): string {
  const ex = new Executor(source, missingKeyError, data, parsed.defines);
  try {
    ex.walk({ v: data, boxed: false }, parsed.root);
  } catch (error) {
    if (error instanceof TemplateExecError) throw Object.assign(error, { partial: ex.out });
    throw error;
  }
  return ex.out;
}

/** What a failed execution wrote before failing. */
export function partialOutput(error: TemplateExecError): string {
  return (error as TemplateExecError & { partial?: string }).partial ?? '';
}

class Executor {
  out = '';
  private vars: { name: string; value: Typed }[];
  /** The node evaluated last (Go's s.node): errors without a node of their own name it. */
  private at = { pos: 0, ctx: '' };
  private readonly source: Source;
  private readonly missingKeyError: boolean;
  private readonly defines: ReadonlyMap<string, readonly Node[]>;
  /** The template executing now (`output`, or a defined one): errors say `executing "NAME"`. */
  private name: string;
  constructor(
    source: Source,
    missingKeyError: boolean,
    root: GoValue,
    defines: ReadonlyMap<string, readonly Node[]>,
  ) {
    this.source = source;
    this.defines = defines;
    this.name = source.name;
    this.missingKeyError = missingKeyError;
    this.vars = [{ name: '$', value: { v: root, boxed: false } }];
  }

  private fail(pos: number, context: string, message: string): never {
    // Go's positions are byte offsets: the column counts UTF-8 bytes since the line began.
    const before = this.source.text.slice(0, pos);
    const col = utf8(before.slice(before.lastIndexOf('\n') + 1)).length;
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    throw new TemplateExecError(
      `template: ${this.source.name}:${line}:${col}: executing ${JSON.stringify(this.name)} at <${context}>: ${message}`,
    );
  }

  private steps = 0;

  private step(): void {
    if (++this.steps > MAX_STEPS || this.out.length > MAX_OUTPUT)
      throw new TemplateBudgetError(
        'kubelife stopped this template: more than 4 MiB of output or 2,000,000 steps',
      );
  }

  walk(dot: Typed, nodes: readonly Node[]): void {
    for (const n of nodes) {
      this.step();
      switch (n.t) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipeline(dot, n.pipe);
          if (n.pipe.decl.length === 0)
            this.out += v === undefined ? '<no value>' : formatValue(v, 'v');
          break;
        }
        case 'if':
        case 'with': {
          const mark = this.vars.length;
          const v = this.pipeline(dot, n.pipe);
          if (isTrue(v)) this.walk(n.t === 'with' ? { v, boxed: false } : dot, n.list);
          else if (n.elseList) this.walk(dot, n.elseList);
          this.vars.length = mark;
          break;
        }
        case 'range':
          this.range(dot, n);
          break;
        case 'template':
          this.template(dot, n);
          break;
        case 'break':
          throw BREAK;
        case 'continue':
          throw CONTINUE;
      }
    }
  }

  private range(dot: Typed, n: ControlNode): void {
    const mark = this.vars.length;
    const val = this.pipeline(dot, n.pipe);
    const inner = this.vars.length;
    const one = (index: Typed, elem: Typed): boolean => {
      this.step();
      const decl = n.pipe.decl;
      if (decl.length > 0)
        this.setVar(
          decl.length > 1 ? (decl[1] ?? '') : (decl[0] ?? ''),
          elem,
          n.pipe.isAssign,
          inner - 1,
        );
      if (decl.length > 1) this.setVar(decl[0] ?? '', index, n.pipe.isAssign, inner - 2);
      try {
        this.walk(elem, n.list);
      } catch (signal) {
        if (signal === BREAK) return false;
        if (signal !== CONTINUE) throw signal;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    let iterated = false;
    if (isSlice(val) && val.length > 0) {
      iterated = true;
      for (
        let i = 0;
        i < val.length && one({ v: new GoInt(i), boxed: false }, { v: val[i], boxed: true });
        i++
      );
    } else if (isMap(val) && Object.keys(val).length > 0) {
      iterated = true;
      for (const k of sortedKeys(val))
        if (!one({ v: k, boxed: false }, { v: val[k], boxed: true })) break;
    } else if (val instanceof GoInt) {
      iterated = val.value > 0;
      for (
        let i = 0;
        i < val.value && one({ v: new GoInt(i), boxed: false }, { v: new GoInt(i), boxed: false });
        i++
      );
    } else if (val !== undefined && !isSlice(val) && !isMap(val))
      this.fail(this.at.pos, this.at.ctx, `range can't iterate over ${formatValue(val, 'v')}`);
    this.vars.length = mark;
    if (!iterated && n.elseList) this.walk(dot, n.elseList);
  }

  /** walkTemplate: a defined template runs with the pipeline's value and only `$` declared. */
  private template(dot: Typed, n: Extract<Node, { t: 'template' }>): void {
    const ctx = `{{template ${JSON.stringify(n.name)}${n.pipe ? ` ${pipeString(n.pipe)}` : ''}}}`;
    this.at = { pos: n.pos, ctx };
    const body = this.defines.get(n.name);
    if (!body) this.fail(n.pos, ctx, `template ${JSON.stringify(n.name)} not defined`);
    const v = n.pipe ? this.pipeline(dot, n.pipe) : undefined;
    const saved = { vars: this.vars, name: this.name };
    this.vars = [{ name: '$', value: { v, boxed: false } }];
    this.name = n.name;
    try {
      this.walk({ v, boxed: false }, body);
    } finally {
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  private setVar(name: string, value: Typed, assign: boolean, slot: number): void {
    if (assign) {
      for (let i = this.vars.length - 1; i >= 0; i--)
        if (this.vars[i]?.name === name) {
          this.vars[i] = { name, value };
          return;
        }
    }
    this.vars[slot] = { name, value };
  }

  /** evalPipeline: each command's value is the next one's final argument; nil flattens away. */
  pipeline(dot: Typed, pipe: Pipe): GoValue {
    let value: GoValue | typeof MISSING = MISSING;
    for (const cmd of pipe.cmds) {
      const v = this.command(dot, cmd, value);
      value = v === null ? undefined : v;
    }
    const result = value === MISSING ? undefined : value;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, { v: result, boxed: false }, true, this.vars.length);
      else this.vars.push({ name, value: { v: result, boxed: false } });
    }
    return result;
  }

  private command(dot: Typed, cmd: Command, final: GoValue | typeof MISSING): GoValue {
    const first = cmd.args[0] as Arg;
    const rest = cmd.args.slice(1);
    this.at = { pos: first.pos, ctx: argString(first) };
    const hasArgs = rest.length > 0 || final !== MISSING;
    switch (first.t) {
      case 'field':
        return this.fieldChain(dot, first.idents, first.pos, argString(first), hasArgs);
      case 'var': {
        const base = this.variable(first.name);
        if (first.idents.length === 0) {
          if (hasArgs)
            this.fail(
              first.pos,
              argString(first),
              `can't give argument to non-function ${argString(first)}`,
            );
          return base.v;
        }
        return this.fieldChain(base, first.idents, first.pos, argString(first), hasArgs);
      }
      case 'chain': {
        const base = this.arg(dot, first.node);
        return this.fieldChain(
          { v: base, boxed: false },
          first.fields,
          first.pos,
          argString(first),
          hasArgs,
        );
      }
      case 'ident':
        return this.call(dot, first.name as Builtin, cmd, rest, final);
      case 'pipe':
        if (hasArgs) this.notAFunction(first);
        return this.pipeline(dot, first.pipe);
      case 'nil':
        return this.fail(first.pos, 'nil', 'nil is not a command');
      case 'dot':
      case 'const':
        if (hasArgs) this.notAFunction(first);
        return first.t === 'const' ? first.value : dot.v;
    }
  }

  /** notAFunction: arguments (or a piped value) given to something that is not a function. */
  private notAFunction(first: Arg): never {
    const text = argString(first);
    return this.fail(first.pos, text, `can't give argument to non-function ${text}`);
  }

  private variable(name: string): Typed {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) return v.value;
    }
    return { v: undefined, boxed: false };
  }

  /** evalFieldChain: every identifier a map key; errors name the whole chain. */
  private fieldChain(
    receiver: Typed,
    idents: readonly string[],
    pos: number,
    context: string,
    hasArgs: boolean,
  ): GoValue {
    let cur = receiver;
    idents.forEach((name, i) => {
      const last = i === idents.length - 1;
      const v = cur.v;
      if (v === undefined) {
        if (this.missingKeyError)
          this.fail(pos, context, `nil data; no entry for key ${JSON.stringify(name)}`);
        cur = { v: undefined, boxed: false };
        return;
      }
      if (v === null) this.fail(pos, context, `nil pointer evaluating interface {}.${name}`);
      if (isMap(v)) {
        if (last && hasArgs) this.fail(pos, context, `${name} is not a method but has arguments`);
        if (!(name in v) && this.missingKeyError)
          this.fail(pos, context, `map has no entry for key ${JSON.stringify(name)}`);
        cur = { v: v[name], boxed: true };
        return;
      }
      this.fail(
        pos,
        context,
        `can't evaluate field ${name} in type ${cur.boxed ? 'interface {}' : goType(v)}`,
      );
    });
    return cur.v;
  }

  /** An argument's value as a function receives it (a missing key becomes nil). */
  arg(dot: Typed, a: Arg): GoValue {
    this.at = { pos: a.pos, ctx: argString(a) };
    switch (a.t) {
      case 'field':
        return this.fieldChain(dot, a.idents, a.pos, argString(a), false);
      case 'var': {
        const base = this.variable(a.name);
        return a.idents.length === 0
          ? base.v
          : this.fieldChain(base, a.idents, a.pos, argString(a), false);
      }
      case 'chain':
        return this.fieldChain(
          { v: this.arg(dot, a.node), boxed: false },
          a.fields,
          a.pos,
          argString(a),
          false,
        );
      case 'dot':
        return dot.v;
      case 'nil':
        return null;
      case 'const':
        return a.value;
      case 'pipe':
        return this.pipeline(dot, a.pipe);
      case 'ident':
        return this.call(dot, a.name as Builtin, { pos: a.pos, args: [a] }, [], MISSING);
    }
  }

  private call(
    dot: Typed,
    name: Builtin,
    cmd: Command,
    args: readonly Arg[],
    final: GoValue | typeof MISSING,
  ): GoValue {
    const ident = cmd.args[0] as Arg;
    const first = ident;
    this.at = { pos: ident.pos, ctx: argString(ident) };
    const arity = ARITY[name];
    const numIn = args.length + (final === MISSING ? 0 : 1);
    if (typeof arity !== 'number' && numIn < arity[0])
      this.fail(
        ident.pos,
        name,
        `wrong number of args for ${name}: want at least ${arity[0]} got ${args.length}`,
      );
    if (typeof arity === 'number' && numIn !== arity)
      this.fail(ident.pos, name, `wrong number of args for ${name}: want ${arity} got ${numIn}`);
    if (name === 'and' || name === 'or') {
      let v: GoValue = undefined;
      for (const a of args) {
        v = this.arg(dot, a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const values = args.map((a) => ({ node: a, value: this.arg(dot, a) }));
    if (final !== MISSING)
      values.push({ node: args[args.length - 1] ?? (cmd.args[0] as Arg), value: final });
    const r = callBuiltin(
      name,
      values.map((x) => x.value),
    );
    if (r.ok) return r.value;
    if (r.argIndex !== undefined) {
      const node = values[r.argIndex]?.node ?? first;
      return this.fail(node.pos, argString(node), r.message);
    }
    return this.fail(cmd.pos, commandString(cmd), `error calling ${name}: ${r.message}`);
  }
}

/** Marks "no final value" (the command is first in its pipeline). */
const MISSING = Symbol('missing');
