// cp -i and mv -i (GNU coreutils: the prompt `cp: overwrite 'FILE'? ` on stderr, an answer
// starting with y or Y overwrites; a declined overwrite exits 1, checked with coreutils 9.7's cp
// run on this machine). kubernetes.io's pages use `sudo cp -i /etc/kubernetes/admin.conf
// $HOME/.kube/config`, which prompts when the reader runs it a second time.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('cp -i and mv -i', () => {
  it('asks before overwriting and copies only on a yes', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('echo a > /tmp/a; echo b > /tmp/b');

    const no = await s.run('cp -i /tmp/a /tmp/b < /dev/null');
    const kept = (await s.run('cat /tmp/b')).stdout;
    const yes = await s.run('echo y | cp -i /tmp/a /tmp/b');

    expect([no.exitCode, no.stderr]).toEqual([1, "cp: overwrite '/tmp/b'? \n"]);
    expect(kept).toBe('b\n');
    expect(yes.exitCode).toBe(0);
    expect((await s.run('cat /tmp/b')).stdout).toBe('a\n');
  });

  it('does not ask when the destination is new, or when -f comes after -i', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('echo a > /tmp/a; echo b > /tmp/b; mkdir -p /tmp/d');

    const fresh = await s.run('cp -i /tmp/a /tmp/d');
    const forced = await s.run('cp -i -f /tmp/a /tmp/b < /dev/null');

    expect([fresh.exitCode, fresh.stderr]).toEqual([0, '']);
    expect([forced.exitCode, forced.stderr]).toEqual([0, '']);
  });

  it('leaves both files when mv -i is declined', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('echo a > /tmp/a; echo z > /tmp/z');

    const r = await s.run('echo n | mv -i /tmp/z /tmp/a');

    expect([r.exitCode, r.stderr]).toEqual([1, "mv: overwrite '/tmp/a'? \n"]);
    expect((await s.run('cat /tmp/a /tmp/z')).stdout).toBe('a\nz\n');
  });
});
