/**
 * The interpreter's state that lives from one `run(line)` to the next: working directory, arrays,
 * functions, options (`set -e`, `-o pipefail`, `-u`), `$?`, positional parameters, function frames.
 * Scalar variables live in the session's `env` (where kubelife's commands read KUBECONFIG,
 * ETCDCTL_API, …), so the existing `save()` format keeps them.
 */
import type { Command } from './ast.ts';

/** An indexed (`a=(x y)`) or associative (`declare -A m`) array. */
export interface ArrayVar {
  readonly assoc: boolean;
  /** Keys in insertion order (indexed arrays list them numerically). */
  readonly items: Map<string, string>;
}

/** One function call's saved variables (for `local`) and positional parameters. */
export interface Frame {
  readonly name: string;
  readonly saved: Map<string, { scalar: string | undefined; array: ArrayVar | undefined }>;
  positional: string[];
}

/** Interpreter state carried across lines. */
export interface BashState {
  cwd: string;
  oldpwd: string | undefined;
  /** Working directories of the machines left by `ssh` (restored by `exit`). */
  cwdStack: string[];
  arrays: Map<string, ArrayVar>;
  functions: Map<string, Command>;
  options: Set<string>;
  lastStatus: number;
  positional: string[];
  frames: Frame[];
  /** State of `$RANDOM`'s generator (deterministic, seeded per session). */
  random: number;
  pipestatus: number[];
  /** Simulated clock (ms) when the session started, for `$SECONDS`. */
  readonly clockStart: number;
}

/** Fresh interpreter state. */
export function createBashState(cwd: string, clockStart: number, seed: number): BashState {
  return {
    cwd,
    oldpwd: undefined,
    cwdStack: [],
    arrays: new Map(),
    functions: new Map(),
    options: new Set(),
    lastStatus: 0,
    positional: [],
    frames: [],
    random: seed >>> 0,
    pipestatus: [0],
    clockStart,
  };
}

/** Copies everything a subshell may change, so the parent's state can be restored. */
export function cloneBashState(s: BashState): BashState {
  const arrays = new Map<string, ArrayVar>();
  for (const [k, v] of s.arrays) arrays.set(k, { assoc: v.assoc, items: new Map(v.items) });
  return {
    ...s,
    cwdStack: [...s.cwdStack],
    arrays,
    functions: new Map(s.functions),
    options: new Set(s.options),
    positional: [...s.positional],
    frames: s.frames.map((f) => ({ ...f, saved: new Map(f.saved), positional: [...f.positional] })),
    pipestatus: [...s.pipestatus],
  };
}

/**
 * A copy of shell variables as an object without a prototype: a variable named `toString`,
 * `constructor` or `__proto__` is then an ordinary name (unset until assigned), as in bash, and
 * never reads or replaces what every JavaScript object inherits.
 */
export function envRecord(from: Readonly<Record<string, string>>): Record<string, string> {
  const env = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(from)) env[key] = from[key] ?? '';
  return env;
}

/** Keys of an array in bash's listing order. */
export function arrayKeys(a: ArrayVar): string[] {
  const keys = [...a.items.keys()];
  return a.assoc ? keys : keys.sort((x, y) => Number(x) - Number(y));
}

/** The next `$RANDOM` (0–32767) from a linear congruential generator (deterministic replays). */
export function nextRandom(s: BashState): number {
  s.random = (Math.imul(s.random, 1103515245) + 12345) >>> 0;
  return (s.random >>> 16) & 0x7fff;
}
