// awk as Ubuntu's mawk runs it: patterns and actions, BEGIN/END, fields and NF/NR, -F and -v,
// arrays, the string and arithmetic builtins, printf, comparisons of numeric strings, ranges,
// IEEE division; mawk's messages for syntax errors and missing files; never a crash.
// upstream: POSIX.1-2017 awk; mawk 1.3.4 (error.c, "line N: syntax error at or near X").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from 'kubelife';
import { AwkSyntaxError } from '../../../src/lib/engine/shell/awk/lexer.ts';
import { parseAwk } from '../../../src/lib/engine/shell/awk/parser.ts';

describe('awk', () => {
  it.each([
    ["kubectl get nodes --no-headers | awk '{print $1}'", 'cp-1\nworker-1\nworker-2\n'],
    [
      "kubectl get nodes | awk 'NR>1 {print $1, $2}'",
      'cp-1 Ready\nworker-1 Ready\nworker-2 Ready\n',
    ],
    ['kubectl get nodes --no-headers | awk \'$2 == "Ready" {n++} END {print n}\'', '3\n'],
    [
      'kubectl get nodes -o wide | awk \'NR>1 {printf "%s %s\\n", $1, $6}\'',
      'cp-1 10.0.0.11\nworker-1 10.0.0.21\nworker-2 10.0.0.22\n',
    ],
    ["echo a:b:c | awk -F: '{print $2, NF}'", 'b 3\n'],
    [
      "printf '3\\n1\\n2\\n' | awk '{s+=$1} END {printf \"total=%d avg=%.2f\\n\", s, s/NR}'",
      'total=6 avg=2.00\n',
    ],
    ["echo 'a b c' | awk '{$2=\"X\"; print; NF=2; print}'", 'a X c\na X\n'],
    ['echo \'10 9\' | awk \'{print ($1<$2), ("10"<"9")}\'', '0 1\n'],
    [
      'echo x | awk \'BEGIN {n=split("a,b,c", arr, ","); print n, arr[3]} {sub(/x/, "y"); print}\'',
      '3 c\ny\n',
    ],
    [
      "echo 'hello world' | awk '{print toupper(substr($1,1,1)) substr($1,2), index($0, \"world\"), length()}'",
      'Hello 7 11\n',
    ],
    ["echo | awk '{print 1/3, 100000000, 1e20, 2^10}'", '0.333333 100000000 1e+20 1024\n'],
    ["printf 'a\\nb\\nc\\nd\\n' | awk 'NR==2,NR==3'", 'b\nc\n'],
    [
      'echo | awk -v who=world \'{printf "%5s|%-5s|%05.1f|%x|%c\\n", who, "ab", 3.14159, 255, 65}\'',
      'world|ab   |003.1|ff|A\n',
    ],
    ["echo 5 | awk '{print $1/0}'", 'inf\n'],
    [
      'printf \'b 2\\na 1\\nb 3\\n\' | awk \'{sum[$1]+=$2} END {print sum["a"], sum["b"], ("c" in sum)}\'',
      '1 5 0\n',
    ],
    [
      'echo | awk \'function sq(x) { return x*x } {for (i = 1; i <= 3; i++) printf "%d ", sq(i); print ""}\'',
      '1 4 9 \n',
    ],
  ])('`%s` prints what mawk prints', async (line, out) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
    expect(r.exitCode).toBe(0);
  });

  it.each([
    ["echo | awk '{print 1 }}'", 'awk: line 1: syntax error at or near }\n'],
    ["awk '{print}' /etc/nope", 'awk: cannot open /etc/nope (No such file or directory)\n'],
    ['echo | awk \'{print > "/tmp/x"}\'', 'awk: line 1: output redirection is not simulated\n'],
  ])('fails `%s` with status 2 as mawk does', async (line, err) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(2);
  });

  it('exits with the status the program gives', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('echo | awk \'{exit 3} END {print "end"}\'');

    expect(r.stdout).toBe('end\n');
    expect(r.exitCode).toBe(3);
  });

  it('parses any text into a program or a syntax error, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          parseAwk(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AwkSyntaxError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
