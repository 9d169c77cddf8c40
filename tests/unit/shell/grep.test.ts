// grep as GNU grep 3.8 prints it: context groups and separators, line numbers and file names,
// -o/-c/-l/-q/-m/-w/-x/-v, several patterns, -r, and its errors with exit status 2.
// upstream: GNU grep 3.8 src/grep.c (prline, print_sep, grepdesc), doc/grep.texi (Exit Status,
// Context Line Control), lib/regcomp.c (error messages).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const lines = 'printf "a\\nb\\nc\\nd\\ne\\nf\\ng\\n"';

describe('grep', () => {
  it.each([
    [`${lines} | grep -A1 -e b -e f`, 'b\nc\n--\nf\ng\n'],
    [`${lines} | grep -n -C1 d`, '3-c\n4:d\n5-e\n'],
    [`${lines} | grep -B2 c`, 'a\nb\nc\n'],
    [`${lines} | grep -1 -e b -e d`, 'a\nb\nc\nd\ne\n'],
    [`${lines} | grep -m1 -A1 '[bf]'`, 'b\nc\n'],
    ['printf "a\\n\\nb\\n" | grep -v a', '\nb\n'],
    ['printf "a\\n\\nb\\n" | grep -c ""', '3\n'],
    ['printf "webserver\\nweb-1\\n" | grep -w web', 'web-1\n'],
    ['printf "web\\nweb-1\\n" | grep -x web', 'web\n'],
    ['printf "a1 b22\\nc\\n" | grep -oE "[0-9]+"', '1\n22\n'],
    ['printf "Running\\nrunning\\n" | grep -ic RUNNING', '2\n'],
    ['printf "a.b\\naxb\\n" | grep -F a.b', 'a.b\n'],
  ])('`%s` prints what GNU grep prints', async (line, out) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stdout).toBe(out);
    expect(r.exitCode).toBe(0);
  });

  it('names files, numbers lines and walks directories with -r', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const two = await s.run(
      'grep -n "^kind" /etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf',
    );
    const listed = await s.run('grep -rl "image: registry.k8s.io/etcd" /etc/kubernetes');

    expect(two.stdout).toBe(
      '/etc/kubernetes/admin.conf:13:kind: Config\n/etc/kubernetes/kubelet.conf:13:kind: Config\n',
    );
    expect(listed.stdout).toBe('/etc/kubernetes/manifests/etcd.yaml\n');
  });

  it('exits 1 when nothing is selected and 0 at the first match with -q', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    expect((await s.run('kubectl get nodes | grep -q worker-2')).exitCode).toBe(0);
    expect((await s.run('kubectl get nodes | grep nope')).exitCode).toBe(1);
  });

  it.each([
    [
      'grep',
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    ],
    [
      'grep -k x',
      "grep: invalid option -- 'k'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    ],
    ['grep -A x y', 'grep: x: invalid context length argument\n'],
    ["grep -E '(' /etc/hosts", 'grep: Unmatched ( or \\(\n'],
    ["grep '[a' /etc/hosts", 'grep: Unmatched [, [^, [:, [., or [=\n'],
    ['grep x /etc/nope', 'grep: /etc/nope: No such file or directory\n'],
    ['grep x /etc/kubernetes', 'grep: /etc/kubernetes: Is a directory\n'],
  ])('fails `%s` with status 2 as GNU grep does', async (line, err) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(2);
  });
});
