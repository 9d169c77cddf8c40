/**
 * Proves the doc-test harness can fail: a page whose expected output is wrong must be reported,
 * with a diff, and so must an unexpected exit code. A harness that cannot fail proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { docPage, formatPageProblems, runPage } from 'kubelife/doctest';

const page = (expected: string, meta = ''): string =>
  [
    '---',
    'title: Harness check',
    'kind: leaf',
    'scenario: packages-installed',
    '---',
    '',
    '```console run' + meta,
    'kubeadm version -o short',
    '```',
    '',
    '```text output',
    expected,
    '```',
    '',
  ].join('\n');

describe('doc-test harness', () => {
  it('passes a page whose expected output is what the engine prints', async () => {
    const actual = (
      await createSession({ scenario: 'packages-installed' }).run('kubeadm version -o short')
    ).stdout.trimEnd();

    const result = await runPage(docPage('good.mdx', page(actual)));

    expect(result.ok, formatPageProblems(result)).toBe(true);
  });

  it('fails a page whose expected output is wrong and shows a diff', async () => {
    const result = await runPage(docPage('bad.mdx', page('v0.0.0-not-what-kubeadm-prints')));

    expect(result.ok).toBe(false);
    expect(formatPageProblems(result)).toContain('\n-v0.0.0-not-what-kubeadm-prints');
    expect(formatPageProblems(result)).toContain('bad.mdx:7');
  });

  it('fails a page that expects a non-zero exit code from a command that succeeds', async () => {
    const actual = (
      await createSession({ scenario: 'packages-installed' }).run('kubeadm version -o short')
    ).stdout.trimEnd();

    const result = await runPage(docPage('exit.mdx', page(actual, ' exit=1')));

    expect(result.ok).toBe(false);
    expect(formatPageProblems(result)).toContain('exited with 0, the page expects 1');
  });

  it('fails a command that is unknown to the shell', async () => {
    const source = page('').replace('kubeadm version -o short', 'kubeadmm version');

    const result = await runPage(docPage('typo.mdx', source));

    expect(result.ok).toBe(false);
    expect(formatPageProblems(result)).toContain('exited with 127');
  });
});
