/**
 * The real kubectl that judges the parity suite: found on the PATH (or $KUBECTL), its version
 * read from itself, and a runner that executes one command line with bash against a kubeconfig
 * (asynchronously: the served API answers from this same process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The judge: where it is and what version it reports (null when there is none). */
export interface RealKubectl {
  readonly path: string;
  readonly version: string;
  readonly minor: number;
}

/** The judge at `path`, asked for its own version (null when it does not answer). */
function judgeAt(path: string): RealKubectl | null {
  const json = spawnSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const version = /"gitVersion":\s*"([^"]+)"/.exec(json.stdout ?? '')?.[1];
  if (version === undefined) return null;
  return { path, version, minor: Number(version.split('.')[1] ?? 0) };
}

/** Finds the real kubectl ($KUBECTL, else `kubectl` on the PATH). */
export function findKubectl(): RealKubectl | null {
  const path =
    process.env['KUBECTL'] ??
    spawnSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  return path === '' ? null : judgeAt(path);
}

/**
 * The per-minor binaries beside the judge (`kubectl.1.27` … `kubectl.1.33` in the folder the
 * machine image's kubectl links to), newest first; none when $KUBECTL names the judge.
 */
export function perMinorKubectls(judge: RealKubectl): RealKubectl[] {
  if (process.env['KUBECTL'] !== undefined) return [];
  const dir = dirname(realpathSync(judge.path));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^kubectl\.1\.\d+$/.test(f))
    .map((f) => judgeAt(join(dir, f)))
    .filter((k): k is RealKubectl => k !== null)
    .sort((a, b) => b.minor - a.minor);
}

/**
 * The judge for a line written for kubectl `minor` ("v1.37"): the binary of that minor when one
 * exists, else the newest one older than it (the smallest version skew available), else the
 * default judge. kubectl supports one minor of skew with the API server
 * (https://kubernetes.io/releases/version-skew-policy/#kubectl); what the skew changes on
 * the client side is masked by name in compare.ts.
 */
export function judgeFor(
  judge: RealKubectl,
  perMinor: readonly RealKubectl[],
  minor: string | undefined,
): RealKubectl {
  const wanted = Number((minor ?? '').replace(/^v?1\./, ''));
  if (!Number.isFinite(wanted) || wanted === 0) return judge;
  const exact = perMinor.find((k) => k.minor === wanted);
  const older = perMinor.find((k) => k.minor < wanted);
  return exact ?? (older !== undefined && older.minor > judge.minor ? older : judge);
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
  cwd?: string,
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
      const child = spawn('bash', ['-c', line], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(cwd !== undefined ? { cwd } : {}),
      });
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
