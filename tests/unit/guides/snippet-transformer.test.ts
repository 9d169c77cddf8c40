import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';

import { snippetTransformer } from '../../../src/lib/guides/snippet-transformer.ts';

function render(code: string, lang: string, meta: string): Promise<string> {
  return codeToHtml(code, {
    lang,
    meta: { __raw: meta },
    themes: { light: 'github-light', dark: 'github-dark' },
    transformers: [snippetTransformer()],
  });
}

describe('snippet transformer', () => {
  it('marks a console run block as runnable with Run and Copy buttons', async () => {
    const html = await render('kubeadm version -o short\n', 'console', 'run');

    expect(html).toContain('data-snippet="run"');
    expect(html).toContain('data-command="kubeadm version -o short"');
    expect(html).toContain('aria-label="Run: kubeadm version -o short"');
    expect(html).toContain('aria-label="Copy: kubeadm version -o short"');
  });

  it('keeps continuation lines inside one logical command, as the doc-tests do', async () => {
    const html = await render(
      'kubeadm init \\\n  --pod-network-cidr=10.244.0.0/16\nkubectl get nodes',
      'console',
      'run',
    );

    expect(html).toContain(
      'data-commands="[&#x22;kubeadm init \\\\\\n  --pod-network-cidr=10.244.0.0/16&#x22;,&#x22;kubectl get nodes&#x22;]"',
    );
  });

  it('records the expected exit code', async () => {
    const html = await render('kubeadm upgrade apply v1.99.0', 'console', 'run exit=1');

    expect(html).toContain('data-exit="1"');
  });

  it('labels a text output block as expected output', async () => {
    const html = await render('v1.36.4', 'text', 'output');

    expect(html).toContain('data-snippet="output"');
    expect(html).toContain('Expected output');
  });

  it('renders expected output as plain text, without a span per line', async () => {
    const html = await render('NAME   STATUS\ncp-1   Ready', 'text', 'output');

    expect(html).toContain('<code>NAME   STATUS\ncp-1   Ready</code>');
    expect(html).not.toContain('class="line"');
  });

  it('says an empty output block expects no output instead of showing an empty box', async () => {
    const html = await render('', 'text', 'output');

    expect(html).toContain('Expected output: none');
    expect(html).toContain('data-empty');
  });

  it('leaves ordinary code blocks alone', async () => {
    const html = await render('echo hi', 'bash', '');

    expect(html).not.toContain('data-snippet');
    expect(html).not.toContain('<figure');
  });
});
