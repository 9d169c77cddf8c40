import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBERNETES_VERSION } from 'kubelife';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';
const kubelife = (...args: string[]) => spawnSync(node, [bin, ...args], { encoding: 'utf8' });

describe('kubelife CLI', () => {
  it('runs a script and prints a transcript', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-'));
    const file = join(dir, 'script.sh');
    writeFileSync(file, '# comment\n\nkubeadm version \\\n  -o short\n');

    const r = kubelife('run', file, '--scenario', 'packages-installed');

    expect(r.stdout).toBe(`$ kubeadm version \\\n  -o short\n${DEFAULT_KUBERNETES_VERSION}\n`);
    expect(r.status).toBe(0);
  });

  it('stops at the first failing command with its exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-'));
    const file = join(dir, 'script.sh');
    writeFileSync(file, 'foo\necho never\n');

    const r = kubelife('run', file);

    expect(r.status).toBe(127);
    expect(r.stdout).not.toContain('never');
  });

  it('rejects an unknown option with usage, exit 2', () => {
    const r = kubelife('--bogus');

    expect(r.status).toBe(2);
    expect(r.stderr).toContain('kubelife: unknown option: --bogus');
  });

  it('prints its version', () => {
    const r = kubelife('--version');

    expect(r.stdout).toMatch(/^kubelife \d+\.\d+\.\d+\n$/);
  });
});

describe('kubelife CLI release tracks', () => {
  it('builds the scenario for the release given with --release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-'));
    const file = join(dir, 'script.sh');
    writeFileSync(file, 'kubeadm version -o short\n');

    const r = kubelife('run', file, '--scenario', 'packages-installed', '--release', 'v1.35');

    expect(r.stdout).toBe('$ kubeadm version -o short\nv1.35.8\n');
    expect(r.status).toBe(0);
  });

  it('refuses a release that is not one of the newest three minors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-'));
    const file = join(dir, 'script.sh');
    writeFileSync(file, 'hostname\n');

    const r = kubelife('run', file, '--release', 'v1.20');

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown Kubernetes release track "v1.20"');
  });

  it('refuses --release with --load, whose saved state keeps its own release', () => {
    const r = kubelife('run', 'x.sh', '--release', 'v1.36', '--load', 'state.json');

    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--release cannot be combined with --load');
  });
});
