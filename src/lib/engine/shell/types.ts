/**
 * Types shared by the shell: the session's mutable context and the command module shape.
 */
import type { ClusterState, Command, Transition } from '../src/index.ts';
import type { FlagSpec } from './flags.ts';

/** What a command produced. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /**
   * What a terminal shows: stdout and stderr interleaved in the order they were written
   * (kubeadm's warnings appear between its progress lines, as on a real terminal).
   */
  readonly output: string;
  readonly exitCode: number;
}

/** A RunResult that only has an error message (syntax errors, internal failures). */
export function errorResult(message: string, exitCode: number): RunResult {
  const stderr = `${message}\n`;
  return { stdout: '', stderr, output: stderr, exitCode };
}

/** Turns an `@pki:` file reference into real PEM text (async: certificates are real X.509). */
export type Materializer = (
  state: ClusterState,
  machine: string,
  content: string,
) => Promise<string>;

/** The mutable shell context one session carries between lines. */
export interface ShellContext {
  state: ClusterState;
  /** Logged-in machines; the last one is current (`ssh` pushes, `exit` pops). */
  machineStack: string[];
  env: Record<string, string>;
  readonly scenario: string;
  /** Release track (a minor, e.g. "v1.37") scenarios are built for; kept across resets. */
  readonly release: string;
  /** Replaces the whole world (kubelife scenario/reset), built for `release` when given. */
  reset(scenario: string, release?: string): void;
  /** Working directory of the shell (relative paths resolve against it; default $HOME). */
  cwd?: string;
  /** Set by `exit` at top level: the CLI REPL stops. */
  exitRequested: boolean;
  readonly materialize: Materializer;
}

/** Output being collected for one command. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /**
   * Writes `bytes` to stdout as they are, without the newline `out` adds: binary output such as
   * `openssl rsa -outform der`, one character per byte (see ./bytes.ts).
   */
  write?(bytes: string): void;
}

/** Arguments every command module receives. */
export interface Invocation {
  readonly name: string;
  readonly args: readonly string[];
  readonly ctx: ShellContext;
  readonly io: Output;
  /** stdin contents when piped into. */
  readonly stdin: string | null;
  /** Applies a typed command to the session state; prints its events; returns the transition. */
  apply(command: Command): Transition;
  /** Name of the current machine. */
  readonly machine: string;
}

/** A command the shell knows (`kubeadm`, `ls`, …). */
export interface CommandModule {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** True when the command exists only once a package installs it. */
  readonly requiresPackage?: 'kubeadm' | 'kubelet' | 'kubectl';
  /** What Tab completes after the command's name (complete.ts); absent: file paths. */
  readonly completion?: CompletionSpec;
  run(inv: Invocation): number | Promise<number>;
}

/** What follows a command (or subcommand) for Tab completion, from the same data the command parses. */
export interface CompletionSpec {
  /** Subcommands by name, each with what follows it. */
  readonly subcommands?: Readonly<Record<string, CompletionSpec>>;
  /** The flags it parses (the same FlagSpec tables: a flag that takes a value consumes the next word). */
  readonly flags?: readonly FlagSpec[];
  /**
   * What positional arguments are: file paths (the default, as bash), a resource type then names
   * of its objects (`kubectl get`), node names, or nothing to complete.
   */
  readonly args?: 'files' | 'resources' | 'nodes' | 'none';
  /** Fixed choices for positional arguments (e.g. systemd units); wins over `args`. */
  readonly words?: readonly string[];
}
