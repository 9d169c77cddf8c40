/**
 * The executor of kubelife's bash: walks the syntax tree (ast.ts) with bash's semantics for
 * exit statuses, `&&`/`||`, pipelines (`pipefail`, `!`, PIPESTATUS), `set -e`, compound commands,
 * functions and `local`, subshells, redirections and here-documents. Every command of the
 * registry runs through one adapter (runRegistry); bash's own builtins are in builtins.ts.
 */
import {
  apply as applyCommand,
  dirname,
  EngineError,
  findMachine,
  findMachineBy,
  isDirectory,
  type Command as EngineCommand,
} from '../../src/index.ts';
import { registry } from '../registry.ts';
import { resolveShellPath } from '../paths.ts';
import { compileUserRegex, RegexError } from '../regex.ts';
import { printEvents } from '../format.ts';
import type { Invocation, ShellContext } from '../types.ts';
import type { AndOr, Command, CondExpr, List, Pipeline, Redirect, Word } from './ast.ts';
import { ASSIGNMENT_WORD, parseScript, ParseError } from './parse.ts';
import { RAW_ASSIGNMENT } from './declare.ts';
import { parseWord } from './word.ts';
import { openHeredocs } from './heredocs.ts';
import { evaluateArith, ArithError } from './arith.ts';
import {
  expandPattern,
  expandString,
  expandWords,
  ExpansionError,
  type ExpandHost,
} from './expand.ts';
import { matchPattern } from './pattern.ts';
import {
  arrayKeys,
  cloneBashState,
  envRecord,
  nextRandom,
  type ArrayVar,
  type BashState,
  type Frame,
} from './vars.ts';
import { builtins } from './builtins.ts';
import { CHILD_SHELLS, runChildShell } from './child-shell.ts';
import { globPaths } from './glob.ts';
import { evalTest } from './test-expr.ts';

/** Where a stream's text goes. */
export interface Sink {
  write(text: string): void;
}

/** A command's standard input: text consumed as it is read (so `while read` advances). */
export class Input {
  private text: string;
  constructor(text: string) {
    this.text = text;
  }
  /** Everything not read yet (a registry command reads all of it). */
  takeAll(): string {
    const t = this.text;
    this.text = '';
    return t;
  }
  /** The next line without its newline, or null at the end; `partial` when no newline ended it. */
  readLine(): { line: string; partial: boolean } | null {
    if (this.text === '') return null;
    const nl = this.text.indexOf('\n');
    const line = nl < 0 ? this.text : this.text.slice(0, nl);
    this.text = nl < 0 ? '' : this.text.slice(nl + 1);
    return { line, partial: nl < 0 };
  }
}

/** The three standard streams of a command. */
export interface Fds {
  readonly stdin: Input | null;
  readonly out: Sink;
  readonly err: Sink;
}

/** Control flow: `break`/`continue` (n levels), `return`, `exit`, and fatal line aborts. */
export class Flow extends Error {
  readonly kind: 'break' | 'continue' | 'return' | 'exit';
  readonly n: number;
  constructor(kind: 'break' | 'continue' | 'return' | 'exit', n: number) {
    super(kind);
    this.kind = kind;
    this.n = n;
  }
}

/** Bounds (issue 14): deterministic counts, never wall-clock time. */
export const LIMITS = { functionNesting: 1000, commands: 100_000, substitutionDepth: 64 };

/** The interpreter for one session; the session calls `runLine` per input line. */
export class Interpreter implements ExpandHost {
  commands = 0;
  /** Loops being run (for `break`/`continue`). */
  loopDepth = 0;
  /** Files being sourced (where `return` is allowed outside functions). */
  sourceDepth = 0;
  /** `$0`: `bash` at the prompt; a child shell's script or `-c` name (bash/child-shell.ts). */
  argv0 = 'bash';
  /** Line of the simple command running now, within its script (for a child shell's errors). */
  currentLine = 1;
  private subDepth = 0;
  /** Depth of contexts where `set -e` is ignored (if/while conditions, `&&`/`||` left sides, `!`). */
  private noErrexit = 0;

  readonly ctx: ShellContext;
  sh: BashState;

  constructor(ctx: ShellContext, sh: BashState) {
    this.ctx = ctx;
    this.sh = sh;
  }

  get machine(): string {
    return this.ctx.machineStack[this.ctx.machineStack.length - 1] ?? 'cp-1';
  }

  get nounset(): boolean {
    return this.sh.options.has('nounset');
  }

  get noglob(): boolean {
    return this.sh.options.has('noglob');
  }

  // ---- running scripts ----------------------------------------------------------------

  /** Parses and runs `src` with the given streams; returns the exit status. */
  async runSource(src: string, fds: Fds): Promise<number> {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      if (e instanceof ParseError) {
        fds.err.write(`bash: ${e.message}\n`);
        this.sh.lastStatus = 2;
        return 2;
      }
      throw e;
    }
    this.warnHeredocs(list, fds);
    return this.execList(list, fds);
  }

  private warnHeredocs(list: List, fds: Fds): void {
    for (const r of openHeredocs(list))
      fds.err.write(
        `bash: warning: here-document at line ${r.heredoc?.line ?? 1} delimited by end-of-file (wanted \`${r.heredoc?.delimiter ?? ''}')\n`,
      );
  }

  async execList(list: List, fds: Fds): Promise<number> {
    let status = this.sh.lastStatus;
    for (const ao of list) status = await this.execAndOr(ao, fds);
    return status;
  }

  private async execAndOr(ao: AndOr, fds: Fds): Promise<number> {
    const chain = [{ op: '&&' as const, pipeline: ao.first }, ...ao.rest];
    let status = 0;
    let ranLast = false;
    let negated = false;
    for (const [i, { op, pipeline }] of chain.entries()) {
      if (i > 0 && (op === '&&' ? status !== 0 : status === 0)) continue;
      const last = i === chain.length - 1;
      if (!last) this.noErrexit++;
      try {
        status = await this.execPipeline(pipeline, fds);
      } finally {
        if (!last) this.noErrexit--;
      }
      ranLast = last;
      negated = pipeline.negate;
    }
    this.sh.lastStatus = status;
    if (
      ranLast &&
      !negated &&
      status !== 0 &&
      this.noErrexit === 0 &&
      this.sh.options.has('errexit')
    )
      throw new Flow('exit', status);
    return status;
  }

  private async execPipeline(p: Pipeline, fds: Fds): Promise<number> {
    if (p.negate) this.noErrexit++;
    let status: number;
    try {
      if (p.commands.length === 1) {
        status = await this.execCommand(p.commands[0] as Command, fds);
        this.sh.pipestatus = [status];
      } else {
        const statuses: number[] = [];
        let input: Input | null = fds.stdin;
        for (const [i, c] of p.commands.entries()) {
          const lastStage = i === p.commands.length - 1;
          let buf = '';
          const out: Sink = lastStage ? fds.out : { write: (t) => void (buf += t) };
          const stage = { stdin: input, out, err: fds.err };
          statuses.push(await this.subshell(() => this.execCommand(c, stage), fds.err));
          input = new Input(buf);
        }
        this.sh.pipestatus = statuses;
        status = statuses.at(-1) ?? 0;
        if (this.sh.options.has('pipefail'))
          status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
      }
    } finally {
      if (p.negate) this.noErrexit--;
    }
    status = p.negate ? (status === 0 ? 1 : 0) : status;
    this.sh.lastStatus = status;
    return status;
  }

  /** Runs `fn` in a subshell: shell variables, cwd and functions are restored afterwards. */
  async subshell(fn: () => Promise<number>, err?: Sink): Promise<number> {
    const saved = cloneBashState(this.sh);
    const env = envRecord(this.ctx.env);
    const stack = [...this.ctx.machineStack];
    try {
      return await fn();
    } catch (e) {
      if (e instanceof Flow && e.kind === 'exit') return e.n;
      if (e instanceof Flow && (e.kind === 'break' || e.kind === 'continue')) return 0;
      if (err && (e instanceof ExpansionError || e instanceof FatalError)) {
        err.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      this.sh = { ...saved, random: this.sh.random };
      this.ctx.env = env;
      this.ctx.machineStack = stack;
    }
  }

  private tick(): void {
    if (++this.commands > LIMITS.commands)
      throw new FatalError(
        `bash: kubelife stopped this line after ${LIMITS.commands} commands (a loop that does not end?)`,
      );
  }

  async execCommand(c: Command, fds: Fds): Promise<number> {
    this.tick();
    if (c.type === 'function') {
      this.sh.functions.set(c.name, c.body);
      return 0;
    }
    if (c.type === 'simple') this.currentLine = c.line;
    const opened = await this.openRedirects(c.redirects, fds);
    if (typeof opened === 'number') return (this.sh.lastStatus = opened);
    const [io, close] = opened;
    try {
      return await this.execBody(c, io);
    } finally {
      close();
    }
  }

  private async execBody(c: Command, fds: Fds): Promise<number> {
    switch (c.type) {
      case 'simple':
        return this.execSimple(c, fds);
      case 'group':
        return this.execList(c.body, fds);
      case 'subshell':
        return this.subshell(() => this.execList(c.body, fds), fds.err);
      case 'if': {
        for (const clause of c.clauses) {
          if ((await this.condition(clause.cond, fds)) === 0)
            return this.execList(clause.body, fds);
        }
        return c.otherwise ? this.execList(c.otherwise, fds) : 0;
      }
      case 'while': {
        let status = 0;
        for (;;) {
          this.tick();
          const cond = await this.condition(c.cond, fds);
          if (c.until ? cond === 0 : cond !== 0) break;
          const r = await this.loopBody(c.body, fds);
          status = r.status;
          if (r.stop) break;
        }
        return (this.sh.lastStatus = status);
      }
      case 'for': {
        const items = c.items ? await expandWords(c.items, this) : [...this.positional()];
        let status = 0;
        for (const item of items) {
          this.setScalar(c.name, item);
          const r = await this.loopBody(c.body, fds);
          status = r.status;
          if (r.stop) break;
        }
        return (this.sh.lastStatus = status);
      }
      case 'arith-for': {
        let status = 0;
        if (c.init.trim()) await this.arithStatus(c.init);
        for (;;) {
          this.tick();
          if (c.cond.trim() && (await this.arithStatus(c.cond)) !== 0) break;
          const r = await this.loopBody(c.body, fds);
          status = r.status;
          if (r.stop) break;
          if (c.step.trim()) await this.arithStatus(c.step);
        }
        return (this.sh.lastStatus = status);
      }
      case 'case': {
        const word = await expandString(c.word, this);
        let status = 0;
        let fall = false;
        for (const item of c.items) {
          let hit = fall;
          if (!hit)
            for (const pw of item.patterns)
              if (matchPattern(await expandPattern(pw, this), word)) {
                hit = true;
                break;
              }
          if (!hit) continue;
          status = await this.execList(item.body, fds);
          if (item.end === ';;') return status;
          fall = item.end === ';&';
        }
        return status;
      }
      case 'arith':
        return this.arithStatus(c.src);
      case 'cond':
        return (await this.cond(c.expr)) ? 0 : 1;
      case 'function':
        return 0;
    }
  }

  private async condition(list: List, fds: Fds): Promise<number> {
    this.noErrexit++;
    try {
      return await this.execList(list, fds);
    } finally {
      this.noErrexit--;
    }
  }

  private async loopBody(body: List, fds: Fds): Promise<{ status: number; stop: boolean }> {
    this.loopDepth++;
    try {
      return { status: await this.execList(body, fds), stop: false };
    } catch (e) {
      if (e instanceof Flow && (e.kind === 'break' || e.kind === 'continue')) {
        if (e.n > 1) throw new Flow(e.kind, e.n - 1);
        return { status: 0, stop: e.kind === 'break' };
      }
      throw e;
    } finally {
      this.loopDepth--;
    }
  }

  private async arithStatus(src: string): Promise<number> {
    const expanded = await expandString(parseWord(src, true), this);
    return (this.sh.lastStatus = this.arith(expanded) === 0n ? 1 : 0);
  }

  private async cond(e: CondExpr): Promise<boolean> {
    switch (e.k) {
      case 'and':
        return (await this.cond(e.a)) && this.cond(e.b);
      case 'or':
        return (await this.cond(e.a)) || this.cond(e.b);
      case 'not':
        return !(await this.cond(e.a));
      case 'word':
        return (await expandString(e.a, this)) !== '';
      case 'unary':
        return evalTest([e.op, await expandString(e.a, this)], this) === 0;
      case 'binary': {
        const a = await expandString(e.a, this);
        if (e.op === '==' || e.op === '=' || e.op === '!=') {
          const m = matchPattern(await expandPattern(e.b, this), a);
          return e.op === '!=' ? !m : m;
        }
        const b = await expandString(e.b, this);
        if (e.op === '=~') {
          // POSIX extended syntax on the linear-time engine (shell/regex.ts): no pattern can hang.
          try {
            return (await compileUserRegex(b, { extended: true, ignoreCase: false })).test(a);
          } catch (error) {
            if (error instanceof RegexError) return false;
            throw error;
          }
        }
        if (e.op === '<') return a < b;
        if (e.op === '>') return a > b;
        if (/^-(eq|ne|lt|le|gt|ge)$/.test(e.op)) {
          const x = this.arith(a);
          const y = this.arith(b);
          return evalTest([String(x), e.op, String(y)], this) === 0;
        }
        return evalTest([a, e.op, b], this) === 0;
      }
    }
  }

  // ---- simple commands ------------------------------------------------------------------

  private async execSimple(c: Extract<Command, { type: 'simple' }>, fds: Fds): Promise<number> {
    const argv = DECLARATIONS.has(c.words[0]?.raw ?? '')
      ? await this.declarationArgs(c.words)
      : await expandWords(c.words, this);
    if (argv.length === 0) {
      for (const a of c.assigns) await this.assign(a);
      return (this.sh.lastStatus = c.assigns.some((a) => a.value?.parts.some((p) => p.k === 'cmd'))
        ? this.sh.lastStatus
        : 0);
    }
    const saved: Array<[string, string | undefined]> = [];
    for (const a of c.assigns) {
      const value = a.value ? await expandString(a.value, this) : '';
      saved.push([a.name, this.ctx.env[a.name]]);
      this.ctx.env[a.name] = value;
    }
    try {
      return (this.sh.lastStatus = await this.invoke(argv, fds));
    } finally {
      for (const [k, old] of saved.reverse()) {
        if (old === undefined) delete this.ctx.env[k];
        else this.ctx.env[k] = old;
      }
    }
  }

  /** Arguments of `declare`/`local`/`export`: assignments are not split; arrays stay raw. */
  private async declarationArgs(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      const m = ASSIGNMENT_WORD.exec(w.raw);
      if (!m) for (const f of await expandWords([w], this)) out.push(f);
      else if (w.raw.slice(m[0].length).startsWith('(')) out.push(RAW_ASSIGNMENT + w.raw);
      else out.push(m[0] + (await expandString(parseWord(w.raw.slice(m[0].length)), this)));
    }
    return out;
  }

  /** Runs argv: a function, a bash builtin, `sudo`, `ssh HOST CMD`, or a registry command. */
  async invoke(argv: string[], fds: Fds, noFunctions = false): Promise<number> {
    const [name = '', ...args] = argv;
    const fn = noFunctions ? undefined : this.sh.functions.get(name);
    if (fn) return this.callFunction(name, fn, args, fds);
    const builtin = builtins.get(name);
    if (builtin) return builtin(this, args, fds);
    if (name === 'sudo') return this.sudo(args, fds);
    if (CHILD_SHELLS.has(name)) return runChildShell(this, name, args, fds);
    if (name === 'ssh') {
      const remote = sshCommand(args);
      if (remote) return this.ssh(remote.host, remote.command, fds);
      const depth = this.ctx.machineStack.length;
      const status = await this.runRegistry(name, args, fds);
      if (this.ctx.machineStack.length > depth) {
        this.sh.cwdStack.push(this.sh.cwd);
        this.sh.cwd = this.ctx.env['HOME'] ?? '/root';
      }
      return status;
    }
    return this.runRegistry(name, args, fds);
  }

  private async sudo(args: string[], fds: Fds): Promise<number> {
    let i = 0;
    while (i < args.length && (args[i] ?? '').startsWith('-')) {
      if (['-u', '-g', '-C', '-D'].includes(args[i] ?? '')) i++;
      i++;
    }
    const rest = args.slice(i);
    if (rest.length === 0) return 0;
    const envPrefix: Array<[string, string | undefined]> = [];
    while (rest.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0] ?? '')) {
      const [k = '', ...v] = (rest.shift() ?? '').split('=');
      envPrefix.push([k, this.ctx.env[k]]);
      this.ctx.env[k] = v.join('=');
    }
    try {
      return await this.invoke(rest, fds, true);
    } finally {
      for (const [k, old] of envPrefix.reverse()) {
        if (old === undefined) delete this.ctx.env[k];
        else this.ctx.env[k] = old;
      }
    }
  }

  private async ssh(host: string, command: string, fds: Fds): Promise<number> {
    const m =
      findMachine(this.ctx.state, host) ?? findMachineBy(this.ctx.state, (x) => x.ip === host);
    if (!m) return this.runRegistry('ssh', [host], fds);
    const home = this.ctx.env['HOME'] ?? '/root';
    return this.subshell(async () => {
      this.ctx.machineStack.push(m.name);
      this.sh.cwd = home;
      this.sh.functions = new Map();
      this.sh.options = new Set();
      return this.runSource(command, fds);
    }, fds.err);
  }

  private async callFunction(
    name: string,
    body: Command,
    args: string[],
    fds: Fds,
  ): Promise<number> {
    if (this.sh.frames.length >= LIMITS.functionNesting)
      throw new FatalError(
        `bash: ${name}: maximum function nesting level exceeded (${LIMITS.functionNesting})`,
      );
    const frame: Frame = { name, saved: new Map(), positional: args };
    this.sh.frames.push(frame);
    try {
      return await this.execCommand(body, fds);
    } catch (e) {
      if (e instanceof Flow && e.kind === 'return') return e.n;
      throw e;
    } finally {
      this.sh.frames.pop();
      for (const [k, v] of frame.saved) {
        if (v.scalar === undefined) delete this.ctx.env[k];
        else this.ctx.env[k] = v.scalar;
        if (v.array === undefined) this.sh.arrays.delete(k);
        else this.sh.arrays.set(k, v.array);
      }
    }
  }

  /** The adapter every registry command runs through: argv, stdin text, two output streams. */
  async runRegistry(name: string, args: string[], fds: Fds): Promise<number> {
    const machine = this.machine;
    const mod = registry.get(name);
    const m = findMachine(this.ctx.state, machine);
    if (!mod || (mod.requiresPackage && !m?.packages[mod.requiresPackage])) {
      if (name.includes('/') && m?.files[this.resolve(name)] === undefined) {
        fds.err.write(`bash: ${name}: No such file or directory\n`);
        return 127;
      }
      fds.err.write(`${new EngineError('UnknownCommand', { command: name }).message}\n`);
      return 127;
    }
    const ctx = this.ctx;
    ctx.cwd = this.sh.cwd;
    const io = {
      out: (t: string) => fds.out.write(`${t}\n`),
      err: (t: string) => fds.err.write(`${t}\n`),
      // Binary output (DER) as a byte string, without a newline (shell/bytes.ts).
      write: (t: string) => fds.out.write(t),
    };
    const inv: Invocation = {
      name,
      args,
      ctx,
      io,
      stdin: fds.stdin ? fds.stdin.takeAll() : null,
      machine,
      apply(command: EngineCommand) {
        const t = applyCommand(ctx.state, command);
        if (t.ok) ctx.state = t.state;
        else if (t.state) ctx.state = t.state;
        printEvents(t.events, io);
        return t;
      },
    };
    const status = await mod.run(inv);
    // `cd` into a directory that a command removed: bash keeps the name; nothing to do here.
    return status;
  }

  // ---- redirections --------------------------------------------------------------------

  private async openRedirects(
    rs: readonly Redirect[],
    fds: Fds,
  ): Promise<[Fds, () => void] | number> {
    if (rs.length === 0) return [fds, () => undefined];
    let stdin = fds.stdin;
    let out = fds.out;
    let err = fds.err;
    const files: FileSink[] = [];
    for (const r of rs) {
      if (r.op === '<<') {
        const body = r.heredoc?.body ?? '';
        stdin = new Input(r.heredoc?.expand ? await this.expandHeredoc(body) : body);
        continue;
      }
      if (r.op === '<<<') {
        stdin = new Input(`${await expandString(r.target, this)}\n`);
        continue;
      }
      const target = await this.redirectTarget(r.target, fds);
      if (target === null) return 1;
      if ((r.op === '>&' || r.op === '<&') && /^[0-9]+$|^-$/.test(target)) {
        const src = target === '1' ? out : target === '2' ? err : null;
        if (src === null) continue;
        if (r.fd === 1) out = src;
        else if (r.fd === 2) err = src;
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        const path = this.resolve(target);
        const m = this.machineState();
        // /dev/null reads as empty (every machine has it; it is not a stored file).
        const content = path === '/dev/null' ? '' : m?.files[path];
        if (content === undefined) {
          const dir = m !== undefined && isDirectory(m, path);
          fds.err.write(
            `bash: ${target}: ${dir ? 'Is a directory' : 'No such file or directory'}\n`,
          );
          return 1;
        }
        stdin = new Input(await this.ctx.materialize(this.ctx.state, this.machine, content));
        continue;
      }
      const sink = this.openFile(target, r.op === '>>', fds);
      if (typeof sink === 'number') return sink;
      if (!(sink instanceof NullSink)) files.push(sink as FileSink);
      if (r.fd === -1) {
        out = sink;
        err = sink;
      } else if (r.fd === 1) out = sink;
      else if (r.fd === 2) err = sink;
    }
    return [{ stdin, out, err }, () => files.forEach((f) => f.close())];
  }

  private async redirectTarget(w: Word, fds: Fds): Promise<string | null> {
    const fields = await expandWords([w], this);
    if (fields.length !== 1) {
      fds.err.write(`bash: ${w.raw}: ambiguous redirect\n`);
      return null;
    }
    return fields[0] ?? '';
  }

  private openFile(target: string, append: boolean, fds: Fds): Sink | number {
    if (target === '/dev/null') return new NullSink();
    if (target === '/dev/stdout') return fds.out;
    if (target === '/dev/stderr') return fds.err;
    const path = this.resolve(target);
    const m = this.machineState();
    if (!m) return 1;
    if (isDirectory(m, path)) {
      fds.err.write(`bash: ${target}: Is a directory\n`);
      return 1;
    }
    if (!isDirectory(m, dirname(path))) {
      fds.err.write(`bash: ${target}: No such file or directory\n`);
      return 1;
    }
    return new FileSink(this, this.machine, path, append);
  }

  private async expandHeredoc(body: string): Promise<string> {
    // Like a double-quoted string, except that `"` is literal (bash's here-document rules).
    return expandString(parseWord(body.replace(/"/g, '\\"'), true), this);
  }

  // ---- paths and files -------------------------------------------------------------------

  machineState() {
    return findMachine(this.ctx.state, this.machine);
  }

  /** Absolute path of `p` relative to the working directory. */
  resolve(p: string): string {
    return resolveShellPath(this.ctx.env, p, this.sh.cwd);
  }

  /** Writes a file on `machine` through the engine (so save(), kubeadm and doc-tests see it). */
  writeFile(machine: string, path: string, content: string): void {
    const t = applyCommand(this.ctx.state, { type: 'file.write', machine, path, content });
    if (!t.ok) return;
    this.ctx.state = t.state;
    if (path === '/proc/sys/net/ipv4/ip_forward') {
      const r = applyCommand(this.ctx.state, {
        type: 'sysctl.set',
        machine,
        key: 'net.ipv4.ip_forward',
        value: content.trim(),
      });
      if (r.ok) this.ctx.state = r.state;
    }
  }

  // ---- ExpandHost ------------------------------------------------------------------------

  scalar(name: string): string | undefined {
    const pos = this.positional();
    switch (name) {
      case '?':
        return String(this.sh.lastStatus);
      case '#':
        return String(pos.length);
      case '$':
        return '4242';
      case '!':
        return undefined;
      case '-':
        return [...this.sh.options].map((o) => OPTION_LETTERS[o] ?? '').join('') + 'h';
      case '0':
        return this.argv0;
      case '@':
      case '*':
        return pos.join(' ');
      case 'RANDOM':
        return String(nextRandom(this.sh));
      case 'SECONDS':
        return String(Math.floor((this.ctx.state.now - this.sh.clockStart) / 1000));
      case 'PWD':
        return this.sh.cwd;
      case 'OLDPWD':
        return this.sh.oldpwd;
      case 'HOSTNAME':
        return this.machine;
      case 'UID':
      case 'EUID':
        return '0';
      case 'BASH_VERSION':
        return '5.2.21(1)-release';
      case 'FUNCNAME':
        return this.sh.frames.at(-1)?.name;
      case 'PIPESTATUS':
        return String(this.sh.pipestatus[0] ?? 0);
    }
    if (/^[1-9][0-9]*$/.test(name)) return pos[Number(name) - 1];
    const a = this.sh.arrays.get(name);
    if (a) return a.items.get('0');
    return this.ctx.env[name];
  }

  array(name: string): ArrayVar | undefined {
    if (name === 'PIPESTATUS')
      return {
        assoc: false,
        items: new Map(this.sh.pipestatus.map((s, i) => [String(i), String(s)])),
      };
    return this.sh.arrays.get(name);
  }

  setScalar(name: string, value: string): void {
    const a = this.sh.arrays.get(name);
    if (a) a.items.set('0', value);
    else this.ctx.env[name] = value;
  }

  varNames(): string[] {
    return [...new Set([...Object.keys(this.ctx.env), ...this.sh.arrays.keys()])];
  }

  positional(): readonly string[] {
    return this.sh.frames.at(-1)?.positional ?? this.sh.positional;
  }

  arith(src: string): bigint {
    try {
      return evaluateArith(src, {
        get: (n, i) => {
          if (i === undefined) return this.scalar(n);
          const a = this.sh.arrays.get(n);
          return a?.items.get(String(i)) ?? (i === 0n ? this.ctx.env[n] : undefined);
        },
        set: (n, v, i) => {
          if (i === undefined) this.setScalar(n, v);
          else this.setElement(n, String(i), v);
        },
      });
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.message}`);
      throw e;
    }
  }

  /** Sets `name[key]`, creating an indexed array when needed. */
  setElement(name: string, key: string, value: string): void {
    let a = this.sh.arrays.get(name);
    if (!a) {
      a = { assoc: false, items: new Map() };
      const scalar = this.ctx.env[name];
      if (scalar !== undefined) a.items.set('0', scalar);
      delete this.ctx.env[name];
      this.sh.arrays.set(name, a);
    }
    a.items.set(key, value);
  }

  async commandSubstitution(src: string): Promise<string> {
    if (++this.subDepth > LIMITS.substitutionDepth) {
      this.subDepth = 0;
      throw new FatalError('bash: command substitution nested too deeply');
    }
    let buf = '';
    try {
      const status = await this.subshell(
        () =>
          this.runSource(src, {
            stdin: null,
            out: { write: (t) => void (buf += t) },
            err: this.errSink,
          }),
        this.errSink,
      );
      this.sh.lastStatus = status;
    } finally {
      this.subDepth--;
    }
    return buf.replace(/\n+$/, '');
  }

  /** Where stderr of command substitutions goes (set by the session for each line). */
  errSink: Sink = { write: () => undefined };

  home(user: string): string | undefined {
    if (user === '') return this.ctx.env['HOME'] ?? '/root';
    if (user === 'root') return '/root';
    if (user === '+') return this.sh.cwd;
    if (user === '-') return this.sh.oldpwd;
    return undefined;
  }

  glob(pattern: string): string[] {
    const m = this.machineState();
    return m ? globPaths(m, pattern, this.sh.cwd) : [];
  }

  /** Assigns `NAME=value`, `NAME+=value`, `NAME[i]=value` or `NAME=(…)`. */
  async assign(a: {
    name: string;
    index?: string;
    append: boolean;
    value: Word | null;
    array: readonly Word[] | null;
  }): Promise<void> {
    if (a.array) {
      const values = await expandWords(a.array, this);
      const existing = this.sh.arrays.get(a.name);
      const assoc = existing?.assoc ?? false;
      const items = a.append && existing ? existing.items : new Map<string, string>();
      let next =
        a.append && existing && !assoc ? Math.max(-1, ...arrayKeys(existing).map(Number)) + 1 : 0;
      for (const v of values) {
        const kv = /^\[([^\]]*)\]=(.*)$/s.exec(v);
        if (kv) {
          const key = assoc ? (kv[1] ?? '') : String(this.arith(kv[1] ?? '0'));
          items.set(key, kv[2] ?? '');
          if (!assoc) next = Number(key) + 1;
        } else items.set(String(next++), v);
      }
      delete this.ctx.env[a.name];
      this.sh.arrays.set(a.name, { assoc, items });
      return;
    }
    const value = a.value ? await expandString(a.value, this) : '';
    if (a.index !== undefined) {
      const arr = this.sh.arrays.get(a.name);
      const key = arr?.assoc
        ? await expandString(parseWord(a.index), this)
        : String(this.arith(await expandString(parseWord(a.index, true), this)));
      const old = arr?.items.get(key) ?? '';
      this.setElement(a.name, key, a.append ? old + value : value);
      return;
    }
    const old = this.scalar(a.name) ?? '';
    this.setScalar(a.name, a.append ? old + value : value);
  }
}

const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

/** An error that aborts the current line (status 1), printed as is. */
export class FatalError extends Error {}

const OPTION_LETTERS: Record<string, string> = {
  errexit: 'e',
  nounset: 'u',
  noglob: 'f',
  xtrace: 'x',
};

class NullSink implements Sink {
  write(): void {}
}

/** Collects a redirection's output and writes the file through the engine when it closes. */
class FileSink implements Sink {
  private buf = '';
  private readonly sh: Interpreter;
  private readonly machine: string;
  private readonly path: string;
  private readonly append: boolean;
  constructor(sh: Interpreter, machine: string, path: string, append: boolean) {
    this.sh = sh;
    this.machine = machine;
    this.path = path;
    this.append = append;
  }
  write(text: string): void {
    this.buf += text;
  }
  close(): void {
    const m = findMachine(this.sh.ctx.state, this.machine);
    const prev = this.append ? (m?.files[this.path] ?? '') : '';
    this.sh.writeFile(this.machine, this.path, prev + this.buf);
  }
}

/** `ssh [options] HOST COMMAND…` → host and command text, or null for an interactive login. */
function sshCommand(args: readonly string[]): { host: string; command: string } | null {
  let i = 0;
  while (i < args.length && (args[i] ?? '').startsWith('-')) {
    const a = args[i] ?? '';
    if (/^-[BbcDEeFIiJLlmOoPpRSWw]$/.test(a)) i++;
    i++;
  }
  const host = args[i];
  const rest = args.slice(i + 1);
  if (host === undefined || rest.length === 0) return null;
  return { host: host.replace(/^[^@]*@/, ''), command: rest.join(' ') };
}

export { ExpansionError };
