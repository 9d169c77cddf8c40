/**
 * Sessions: `createSession(options)` returns an object whose `run(line)` tokenizes, expands and
 * runs each command against the session's state. One code path for the browser terminal, the
 * CLI and doc-tests. `run` never throws and never rejects.
 */
import { complete, type Completion } from './complete.ts';
import {
  buildScenario,
  createRng,
  DEFAULT_CLOCK_START,
  DEFAULT_SCENARIO,
  DEFAULT_SEED,
  isEngineError,
  parseTime,
  releaseTrack,
  scenarioShell,
  type ClusterState,
} from '../src/index.ts';
import './commands/index.ts';
import { defaultMaterializer } from './materialize.ts';
import { parseSavedSession } from './saved-session.ts';
import { errorResult, type Materializer, type RunResult, type ShellContext } from './types.ts';
import { Interpreter, Flow, FatalError, ExpansionError, type Sink } from './bash/exec.ts';
import { ParseError } from './bash/parse.ts';
import { PatternBudgetError } from './bash/pattern.ts';
import { createBashState, envRecord, type BashState } from './bash/vars.ts';
import { restoreShell, saveShell, type SavedShell } from './bash/saved.ts';
import { migrateState } from '../src/index.ts';

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
  /** Interpreter state beyond `env` (working directory, arrays, options), when not the default. */
  readonly shell?: SavedShell;
}

/** A running shell session. */
export interface Session {
  run(line: string): Promise<RunResult>;
  /** Tab completion of the word that ends `line` (the text before the cursor); changes nothing. */
  complete(line: string): Completion;
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
  let onReset = (): void => undefined;
  if (options.state !== undefined) {
    const s = parseSavedSession(options.state);
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
      env: envRecord(env),
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
        c.env = envRecord(shell.env);
        onReset();
      },
    };
    return c;
  }
  // Keep the RNG helper referenced for future per-session reseeding.
  void createRng;
  const freshShell = (): BashState =>
    createBashState(ctx.env['HOME'] ?? '/root', ctx.state.now, seed);
  const interp = new Interpreter(ctx, freshShell());
  if (options.state?.shell) restoreShell(interp.sh, options.state.shell);
  onReset = () => {
    interp.sh = freshShell();
  };

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
      // bash's default PS1 on Ubuntu (`\u@\h:\w\$ `): the working directory, $HOME shown as ~.
      const home = ctx.env['HOME'] ?? '/root';
      const cwd = interp.sh.cwd;
      const shown =
        cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
      return `root@${this.machine}:${shown}# `;
    },
    get exited() {
      return ctx.exitRequested;
    },
    async run(line: string): Promise<RunResult> {
      try {
        // A command line is a C string to bash (`bash -c`): it ends at the first NUL byte.
        const nul = line.indexOf('\0');
        return await runLine(nul < 0 ? line : line.slice(0, nul), ctx, interp);
      } catch (error) {
        const message = isEngineError(error) ? error.message : `internal error: ${String(error)}`;
        return errorResult(message, isEngineError(error) ? error.exitCode : 1);
      }
    },
    complete(line: string): Completion {
      return complete(line, ctx, interp.sh.cwd);
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
        ...saveShell(interp.sh, ctx.env['HOME'] ?? '/root'),
      };
    },
  };
}

/** Output bound per line (issue 14: nothing hangs or eats memory). */
const MAX_OUTPUT = 4 * 1024 * 1024;

async function runLine(input: string, ctx: ShellContext, interp: Interpreter): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let output = '';
  const guard = (): void => {
    if (output.length > MAX_OUTPUT)
      throw new FatalError('bash: kubelife stopped this line: more than 4 MiB of output');
  };
  const out: Sink = { write: (t) => void ((stdout += t), (output += t), guard()) };
  const err: Sink = { write: (t) => void ((stderr += t), (output += t), guard()) };
  interp.commands = 0;
  interp.errSink = err;
  let status: number;
  try {
    status = await interp.runSource(input, { stdin: null, out, err });
  } catch (e) {
    if (e instanceof Flow && e.kind === 'exit') {
      status = e.n;
      leaveShell(ctx, interp, out);
    } else if (e instanceof Flow) status = interp.sh.lastStatus;
    else if (e instanceof ParseError) {
      // A syntax error met while running (a here-document's body, a substitution's text).
      err.write(`bash: ${e.message}\n`);
      status = 2;
    } else if (e instanceof PatternBudgetError) {
      err.write(`${e.message}\n`);
      status = 1;
    } else if (e instanceof ExpansionError) {
      err.write(`${e.message}\n`);
      status = e.status;
    } else if (e instanceof FatalError) {
      if (output.length <= MAX_OUTPUT) err.write(`${e.message}\n`);
      else {
        output += `${e.message}\n`;
        stderr += `${e.message}\n`;
      }
      status = 1;
    } else throw e;
  }
  interp.sh.lastStatus = status;
  return { stdout, stderr, output, exitCode: status };
}

/** `exit` at the top of a line: leave the machine `ssh` logged into, or end the shell. */
function leaveShell(ctx: ShellContext, interp: Interpreter, out: Sink): void {
  if (ctx.machineStack.length > 1) {
    const left = ctx.machineStack.pop();
    interp.sh.cwd = interp.sh.cwdStack.pop() ?? ctx.env['HOME'] ?? '/root';
    out.write('logout\n');
    out.write(`Connection to ${left ?? ''} closed.\n`);
    return;
  }
  ctx.exitRequested = true;
}
