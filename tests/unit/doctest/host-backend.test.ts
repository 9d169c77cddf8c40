/**
 * The host backend on this machine: every line runs in a real, long-lived bash per machine
 * (local machines only: tests never reach remote hosts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHostBackend, type HostBackend } from 'kubelife/cli';

let backend: HostBackend | undefined;
afterEach(() => backend?.close());

const local = (...names: string[]): HostBackend =>
  (backend = createHostBackend({
    machines: new Map(names.map((n) => [n, { kind: 'local' } as const])),
  }));

describe('host backend with local bash', () => {
  it('keeps the working directory and variables from one line to the next', async () => {
    const host = local('cp-1');

    await host.run('cd /tmp');
    await host.run('export GREETING=hello');
    const result = await host.run('echo "$GREETING from $(pwd)"');

    expect(result).toMatchObject({ output: 'hello from /tmp\n', exitCode: 0 });
  });

  it('interleaves stderr and stdout in the order they were written', async () => {
    const result = await local('cp-1').run('echo one; echo two >&2; echo three');

    expect(result.output).toBe('one\ntwo\nthree\n');
  });

  it('returns the exit status of a failing line and goes on', async () => {
    const host = local('cp-1');

    const failed = await host.run('ls /no/such/dir');
    const next = await host.run('echo still here');

    expect(failed.exitCode).toBe(2);
    expect(failed.output).toContain('No such file or directory');
    expect(next).toMatchObject({ output: 'still here\n', exitCode: 0 });
  });

  it('runs here-documents as one line', async () => {
    const result = await local('cp-1').run("cat <<'EOF'\nline 1\nline 2\nEOF");

    expect(result.output).toBe('line 1\nline 2\n');
  });

  it('reports a syntax error instead of waiting for the rest of an unclosed quote', async () => {
    const result = await local('cp-1').run('echo "unclosed');

    expect(result.exitCode).toBe(2);
    expect(result.output).toContain('unexpected EOF');
  });

  it('switches machines on ssh NAME and back on exit, each with its own shell', async () => {
    const host = local('cp-1', 'worker-1');

    await host.run('export WHERE=cp-1');
    const moved = await host.run('ssh worker-1');
    const there = await host.run('echo "[$WHERE]"');
    const back = await host.run('exit');
    const here = await host.run('echo "[$WHERE]"');

    expect(moved).toMatchObject({ output: '', exitCode: 0 });
    expect(there.output).toBe('[]\n');
    expect(back.output).toBe('logout\nConnection to worker-1 closed.\n');
    expect(here.output).toBe('[cp-1]\n');
  });

  it('refuses to switch to a machine without a --machine target', async () => {
    const result = await local('cp-1').run('ssh cp-2');

    expect(result.exitCode).toBe(255);
    expect(result.output).toContain('no --machine given for cp-2');
  });

  it('stops a line that runs past the timeout and starts a fresh shell after it', async () => {
    const host = (backend = createHostBackend({ machines: new Map(), timeoutSeconds: 0.5 }));

    const stuck = await host.run('sleep 30');
    const after = await host.run('echo fresh');

    expect(stuck.exitCode).toBe(124);
    expect(stuck.output).toContain('stopped after 0.5 s');
    expect(after.output).toBe('fresh\n');
  });

  it('maps paths into a sandbox copy and back in the output', async () => {
    const host = (backend = createHostBackend({
      machines: new Map(),
      rewrites: [['/etc/kubernetes', '/tmp']],
    }));

    const result = await host.run('cd /etc/kubernetes && pwd');

    expect(result.output).toBe('/etc/kubernetes\n');
  });

  it('maps values per machine before the ones for every machine', async () => {
    const host = (backend = createHostBackend({
      machines: new Map([
        ['cp-1', { kind: 'local' }],
        ['cp-2', { kind: 'local' }],
      ]),
      machineRewrites: new Map([['cp-2', [['/etc/kubernetes', '/usr']]]]),
      rewrites: [['/etc/kubernetes', '/tmp']],
    }));

    const one = await host.run('cd /etc/kubernetes && pwd && ls -d /tmp');
    await host.run('ssh cp-2');
    const two = await host.run('cd /etc/kubernetes && ls -d /usr/bin');

    expect(one.output).toBe('/etc/kubernetes\n/etc/kubernetes\n');
    expect(two.output).toBe('/etc/kubernetes/bin\n');
  });
});
