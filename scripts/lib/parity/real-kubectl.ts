/**
 * The real kubectl that judges the parity suite: found on the PATH (or $KUBECTL), its version
 * read from itself, and a runner that executes one command line with bash against a kubeconfig
 * (asynchronously: the served API answers from this same process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The judge: where it is and what version it reports (null when there is none). */
export interface RealKubectl {
  readonly path: string;
  readonly version: string;
  readonly minor: number;
}

/** Finds the real kubectl ($KUBECTL, else `kubectl` on the PATH). */
export function findKubectl(): RealKubectl | null {
  const path =
    process.env['KUBECTL'] ??
    spawnSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  if (path === '') return null;
  const json = spawnSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const version = /"gitVersion":\s*"([^"]+)"/.exec(json.stdout)?.[1];
  if (version === undefined) return null;
  return { path, version, minor: Number(version.split('.')[1] ?? 0) };
}

/** What one line printed. */
export interface LineResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * A runner of command lines where `kubectl` is the judge and KUBECONFIG the served API's
 * kubeconfig; HOME is a scratch folder so no local configuration leaks in.
 */
export function kubectlRunner(
  k: RealKubectl,
  kubeconfig: string,
): (line: string) => Promise<LineResult> {
  const bin = mkdtempSync(join(tmpdir(), 'kubelife-parity-bin-'));
  symlinkSync(k.path, join(bin, 'kubectl'));
  const env = {
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: mkdtempSync(join(tmpdir(), 'kubelife-parity-home-')),
    KUBECONFIG: kubeconfig,
    LANG: 'C.UTF-8',
  };
  return (line) =>
    new Promise((resolve) => {
      const child = spawn('bash', ['-c', line], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, exitCode: code ?? 137 });
      });
    });
}
