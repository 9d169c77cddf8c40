/**
 * `kubelife doctest --backend host`: runs a guide's lines with bash on real machines instead of the
 * simulator. Each simulated machine name maps to a target (machine-targets.ts); lines that are only
 * `ssh NAME` or `exit` switch machines exactly as they do in the simulator (machine-switch.ts).
 * `--map FROM=TO` maps a value of the guide to its value on your machines (a path to a sandbox copy
 * of the files, an address, an ID): FROM is replaced by TO in every line, and TO by FROM in what
 * is printed, so the output compares with the page.
 */
import { logoutText, machineSwitch } from '../shell/doctest/machine-switch.ts';
import type { LineRunner } from '../shell/doctest/runner.ts';
import type { RunResult } from '../shell/types.ts';
import { startHostShell, type HostShell } from './host-shell.ts';
import { shellCommand, type MachineTarget } from './machine-targets.ts';

/** How to build a host backend. */
export interface HostBackendOptions {
  /** Simulated machine name → where it runs. Unlisted names cannot be switched to. */
  readonly machines: ReadonlyMap<string, MachineTarget>;
  /** The machine lines run on before any `ssh` (default: the first listed, else "local"). */
  readonly initial?: string;
  /** Values to map on every machine: [guide's value, this run's value]. */
  readonly rewrites?: ReadonlyArray<readonly [string, string]>;
  /** Values to map on one machine only (applied before `rewrites`), e.g. its file tree. */
  readonly machineRewrites?: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>>;
  /** Seconds a line may run before it is stopped (default 300). */
  readonly timeoutSeconds?: number;
  /** Starts a shell for a target (tests replace it; default: a real bash via startHostShell). */
  readonly startShell?: (argv: readonly string[], timeoutMs: number, home?: string) => HostShell;
}

/** A line runner on real machines; close() ends every shell it started. */
export interface HostBackend extends LineRunner {
  close(): void;
  /** The machine the next line runs on. */
  readonly current: string;
}

const out = (text: string, exitCode: number): RunResult => ({
  stdout: exitCode === 0 ? text : '',
  stderr: exitCode === 0 ? '' : text,
  output: text,
  exitCode,
});

const replaceAll = (text: string, from: string, to: string): string =>
  from === '' ? text : text.split(from).join(to);

/** Creates a host backend; shells start on first use. */
export function createHostBackend(options: HostBackendOptions): HostBackend {
  const machines = new Map(options.machines);
  const initial = options.initial ?? [...machines.keys()][0] ?? 'local';
  if (!machines.has(initial)) machines.set(initial, { kind: 'local' });
  const timeoutMs = (options.timeoutSeconds ?? 300) * 1000;
  const start = options.startShell ?? startHostShell;
  const shells = new Map<string, HostShell>();
  const stack = [initial];
  const rewritesFor = (name: string): ReadonlyArray<readonly [string, string]> => [
    ...(options.machineRewrites?.get(name) ?? []),
    ...(options.rewrites ?? []),
  ];
  const current = (): string => stack[stack.length - 1] ?? initial;

  return {
    get current() {
      return current();
    },
    async run(line: string): Promise<RunResult> {
      const move = machineSwitch(line);
      if (move?.kind === 'ssh') {
        if (!machines.has(move.machine))
          return out(
            `kubelife: no --machine given for ${move.machine} (add --machine ${move.machine}=ssh://root@HOST or =local)\n`,
            255,
          );
        stack.push(move.machine);
        return out('', 0);
      }
      if (move?.kind === 'exit' && stack.length > 1) {
        const left = stack.pop() ?? '';
        return out(logoutText(left), 0);
      }
      const name = current();
      const target = machines.get(name) ?? { kind: 'local' };
      let shell = shells.get(name);
      if (!shell) {
        shell =
          target.kind === 'local' && target.home !== undefined
            ? start(shellCommand(target), timeoutMs, target.home)
            : start(shellCommand(target), timeoutMs);
        shells.set(name, shell);
      }
      const pairs = rewritesFor(name);
      const mapped = pairs.reduce((l, [from, to]) => replaceAll(l, from, to), line);
      const result = await shell.run(mapped);
      const text = pairs.reduce((t, [from, to]) => replaceAll(t, to, from), result.output);
      return out(text, result.exitCode);
    },
    close(): void {
      for (const shell of shells.values()) shell.close();
      shells.clear();
    },
  };
}
