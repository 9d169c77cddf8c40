/**
 * Sessions: `createSession(options)` returns an object whose `run(line)` tokenizes, expands and
 * runs each command against the session's state. One code path for the browser terminal, the
 * CLI and doc-tests. `run` never throws and never rejects.
 */
import {
  apply as applyCommand,
  buildScenario,
  createRng,
  DEFAULT_CLOCK_START,
  DEFAULT_SCENARIO,
  DEFAULT_SEED,
  EngineError,
  isEngineError,
  parseTime,
  releaseTrack,
  scenarioShell,
  type ClusterState,
  type Command,
} from '../src/index.ts';
import { tokenize, parseCommandList, type WordPart } from './tokenize.ts';
import { splitHeredoc, expandHeredoc } from './heredoc.ts';
import './commands/index.ts';
import { registry } from './registry.ts';
import { printEvents } from './format.ts';
import { defaultMaterializer } from './materialize.ts';
import {
  errorResult,
  type Invocation,
  type Materializer,
  type Output,
  type RunResult,
  type ShellContext,
} from './types.ts';
import { findMachine, migrateState } from '../src/index.ts';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** Scenario to start from (default `bare-machines`). */
  readonly scenario?: string;
  /**
   * Release track the scenario is built for: one of the newest three minors ("v1.36" or "1.36";
   * default: the newest). Ignored when `state` is given (a saved state knows its track).
   */
  readonly release?: string;
  /** A state saved with `session.save()`; wins over `scenario`. */
  readonly state?: SerializedState;
  /** RNG seed (default 1). */
  readonly seed?: number;
  /** Simulated start time, ISO 8601 (default 2026-11-25T09:00:00Z). */
  readonly now?: string;
  /** Custom materialiser for certificate files (tests, PKI). */
  readonly materialize?: Materializer;
}

/** What `save()` returns: plain JSON. */
export interface SerializedState {
  readonly kind: 'kubelife-session';
  readonly version: 1;
  readonly scenario: string;
  /** Release track the session's scenarios are built for (absent in states saved before tracks). */
  readonly release?: string;
  readonly state: ClusterState;
  readonly machineStack: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** A running shell session. */
export interface Session {
  run(line: string): Promise<RunResult>;
  save(): SerializedState;
  readonly scenario: string;
  /** Release track (minor, e.g. "v1.37") the session's scenarios are built for. */
  readonly release: string;
  /** Machine the user is logged into (for the prompt `root@<machine>:~# `). */
  readonly machine: string;
  /** The prompt a terminal shows before the next line. */
  readonly prompt: string;
  /** True once `exit` was run at the top level. */
  readonly exited: boolean;
}

function scenarioState(name: string, seed: number, now: string, release: string): ClusterState {
  return buildScenario(name, seed, parseTime(now), release);
}

function isSerialized(value: unknown): value is SerializedState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SerializedState>;
  return (
    v.kind === 'kubelife-session' &&
    v.version === 1 &&
    typeof v.state === 'object' &&
    Array.isArray(v.machineStack)
  );
}

/**
 * Creates a session.
 * @throws EngineError NoSuchScenario | NoSuchRelease | InvalidState | InvalidTime
 */
export function createSession(options: SessionOptions = {}): Session {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? DEFAULT_CLOCK_START;
  let scenario = options.scenario ?? DEFAULT_SCENARIO;
  let release = releaseTrack(options.release).minor;
  let ctx: ShellContext;
  if (options.state !== undefined) {
    if (!isSerialized(options.state))
      throw new EngineError('InvalidState', { reason: 'not a kubelife session' });
    const s = options.state;
    scenario = s.scenario;
    if (s.release !== undefined) release = releaseTrack(s.release).minor;
    ctx = makeContext(
      migrateState(JSON.parse(JSON.stringify(s.state))),
      [...s.machineStack],
      { ...s.env },
      scenario,
    );
  } else {
    const shell = scenarioShell();
    ctx = makeContext(
      scenarioState(scenario, seed, now, release),
      [shell.machine],
      { ...shell.env },
      scenario,
    );
  }

  function makeContext(
    state: ClusterState,
    machineStack: string[],
    env: Record<string, string>,
    name: string,
  ): ShellContext {
    const c: ShellContext = {
      state,
      machineStack,
      env,
      scenario: name,
      get release() {
        return release;
      },
      exitRequested: false,
      materialize: options.materialize ?? defaultMaterializer,
      reset(next: string, nextRelease?: string) {
        const shell = scenarioShell();
        const track = nextRelease === undefined ? release : releaseTrack(nextRelease).minor;
        c.state = scenarioState(next, seed, now, track);
        release = track;
        c.machineStack = [shell.machine];
        c.env = { ...shell.env };
      },
    };
    return c;
  }
  // Keep the RNG helper referenced for future per-session reseeding.
  void createRng;

  return {
    get scenario() {
      return scenario;
    },
    get release() {
      return release;
    },
    get machine() {
      return ctx.machineStack[ctx.machineStack.length - 1] ?? 'cp-1';
    },
    get prompt() {
      return `root@${this.machine}:~# `;
    },
    get exited() {
      return ctx.exitRequested;
    },
    async run(line: string): Promise<RunResult> {
      try {
        return await runLine(line, ctx);
      } catch (error) {
        const message = isEngineError(error) ? error.message : `internal error: ${String(error)}`;
        return errorResult(message, isEngineError(error) ? error.exitCode : 1);
      }
    },
    save(): SerializedState {
      return {
        kind: 'kubelife-session',
        version: 1,
        scenario,
        release,
        state: ctx.state,
        machineStack: [...ctx.machineStack],
        env: { ...ctx.env },
      };
    },
  };
}

function currentMachine(ctx: ShellContext): string {
  return ctx.machineStack[ctx.machineStack.length - 1] ?? 'cp-1';
}

async function expandWord(
  parts: readonly WordPart[],
  ctx: ShellContext,
  lastExit: number,
): Promise<string> {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'lit') out += p.text;
    else if (p.kind === 'var') out += p.name === '?' ? String(lastExit) : (ctx.env[p.name] ?? '');
    else {
      const r = await runLine(p.text, ctx);
      out += r.stdout.replace(/\n+$/, '');
    }
  }
  return out;
}

async function runLine(input: string, ctx: ShellContext): Promise<RunResult> {
  // A here-document's body becomes the first command's stdin (shell/heredoc.ts).
  const heredoc = input.includes('<<') ? splitHeredoc(input) : null;
  const line = heredoc ? heredoc.line : input;
  const tokens = tokenize(line);
  if ('syntaxError' in tokens) return errorResult(`bash: -c: line 1: ${tokens.syntaxError}`, 2);
  const commands = parseCommandList(tokens);
  if ('syntaxError' in commands) return errorResult(`bash: -c: line 1: ${commands.syntaxError}`, 2);
  let stdout = '';
  let stderr = heredoc?.warning ? `${heredoc.warning}\n` : '';
  let output = stderr;
  let exitCode = 0;
  let piped: string | null =
    heredoc?.body != null
      ? heredoc.expand
        ? expandHeredoc(heredoc.body, ctx.env)
        : heredoc.body
      : null;
  for (const cmd of commands) {
    if (cmd.after === '&&' && exitCode !== 0) continue;
    if (cmd.after === '||' && exitCode === 0) continue;
    const words: string[] = [];
    for (const w of cmd.words) words.push(await expandWord(w, ctx, exitCode));
    // `VAR=value` alone sets a shell variable.
    if (words.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? '')) {
      const [k, ...v] = (words[0] ?? '').split('=');
      ctx.env[k ?? ''] = v.join('=');
      exitCode = 0;
      continue;
    }
    const outBuf: string[] = [];
    const errBuf: string[] = [];
    // Both streams in write order, for the terminal view (RunResult.output).
    const written: Array<{ readonly err: boolean; readonly text: string }> = [];
    const io: Output = {
      out: (t) => void (outBuf.push(t), written.push({ err: false, text: t })),
      err: (t) => void (errBuf.push(t), written.push({ err: true, text: t })),
    };
    exitCode = await runWords(words, ctx, io, piped);
    piped = null;
    const outText = outBuf.map((t) => `${t}\n`).join('');
    const errText = errBuf.map((t) => `${t}\n`).join('');
    stderr += errText;
    const toTerminal = cmd.pipeToNext || cmd.redirect ? written.filter((w) => w.err) : written;
    output += toTerminal.map((w) => `${w.text}\n`).join('');
    if (cmd.pipeToNext) {
      piped = outText;
      continue;
    }
    if (cmd.redirect) {
      const target = await expandWord(cmd.redirect.target, ctx, exitCode);
      const path = target.startsWith('/') ? target : `${ctx.env['HOME'] ?? '/root'}/${target}`;
      // `> /dev/null` discards the output.
      if (path === '/dev/null') continue;
      const m = findMachine(ctx.state, currentMachine(ctx));
      const prev = cmd.redirect.append ? (m?.files[path] ?? '') : '';
      const t = applyCommand(ctx.state, {
        type: 'file.write',
        machine: currentMachine(ctx),
        path,
        content: prev + outText,
      });
      if (t.ok) {
        ctx.state = t.state;
        if (path === '/proc/sys/net/ipv4/ip_forward') {
          const r = applyCommand(ctx.state, {
            type: 'sysctl.set',
            machine: currentMachine(ctx),
            key: 'net.ipv4.ip_forward',
            value: outText.trim(),
          });
          if (r.ok) ctx.state = r.state;
        }
      } else {
        stderr += `bash: ${target}: No such file or directory\n`;
        output += `bash: ${target}: No such file or directory\n`;
        exitCode = 1;
      }
      continue;
    }
    stdout += outText;
  }
  return { stdout, stderr, output, exitCode };
}

async function runWords(
  words: string[],
  ctx: ShellContext,
  io: Output,
  stdin: string | null,
): Promise<number> {
  let argv = words;
  while (argv[0] === 'sudo') argv = argv.slice(1).filter((a, i) => !(i === 0 && a === '-E'));
  // `VAR=value cmd …` (e.g. ETCDCTL_API=3 etcdctl …): the assignment is visible to that command only.
  const prefix: Array<[string, string | undefined]> = [];
  while (argv.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0] ?? '')) {
    const [k = '', ...v] = (argv[0] ?? '').split('=');
    prefix.push([k, ctx.env[k]]);
    ctx.env[k] = v.join('=');
    argv = argv.slice(1);
  }
  if (prefix.length > 0) {
    try {
      return await runWords(argv, ctx, io, stdin);
    } finally {
      for (const [k, old] of prefix.reverse()) {
        if (old === undefined) delete ctx.env[k];
        else ctx.env[k] = old;
      }
    }
  }
  const [name, ...args] = argv;
  if (name === undefined) return 0;
  const machine = currentMachine(ctx);
  const mod = registry.get(name);
  const m = findMachine(ctx.state, machine);
  if (!mod || (mod.requiresPackage && !m?.packages[mod.requiresPackage])) {
    io.err(new EngineError('UnknownCommand', { command: name }).message);
    return 127;
  }
  const inv: Invocation = {
    name,
    args,
    ctx,
    io,
    stdin,
    machine,
    apply(command: Command) {
      const t = applyCommand(ctx.state, command);
      if (t.ok) ctx.state = t.state;
      else if (t.state) ctx.state = t.state;
      printEvents(t.events, io);
      return t;
    },
  };
  return await mod.run(inv);
}
