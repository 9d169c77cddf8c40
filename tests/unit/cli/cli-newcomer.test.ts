import { describe, expect, it } from 'vitest';
import { listScenarios } from 'kubelife';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';
const kubelife = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(node, [bin, ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, ...env },
  });

function script(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubelife-')), 'script.sh');
  writeFileSync(file, text);
  return file;
}

describe('kubelife CLI for a newcomer', () => {
  it('lists the scenario names when --scenario names none of them', () => {
    const r = kubelife(['run', script('hostname\n'), '--scenario', 'nope']);

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('kubelife: unknown scenario "nope"');
    expect(r.stderr).toContain('bare-machines, packages-installed');
    expect(r.stderr).toContain('kubelife scenarios');
  });

  it('lists every scenario with its title for `kubelife scenarios`', () => {
    const r = kubelife(['scenarios']);

    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(listScenarios().length);
    expect(lines[0]).toMatch(/^bare-machines\s+\S/);
  });

  it('says where a run stopped and how many commands it skipped', () => {
    const r = kubelife(['run', script('hostname\nfoo\nhostname\nhostname\n')]);

    expect(r.status).toBe(127);
    expect(r.stderr).toContain(
      'kubelife: stopped: command 2 of 4 exited with status 127 (2 more not run)',
    );
  });

  it('treats `clear` in the interactive shell as the terminal command, not a cluster one', () => {
    const r = kubelife([], 'clear\nhostname\n');

    expect(r.stdout).not.toContain('command not found');
    expect(r.stdout).toContain('cp-1');
  });

  it('prints no colour when output is not a terminal or NO_COLOR is set', () => {
    const r = kubelife(['run', script('hostname\n')], undefined, { NO_COLOR: '1' });

    expect(r.stdout).not.toContain('\x1b[');
  });
});
