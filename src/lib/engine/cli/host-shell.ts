/**
 * One long-lived bash (local, or remote over ssh) that runs command lines one at a time, as a
 * terminal would: `cd`, `export` and variables carry over. Both output streams go to one pipe
 * (`exec 2>&1`), so the text keeps the order it was written in. After each line the shell prints a
 * random end marker with the line's exit status; a line that never ends is stopped after a timeout.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import type { RunResult } from '../shell/types.ts';

/** A bash that runs lines until closed. */
export interface HostShell {
  /** Runs one command line; never rejects (failures become output and an exit code). */
  run(line: string): Promise<RunResult>;
  /** Ends the bash (and the ssh connection). */
  close(): void;
}

const result = (output: string, exitCode: number): RunResult => ({
  stdout: output,
  stderr: '',
  output,
  exitCode,
});

/**
 * Checks a line's syntax with the local `bash -n` first: an unclosed quote sent to a long-lived
 * shell would make it wait for more input forever.
 */
export function syntaxError(line: string): string | undefined {
  const check = spawnSync('bash', ['-n'], { input: `${line}\n`, encoding: 'utf8' });
  return check.status === 0 ? undefined : check.stderr || 'bash: syntax error\n';
}

interface Running {
  readonly proc: ChildProcessWithoutNullStreams;
  buffer: string;
  exited: number | undefined;
  onData: (() => void) | undefined;
}

/** Starts `argv` (a bash, see machine-targets.ts) and returns a line runner on it. */
export function startHostShell(
  argv: readonly string[],
  timeoutMs: number,
  home: string = homedir(),
): HostShell {
  let current: Running | undefined;

  const start = (): Running => {
    // A local shell starts in the home directory, as an ssh login does.
    const proc = spawn(argv[0] ?? 'bash', argv.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: home,
      env: { ...process.env, HOME: home },
    });
    const running: Running = { proc, buffer: '', exited: undefined, onData: undefined };
    const take = (chunk: Buffer): void => {
      running.buffer += chunk.toString('utf8');
      running.onData?.();
    };
    proc.stdout.on('data', take);
    // Before `exec 2>&1` takes effect (and for ssh's own messages) stderr arrives here.
    proc.stderr.on('data', take);
    proc.on('close', (code) => {
      running.exited = code ?? 255;
      if (current === running) current = undefined;
      running.onData?.();
    });
    proc.stdin.on('error', () => undefined);
    proc.stdin.write('exec 2>&1\n');
    return running;
  };

  return {
    run(line: string): Promise<RunResult> {
      const invalid = syntaxError(line);
      if (invalid !== undefined) return Promise.resolve(result(invalid, 2));
      const running = current ?? (current = start());
      const marker = `__kubelife_${randomUUID()}__`;
      const end = new RegExp(`\\n?${marker} (\\d+)\\n`);
      return new Promise((resolve) => {
        const finish = (output: string, code: number): void => {
          clearTimeout(timer);
          running.onData = undefined;
          running.buffer = '';
          resolve(result(output, code));
        };
        const timer = setTimeout(() => {
          // The shell may be stuck in the line: drop it; the next line starts a fresh one.
          if (current === running) current = undefined;
          running.proc.kill('SIGKILL');
          finish(
            `${running.buffer}\nkubelife: stopped after ${timeoutMs / 1000} s without finishing\n`,
            124,
          );
        }, timeoutMs);
        running.onData = () => {
          const done = end.exec(running.buffer);
          if (done) finish(running.buffer.slice(0, done.index), Number(done[1]));
          else if (running.exited !== undefined) finish(running.buffer, running.exited);
        };
        // stdin is /dev/null for the line itself: the shell reads its next line from the pipe.
        running.proc.stdin.write(`{\n${line}\n} </dev/null\nprintf '\\n%s %d\\n' ${marker} "$?"\n`);
      });
    },
    close(): void {
      current?.proc.stdin.end();
      current?.proc.kill();
      current = undefined;
    },
  };
}
