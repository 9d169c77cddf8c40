/**
 * Issue 14, defect 1: every file the shell touches resolves inside the simulated filesystem, and
 * `--export-fs DIR` writes nothing outside DIR, whatever the session or a loaded state holds.
 */
import { describe, expect, it } from 'vitest';
import { createSession, findMachine, putMachine } from 'kubelife';
import { exportFs } from '../../../src/lib/engine/cli/export-fs.ts';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';
const kubelife = (...args: string[]) => spawnSync(node, [bin, ...args], { encoding: 'utf8' });

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'kubelife-contain-'));
}

function script(dir: string, text: string): string {
  const file = join(dir, 'script.sh');
  writeFileSync(file, text);
  return file;
}

/** The bucket of a saved state's machines (a KeyedMap) that holds `name`. */
function bucketOf(saved: Record<string, unknown>, name: string): Record<string, unknown> {
  const state = saved['state'] as { machines: { buckets: Array<Record<string, unknown>> } };
  return state.machines.buckets.find((b) => name in b) ?? {};
}

function savedSession(dir: string, tamper: (saved: Record<string, unknown>) => void): string {
  const good = join(dir, 'good.json');
  kubelife('run', script(dir, 'hostname\n'), '--save', good);
  const saved = JSON.parse(spawnSync('cat', [good], { encoding: 'utf8' }).stdout) as Record<
    string,
    unknown
  >;
  tamper(saved);
  const file = join(dir, 'tampered.json');
  writeFileSync(file, JSON.stringify(saved));
  return file;
}

describe('paths the shell resolves', () => {
  it('folds .. after ~/ so a file never lands above the root', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    await s.run('openssl genrsa -out ~/../../../../../../../tmp/x/k.key 2048');

    const files = Object.keys(findMachine(s.save().state, 'cp-1')?.files ?? {});
    expect(files).toContain('/tmp/x/k.key');
    expect(files.some((f) => f.includes('..'))).toBe(false);
  });

  it('resolves a redirection target like any other path', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    await s.run('echo hi > ~/../../etc/../tmp/out.txt');

    expect(findMachine(s.save().state, 'cp-1')?.files['/tmp/out.txt']).toBe('hi\n');
  });
});

describe('kubelife run --export-fs DIR', () => {
  it('writes a key named with ~/../.. inside DIR, never above it', () => {
    const dir = scratch();
    const out = join(dir, 'export');
    mkdirSync(join(dir, 'tmp'));

    const r = kubelife(
      'run',
      script(dir, 'openssl genrsa -out ~/../../../../../../../tmp/x/k.key 2048\n'),
      '--scenario',
      'packages-installed',
      '--export-fs',
      out,
    );

    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'cp-1', 'tmp', 'x', 'k.key'))).toBe(true);
    expect(existsSync('/tmp/x/k.key')).toBe(false);
  });

  it('refuses a loaded state whose machine name climbs out of DIR, writing nothing', () => {
    const dir = scratch();
    const out = join(dir, 'export');
    const state = savedSession(dir, (saved) => {
      const bucket = bucketOf(saved, 'cp-1');
      const m = bucket['cp-1'];
      if (m) bucket['../../escaped'] = { ...m, name: '../../escaped' };
    });

    const r = kubelife('run', script(dir, 'hostname\n'), '--load', state, '--export-fs', out);

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('machines.../../escaped');
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('refuses a loaded state whose file path climbs out of DIR, writing nothing', () => {
    const dir = scratch();
    const out = join(dir, 'export');
    const state = savedSession(dir, (saved) => {
      const files = (bucketOf(saved, 'cp-1')['cp-1'] as { files?: Record<string, string> })?.files;
      if (files) files['/../../../../pwned'] = 'x';
    });

    const r = kubelife('run', script(dir, 'hostname\n'), '--load', state, '--export-fs', out);

    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${state}: invalid saved state: state.machines.cp-1.files`);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('refuses to follow a symbolic link inside DIR, writing nothing', () => {
    const dir = scratch();
    const out = join(dir, 'export');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'cp-1'));

    const r = kubelife(
      'run',
      script(dir, 'hostname\n'),
      '--scenario',
      'packages-installed',
      '--export-fs',
      out,
    );

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('refusing to follow the symbolic link');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('exportFs on a state no schema checked', () => {
  it('rejects a machine name that is not a host name before writing anything', async () => {
    const out = join(scratch(), 'export');
    const state = createSession({ scenario: 'packages-installed' }).save().state;
    const cp = findMachine(state, 'cp-1')!;
    const hostile = putMachine(state, { ...cp, name: '..' });

    await expect(exportFs(hostile, out)).rejects.toThrow('machine name ".." is not a host name');

    expect(readdirSync(out)).toEqual([]);
  });

  it('rejects a file path with .. segments before writing anything', async () => {
    const out = join(scratch(), 'export');
    const state = createSession({ scenario: 'packages-installed' }).save().state;
    const cp = findMachine(state, 'cp-1')!;
    const hostile = putMachine(state, { ...cp, files: { ...cp.files, '/../../x': 'x' } });

    await expect(exportFs(hostile, out)).rejects.toThrow('is not a clean absolute path');

    expect(readdirSync(out)).toEqual([]);
  });
});
