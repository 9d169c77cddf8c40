// sed as GNU sed 4.9 runs it: addresses and ranges, several commands and -e expressions, -n,
// d/p/q/=/a/i/y, numbered and global substitutions, hold space, a missing final newline kept,
// and its parse errors with GNU's "-e expression #N, char M:" positions.
// upstream: GNU sed 4.9 sed/compile.c (bad_prog messages), sed/execute.c (match_address_p,
// do_subst, output_missing_newline).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const abcd = 'printf "a\\nb\\nc\\nd\\n"';

describe('sed', () => {
  it.each([
    [`${abcd} | sed -n '2p'`, 'b\n'],
    [`${abcd} | sed '2,3d'`, 'a\nd\n'],
    [`${abcd} | sed -n '/b/,/c/p'`, 'b\nc\n'],
    [`${abcd} | sed -e 's/a/A/' -e 's/d/D/'`, 'A\nb\nc\nD\n'],
    [`${abcd} | sed 's/a/A/;s/b/B/'`, 'A\nB\nc\nd\n'],
    [`${abcd} | sed '$d'`, 'a\nb\nc\n'],
    [`${abcd} | sed -n '$='`, '4\n'],
    [`${abcd} | sed '1!d'`, 'a\n'],
    [`${abcd} | sed 2q`, 'a\nb\n'],
    [`${abcd} | sed -n '0~2p'`, 'b\nd\n'],
    ['printf "a\\nb\\n" | sed "1a after"', 'a\nafter\nb\n'],
    ['printf "x x x\\n" | sed s/x/y/2g', 'x y y\n'],
    ['printf "abc\\n" | sed y/abc/xyz/', 'xyz\n'],
    ['printf "a\\n\\nb\\n" | sed "/^$/d"', 'a\nb\n'],
    ['printf "a\\nb\\n" | sed -n "h;n;G;p"', 'b\na\n'],
    [
      // kubeadm's install page: comment out the swap line of /etc/fstab.
      `printf "UUID=1 / ext4\\n/swap.img none swap sw 0 0\\n" | sed '/ swap / s/^\\(.*\\)$/#\\1/g'`,
      'UUID=1 / ext4\n#/swap.img none swap sw 0 0\n',
    ],
  ])('`%s` prints what GNU sed prints', async (line, out) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stdout).toBe(out);
    expect(r.exitCode).toBe(0);
  });

  it('edits a file in place and keeps a backup with -i.bak', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run(
      "sed -i.bak 's/- --bind-address=127.0.0.1/- --bind-address=0.0.0.0/' /etc/kubernetes/manifests/kube-scheduler.yaml",
    );
    const edited = await s.run(
      'grep -c "bind-address=0.0.0.0" /etc/kubernetes/manifests/kube-scheduler.yaml',
    );
    const backup = await s.run(
      'grep -c "bind-address=0.0.0.0" /etc/kubernetes/manifests/kube-scheduler.yaml.bak',
    );

    expect(edited.stdout).toBe('1\n');
    expect(backup.stdout).toBe('0\n');
  });

  it.each([
    ["sed 'k'", "sed: -e expression #1, char 1: unknown command: `k'"],
    ["sed 's/a/b'", "sed: -e expression #1, char 5: unterminated `s' command"],
    ["sed 's/a/b/k'", "sed: -e expression #1, char 7: unknown option to `s'"],
    ["sed '}'", "sed: -e expression #1, char 1: unexpected `}'"],
    ["sed -e p -e 'x y'", 'sed: -e expression #2, char 3: extra characters after command'],
    ['sed p /etc/nope', "sed: can't read /etc/nope: No such file or directory"],
  ])('fails `%s` as GNU sed does', async (line, err) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(`printf "a\\n" | ${line}`);

    expect(r.stderr).toBe(`${err}\n`);
    expect(r.exitCode).not.toBe(0);
  });
});
