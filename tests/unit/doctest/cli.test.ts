/**
 * `kubelife doctest` and `kubelife export` as a user runs them: the packaged bin, this site's
 * guides, a copy of a guide with one changed expected output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listGuides } from 'kubelife/cli';
import { extractSnippets, guidePages, machineSwitch, snippetTrack } from 'kubelife/doctest';

const bin = join(process.cwd(), 'src/lib/engine/bin/kubelife.js');
const kubelife = (args: string[], cwd = process.cwd()) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

// Each case spawns the CLI; on a loaded 2-core machine that takes seconds, not milliseconds.
describe('kubelife doctest', { timeout: 60_000 }, () => {
  it("passes on this site's guides and ends with the summary line", () => {
    const run = kubelife(['doctest', 'src/content/guides']);

    expect(run.status, run.stdout.slice(-3000)).toBe(0);
    expect(lastLine(run.stdout)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  }, 120_000);

  it('fails a copy of a guide whose expected output was changed, with a unified diff', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-doctest-'));
    cpSync('src/content/guides/install', join(dir, 'install'), { recursive: true });
    const page = join(dir, 'install/prepare-machines.mdx');
    const source = readFileSync(page, 'utf8');
    writeFileSync(page, source.replace('net.ipv4.ip_forward = 1', 'net.ipv4.ip_forward = 0'));

    const run = kubelife(['doctest', 'install', '--release', 'v1.36'], dir);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL install/prepare-machines.mdx on v1.36');
    expect(run.stdout).toContain('--- page\n     +++ engine\n     @@ ');
    expect(run.stdout).toContain('-net.ipv4.ip_forward = 0\n     +net.ipv4.ip_forward = 1');
    expect(lastLine(run.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
  });

  it('runs a page on this machine with --backend host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-host-'));
    const fence = '```';
    writeFileSync(
      join(dir, 'page.md'),
      `# Host\n\n${fence}console run\ntest -d /proc/self && echo "real $((6 * 7))"\n${fence}\n\n${fence}text output\nreal 42\n${fence}\n`,
    );

    const run = kubelife(['doctest', 'page.md', '--backend', 'host'], dir);

    expect(run.stdout).toContain('ok   page.md');
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed');
    expect(run.status).toBe(0);
  });

  it.each([
    [['doctest'], 'at least one PATH'],
    [['doctest', 'src/content/guides', '--backend', 'vm'], '--backend must be sim or host'],
    [
      ['doctest', 'src/content/guides', '--machine', 'cp-1=local'],
      'only applies to --backend host',
    ],
    [['doctest', 'no/such/dir'], 'no such file or directory: no/such/dir'],
    [['export'], 'exactly one GUIDE'],
    [['export', 'no-such-guide'], 'no guide "no-such-guide"'],
    [['export', 'install', '--format', 'ps1'], '--format must be sh'],
  ])('rejects %j with exit status 2 and a message', (args, message) => {
    const run = kubelife(args);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('kubelife export', { timeout: 60_000 }, () => {
  const script = kubelife(['export', 'install', '--format', 'sh']).stdout;

  it('prints a script that bash -n accepts', () => {
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });

    expect(check.status, check.stderr).toBe(0);
  });

  it("holds exactly the guide's commands, machine switches as ssh sections", () => {
    const guide = listGuides(process.cwd()).find((g) => g.guide === 'install');
    const track = snippetTrack();
    const commands = guidePages(guide ?? { guide: '', overview: undefined, leaves: [] })
      .flatMap((page) => extractSnippets(page.source, track))
      .flatMap((s) => s.commands);
    const code = (text: string): string =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .join('\n');

    const fromScript = code(script)
      .replace(/^ssh -T (\S+) bash -s <<'KUBELIFE_\w+'$/gm, 'ssh $1')
      .replace(/^KUBELIFE_\w+$/gm, 'exit');

    expect(commands.some((c) => machineSwitch(c)?.kind === 'ssh')).toBe(true);
    expect(fromScript).toBe(code(commands.join('\n')));
  });

  it('carries every expected output as comments', () => {
    expect(script).toContain('#   net.ipv4.ip_forward = 1');
  });
});
