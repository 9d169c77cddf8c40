// `bash` and `sh` typed as commands run a child shell (shell/bash/child-shell.ts). Every expected
// output below is what GNU bash 5.2.15 printed on a terminal (`script -qc`, Debian 12) for the same
// lines, run one after another from /root, with three differences that are Ubuntu 24.04's: `bash
// --version` names 5.2.21 (the Ubuntu package), `sudo` exists, and only an exported variable is
// checked (the simulated shell keeps every variable in the environment: a child sees unexported
// ones too, which real bash does not). `sh` is Ubuntu's dash (`sh: 1: nosuch: not found`).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

/** [line, what a terminal shows] in the order they ran. */
const TRANSCRIPT: ReadonlyArray<readonly [string, string]> = [
  ["bash -c 'echo hi'", 'hi\n'],
  ["bash -c 'echo $0 $1 $#' a b c", 'a b 2\n'],
  ["bash -c 'nosuchcmd; echo after' a", 'a: line 1: nosuchcmd: command not found\nafter\n'],
  ["bash -c 'nosuchcmd'", 'bash: line 1: nosuchcmd: command not found\n'],
  ["bash -c 'exit 3'; echo $?", '3\n'],
  [
    "bash -c 'cd /nonexistent'; echo $?",
    'bash: line 1: cd: /nonexistent: No such file or directory\n1\n',
  ],
  ["bash -c 'cd /x' a; echo $?", 'a: line 1: cd: /x: No such file or directory\n1\n'],
  ['bash -c; echo $?', 'bash: -c: option requires an argument\n2\n'],
  [
    'bash -Z 2>&1 | head -2; echo ${PIPESTATUS[0]}',
    'bash: -Z: invalid option\nUsage:\tbash [GNU long option] [option] ...\n2\n',
  ],
  ['bash nosuch.sh; echo $?', 'bash: nosuch.sh: No such file or directory\n127\n'],
  [
    "bash -c 'if then'; echo $?",
    "bash: -c: line 1: syntax error near unexpected token `then'\nbash: -c: line 1: `if then'\n2\n",
  ],
  [
    "printf 'echo one\\nnosuch\\n' | bash; echo $?",
    'one\nbash: line 2: nosuch: command not found\n127\n',
  ],
  [
    "printf 'echo a\\nif then\\n' > /tmp/c.sh; bash /tmp/c.sh; echo $?",
    "a\n/tmp/c.sh: line 2: syntax error near unexpected token `then'\n/tmp/c.sh: line 2: `if then'\n2\n",
  ],
  [
    "printf 'echo one\\nnosuch\\ncd /nope\\n' > /tmp/f.sh; bash /tmp/f.sh x; echo $?",
    'one\n/tmp/f.sh: line 2: nosuch: command not found\n/tmp/f.sh: line 3: cd: /nope: No such file or directory\n1\n',
  ],
  [
    "printf 'if\\n' > /tmp/b.sh; bash -n /tmp/b.sh; echo $?",
    '/tmp/b.sh: line 2: syntax error: unexpected end of file\n2\n',
  ],
  ['export Y=2; bash -c \'echo "[$Y]"\'', '[2]\n'],
  ["f() { echo fn; }; bash -c 'f'; echo $?", 'bash: line 1: f: command not found\n127\n'],
  ['bash -c \'cd /tmp; Z=5\'; pwd; echo "[$Z]"', '/root\n[]\n'],
  ["sh -c 'nosuch'; echo $?", 'sh: 1: nosuch: not found\n127\n'],
  ["bash -e -c 'false; echo not-here'; echo $?", '1\n'],
  ["bash -c 'exit abc' a; echo $?", 'a: line 1: exit: abc: numeric argument required\n2\n'],
  ["echo 'echo from-stdin $0' | bash -s", 'from-stdin bash\n'],
  ['bash --version | head -1', 'GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\n'],
  ["sudo bash -c 'echo hi > /tmp/sudo-x'; cat /tmp/sudo-x", 'hi\n'],
];

describe('bash and sh as commands', () => {
  it('run -c strings, script files and piped scripts as a real child bash does, line by line', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const [line, expected] of TRANSCRIPT)
      expect(`$ ${line}\n${(await s.run(line)).output}`).toBe(`$ ${line}\n${expected}`);
  });

  it('keep the parent shell as it was: functions, directory and variables set in the child are gone', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('cd /etc');
    const r = await s.run('bash -c \'cd /tmp; W=9; exit 4\'; echo "$? $PWD [$W]"');
    expect(r.output).toBe('4 /etc []\n');
  });

  it('stop a script at its syntax error after running the complete lines before it', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("printf 'echo first\\nwhile true; do\\ndone\\n' > /root/w.sh");
    const r = await s.run('bash /root/w.sh; echo $?');
    expect(r.output).toBe(
      "first\n/root/w.sh: line 3: syntax error near unexpected token `done'\n/root/w.sh: line 3: `done'\n2\n",
    );
  });

  it('are found on the PATH where Ubuntu 24.04 has them', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    expect((await s.run('which bash sh')).output).toBe('/usr/bin/bash\n/usr/bin/sh\n');
  });
});
