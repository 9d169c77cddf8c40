import { describe, expect, it } from 'vitest';

import { createSession } from 'kubelife';
import { findMachine } from 'kubelife/core';

async function lines(session: ReturnType<typeof createSession>, ...input: string[]) {
  const out = [];
  for (const line of input) out.push(await session.run(line));
  return out;
}

describe('the shell keeps its state from one line to the next', () => {
  it('prints the status of the previous line with echo $?', async () => {
    const s = createSession();

    const [, status] = await lines(s, 'false', 'echo $?');

    expect(status?.stdout).toBe('1\n');
  });

  it('keeps variables, arrays, functions and options across lines', async () => {
    const s = createSession();

    const r = await lines(
      s,
      'HOSTS=(cp-1 worker-1)',
      'greet() { echo "hello $1"; }',
      'set -o pipefail',
      'for i in "${!HOSTS[@]}"; do greet "${HOSTS[$i]}"; done',
      'false | true; echo $?',
    );

    expect(r[3]?.stdout).toBe('hello cp-1\nhello worker-1\n');
    expect(r[4]?.stdout).toBe('1\n');
  });

  it('resolves relative paths of kubelife commands against the directory cd chose', async () => {
    const s = createSession();

    const r = await lines(s, 'cd /etc', 'pwd', 'cat hostname', 'ls /etc/hostname');

    expect(r[1]?.stdout).toBe('/etc\n');
    expect(r[2]?.stdout).toBe('cp-1\n');
    expect(r[3]?.exitCode).toBe(0);
  });

  it('keeps the working directory in a saved state and restores it', async () => {
    const s = createSession();
    await s.run('cd /etc');

    const restored = createSession({ state: s.save() });

    expect((await restored.run('pwd')).stdout).toBe('/etc\n');
  });

  it('writes redirected output into the machine state that save() returns', async () => {
    const s = createSession();

    await s.run('printf "a=%s\\n" 1 2 > /root/list.txt');

    expect(findMachine(s.save().state, 'cp-1')?.files['/root/list.txt']).toBe('a=1\na=2\n');
  });

  it('returns to the directory it left when exit ends an ssh login', async () => {
    const s = createSession();

    const r = await lines(s, 'cd /etc', 'ssh worker-1', 'pwd', 'exit', 'pwd');

    expect(r[2]?.stdout).toBe('/root\n');
    expect(r[4]?.stdout).toBe('/etc\n');
  });
});

describe('commands on other machines', () => {
  it('runs ssh HOST CMD on that machine and stays on this one', async () => {
    const s = createSession();

    const r = await lines(
      s,
      'ssh worker-1 hostname',
      "ssh root@worker-1 'cd /etc && cat hostname'",
      'hostname',
    );

    expect(r.map((x) => x.stdout)).toEqual(['worker-1\n', 'worker-1\n', 'cp-1\n']);
  });

  it('passes the remote status back through ssh HOST CMD', async () => {
    const s = createSession();

    const r = await s.run('ssh worker-1 "exit 3"; echo $?');

    expect(r.stdout).toBe('3\n');
  });

  it('copies a file to another machine with scp', async () => {
    const s = createSession();

    await s.run('echo data > /root/f.txt');
    const copy = await s.run('scp /root/f.txt worker-1:/tmp/');
    const there = await s.run('ssh worker-1 cat /tmp/f.txt');

    expect(copy.exitCode).toBe(0);
    expect(there.stdout).toBe('data\n');
  });

  it('reports a missing local file to scp as OpenSSH does', async () => {
    const r = await createSession().run('scp /nope worker-1:');

    expect(r).toMatchObject({
      stderr: 'scp: stat local "/nope": No such file or directory\n',
      exitCode: 1,
    });
  });
});

describe('time and limits', () => {
  it('moves the simulated clock with sleep instead of waiting', async () => {
    const s = createSession();
    const before = s.save().state.now;

    const r = await s.run('sleep 90; sleep 1.5m 0.5s');

    expect(r.exitCode).toBe(0);
    expect(s.save().state.now - before).toBe(90_000 + 90_000 + 500);
  });

  it('rejects a bad sleep interval with coreutils wording', async () => {
    const r = await createSession().run('sleep 1x');

    expect(r).toMatchObject({
      stderr: "sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('gives the same $RANDOM sequence in every replay', async () => {
    const a = await createSession().run('echo $RANDOM $RANDOM');

    const b = await createSession().run('echo $RANDOM $RANDOM');

    expect(a.stdout).toBe(b.stdout);
  });

  it("stops endless recursion with bash's function nesting message", async () => {
    const r = await createSession().run('f() { f; }; f; echo not-reached');

    expect(r).toMatchObject({
      stdout: '',
      stderr: 'bash: f: maximum function nesting level exceeded (1000)\n',
      exitCode: 1,
    });
  });

  it('stops an endless loop after a bounded number of commands and keeps the session usable', async () => {
    const s = createSession();

    const r = await s.run('while true; do :; done');
    const next = await s.run('echo still here');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/stopped this line after 100000 commands/);
    expect(next.stdout).toBe('still here\n');
    // 100,000 commands take seconds on a loaded machine (no timing is asserted).
  }, 60_000);

  it('refuses input nested deeper than the parser allows instead of overflowing the stack', async () => {
    const r = await createSession().run(`${'( '.repeat(500)}true${' )'.repeat(500)}`);

    expect(r).toMatchObject({ stderr: 'bash: syntax error: nesting too deep\n', exitCode: 2 });
  });

  it('ends the shell with the exit status bash uses for exit 999', async () => {
    const s = createSession();

    const r = await s.run('exit 999');

    expect(r.exitCode).toBe(231);
    expect(s.exited).toBe(true);
  });
});
