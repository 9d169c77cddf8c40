/**
 * Issue 14, defect 2: no input makes a command run for long. Jumps of the clock cost the same
 * however far they go, user regexes run on a linear-time engine, and the tokenizer is linear in
 * its input with a nesting limit. Each test bounds its work by input size, not by a timer: before
 * the fixes these inputs did not return at all (or took seconds to minutes).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('the simulated clock', () => {
  it('refuses to advance past year 9999 and keeps answering', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const far = await s.run('kubelife clock advance 20000000000y');
    const after = await s.run('kubelife clock');

    expect(far.exitCode).toBe(1);
    expect(far.stderr).toBe(
      'kubelife: clock advance 20000000000y: the simulated clock cannot pass 9999-12-31T23:59:59Z (Kubernetes writes times as RFC 3339, whose years end at 9999)\n',
    );
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toMatch(/^2026-11-25T/);
  });

  it('says why a sleep past year 9999 cannot move the clock, and leaves it where it was', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const before = await s.run('kubelife clock');
    const r = await s.run('sleep 100000000000d');
    const after = await s.run('kubelife clock');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'kubelife: sleep 100000000000d: the simulated clock cannot pass 9999-12-31T23:59:59Z (Kubernetes writes times as RFC 3339, whose years end at 9999)\n',
    );
    expect(after.stdout).toBe(before.stdout);
  });

  it('jumps thousands of years on an HA cluster and still lists nodes', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const jump = await s.run('kubelife clock advance 7000y');
    const nodes = await s.run('kubectl get nodes');

    expect(jump.stdout).toMatch(/^9\d{3}-/);
    expect(nodes.output).not.toContain('internal error');
  });

  it('keeps the session usable after an out-of-range jump (no RangeError later)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubelife clock advance 300000y');
    const list = await s.run('kubeadm token list');

    expect(list.exitCode).toBe(0);
    expect(list.output).not.toContain('Invalid time value');
  });
});

describe('user regular expressions', () => {
  it('runs a catastrophic-backtracking sed pattern in linear time', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo ${'a'.repeat(5000)}b | sed 's/\\(a\\+\\)\\+$/x/'`);

    expect(r.stdout).toBe(`${'a'.repeat(5000)}b\n`);
  });

  it('keeps POSIX leftmost-longest matching, groups and the g flag', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const alternation = await s.run("echo xabcx | sed -E 's/a|ab|abc/[&]/'");
    const groups = await s.run("echo 'key: value' | sed 's/\\([a-z]*\\): \\(.*\\)/\\2=\\1/'");
    const global = await s.run("echo banana | sed 's/a/o/g'");

    expect(alternation.stdout).toBe('x[abc]x\n');
    expect(groups.stdout).toBe('value=key\n');
    expect(global.stdout).toBe('bonono\n');
  });

  it('treats grep patterns as basic regular expressions (-E extended, -F fixed)', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const bre = await s.run("echo a+b | grep 'a+b'");
    const breMiss = await s.run("echo ab | grep 'a+b'");
    const ere = await s.run("echo aab | grep -E '^a+b$'");
    const fixed = await s.run("echo axb | grep -F 'a.b'");

    expect(bre.stdout).toBe('a+b\n');
    expect(breMiss.exitCode).toBe(1);
    expect(ere.stdout).toBe('aab\n');
    expect(fixed.exitCode).toBe(1);
  });

  it('rejects a back-reference in a pattern with a clear error', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run("echo aa | sed 's/\\(a\\)\\1/x/'");

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('back-references are not supported');
  });
});

describe('the tokenizer', () => {
  it('reads 250,000 unbalanced $( in one pass and keeps answering', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo ${'$('.repeat(250_000)}`);
    const after = await s.run('hostname');

    expect(r.output).not.toContain('internal error');
    expect(after.stdout).toBe('cp-1\n');
  });

  it('refuses 10,000 nested command substitutions with a syntax error', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    const deep = `echo ${'$(echo '.repeat(10_000)}x${')'.repeat(10_000)}`;

    const r = await s.run(deep);
    const after = await s.run('hostname');

    // The interpreter's parser (shell/bash/lexer.ts MAX_NESTING) refuses the line before running it.
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('bash: syntax error: nesting too deep\n');
    expect(after.stdout).toBe('cp-1\n');
  });

  it('refuses a command substitution nested past 64 levels when it runs', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo ${'$(echo '.repeat(65)}x${')'.repeat(65)}`);

    expect(r.stderr).toBe('bash: command substitution nested too deeply\n');
  });

  it('still expands 64 nested substitutions', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo ${'$(echo '.repeat(63)}x${')'.repeat(63)}`);

    expect(r.stdout).toBe('x\n');
  });
});

describe('the interpreter on deep or huge input', () => {
  it.each([
    ['parentheses', `${'('.repeat(100_000)}1${')'.repeat(100_000)}`],
    ['unary operators', `${'!'.repeat(100_000)}1`],
    ['powers', `${'2**'.repeat(100_000)}1`],
    ['assignments', `${'a='.repeat(100_000)}1`],
    ['conditionals', `${'1?1:'.repeat(100_000)}1`],
  ])('answers bash recursion error for arithmetic %s nested 100,000 deep', async (_, expr) => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo $((${expr}))`);
    const after = await s.run('echo $((1+(2*3)))');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('expression recursion level exceeded');
    expect(r.output).not.toContain('internal error');
    expect(after.stdout).toBe('7\n');
  });

  it.each([
    ['parentheses', `${'( '.repeat(100_000)}a${' )'.repeat(100_000)}`],
    ['negations', `${'! '.repeat(100_001)}a`],
  ])('refuses a [[ ]] test with %s nested 100,000 deep', async (_, expr) => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`[[ ${expr} ]]`);

    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('bash: syntax error: nesting too deep\n');
  });

  it('stops a brace expansion of a hundred million words with a clear message', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`echo ${'{1..10}'.repeat(8)}`);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'bash: kubelife stopped this line: brace expansion of more than 100000 words\n',
    );
  });

  it('stops a printf field width of a gigabyte at the output bound', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('printf "%0999999999d" 1');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('bash: kubelife stopped this line: more than 4 MiB of output\n');
  });

  it('saturates a printf number past int64 with bash wording (builtins/printf.def)', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`printf '%x %.120f\\n' ${'9'.repeat(400)} 1`);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`bash: printf: ${'9'.repeat(400)}: Numerical result out of range\n`);
    expect(r.stdout).toBe(`7fffffffffffffff 1.${'0'.repeat(120)}\n`);
  });

  it('runs a catastrophic-backtracking [[ =~ ]] pattern in linear time', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(
      `x=${'a'.repeat(5000)}b; re='^(a+)+$'; [[ $x =~ $re ]]; echo $?; re='^(a+)+b$'; [[ $x =~ $re ]]; echo $?`,
    );

    expect(r.stdout).toBe('1\n0\n');
  });

  it('substitutes patterns in a million-character value without quadratic work', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(
      "x=$(printf '%01000000d' 0); y=${x//b/c}; z=${x##*b}; w=${x%%b*}; echo ${#y} ${#z} ${#w}",
    );

    expect(r.stdout).toBe('1000000 1000000 1000000\n');
  });

  it('stops a pattern substitution whose matching passes its step bound', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run("x=$(printf '%0100000d' 0); y=${x//*b/c}; echo done");
    const after = await s.run('x=hello.tar.gz; echo ${x%.*} ${x##*.} ${x//l/L} ${x/#/pre-}');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'bash: kubelife stopped this line: pattern matching took more than 10000000 steps\n',
    );
    expect(after.stdout).toBe('hello.tar gz heLLo.tar.gz pre-hello.tar.gz\n');
  });

  it('answers a syntax error inside a here-document body as bash, not as an internal error', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('cat <<EOF\nunterminated `\nEOF');

    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("bash: unexpected EOF while looking for matching ``'\n");
  });
});
