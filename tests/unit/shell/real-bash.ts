/**
 * Runs a script through the real /bin/bash (GNU bash 5.2 on the development and CI machines) and
 * through a kubelife session, so tests can compare the two. bash's non-interactive
 * `bash: line N: ` prefix is removed: a kubelife session is an interactive shell, which prints
 * `bash: cd: …` without a line number.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createSession } from 'kubelife';

/** What a shell printed and returned. */
export interface ShellRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const workdir = mkdtempSync(join(tmpdir(), 'kubelife-bash-'));

/** Runs `script` with the real bash in an empty directory. */
export function realBash(script: string): ShellRun {
  const r = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', script], {
    cwd: workdir,
    env: { PATH: '/usr/bin:/bin', HOME: '/root', LC_ALL: 'C.UTF-8' },
    argv0: 'bash',
    encoding: 'utf8',
    timeout: 10_000,
  });
  return {
    stdout: r.stdout,
    stderr: r.stderr.replace(/^bash: line \d+: /gm, 'bash: '),
    exitCode: r.status ?? -1,
  };
}

/** Runs `script` as one input of a fresh kubelife session. */
export async function kubelifeBash(script: string): Promise<ShellRun> {
  const r = await createSession().run(script);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
