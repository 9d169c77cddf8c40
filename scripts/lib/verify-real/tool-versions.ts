/**
 * The versions of the real tools `npm run verify:real` uses, read from the tools themselves, for
 * verify-real.json. A missing tool is reported as missing (the run then fails where it is needed).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

function firstLine(cmd: string, args: string[]): string {
  const run = spawnSync(cmd, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) return 'missing';
  return `${run.stdout}${run.stderr}`.split('\n')[0]?.trim() ?? 'missing';
}

/** The real kubectl: its client version and the per-minor binaries beside it. */
function kubectl(): { version: string; path: string; minors: string[] } {
  const which = spawnSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  if (path === '') return { version: 'missing', path: '', minors: [] };
  const json = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const version = /"gitVersion":\s*"([^"]+)"/.exec(json.stdout)?.[1] ?? 'unknown';
  let minors: string[] = [];
  try {
    minors = readdirSync(dirname(realpathSync(path)))
      .filter((f) => /^kubectl\.\d+\.\d+$/.test(f))
      .sort();
  } catch {
    // No folder of per-minor binaries on this machine.
  }
  return { version, path, minors };
}

/** Every real tool's version. */
export function toolVersions() {
  return {
    bash: firstLine('bash', ['--version']),
    openssl: firstLine('openssl', ['version']),
    etcd: firstLine('etcd', ['--version']),
    etcdctl: firstLine('etcdctl', ['version']),
    kubectl: kubectl(),
  };
}
