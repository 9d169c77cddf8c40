import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent, Root } from 'hast';

import { blockMinor, isOutput, isRunnable, parseMeta, splitCommands } from 'kubelife/doctest';

/** What the fenced block's info string says about a code block. */
export type SnippetKind = 'run' | 'output' | 'plain';

/**
 * Classifies a fenced code block from its language and meta string, following the snippet format in
 * docs/dev/contracts.md: ```` ```console run [exit=N] ```` is runnable, ```` ```text output ```` is
 * the expected output of the runnable block before it. Everything else is a plain code block.
 */
export function classifySnippet(lang: string, meta: string): SnippetKind {
  if (isRunnable(lang, meta)) return 'run';
  if (isOutput(lang, meta)) return 'output';
  return 'plain';
}

/** Reads `exit=N` from a runnable block's meta; 0 when absent (same rule as the doc-tests). */
export function expectedExitCode(meta: string): number {
  const exit = parseMeta(meta).get('exit');
  return typeof exit === 'string' ? Number(exit) : 0;
}

/** Shortens a command for an accessible button name ("Run: kubeadm init …"). */
function shortCommand(source: string): string {
  const first = (source.split('\n')[0] ?? '').replace(/\s*\\$/, '').trim();
  const more = source.includes('\n') ? ' …' : '';
  return first.length > 60 ? `${first.slice(0, 57)}…` : `${first}${more}`;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function button(action: string, label: string, visible: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['snippet-btn'],
      dataAction: action,
      ariaLabel: label,
    },
    children: [text(visible)],
  };
}

/**
 * Replaces the token spans of an expected-output block (two per line: output is plain text, it has
 * no colours to show) with the text itself: long pages hold hundreds of these blocks, and their
 * spans were most of the page's DOM. Copying and Ctrl+F see the same text.
 */
function plainCode(pre: Element, source: string): void {
  const code = pre.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  if (code) code.children = [text(source)];
}

/**
 * Shiki transformer that turns `console run` blocks into runnable snippets (a figure with Run,
 * "Run all up to here" and Copy buttons; the raw command text stays in `data-command` for Copy, and `data-commands` holds the
 * logical commands exactly as the doc-tests run them, via the shared extractor in kubelife/doctest) and labels `text output` blocks as expected output. The buttons are server
 * rendered; src/components/Snippets.astro wires them up with one delegated listener.
 */
export function snippetTransformer(
  options: { newestMinor?: string | undefined } = {},
): ShikiTransformer {
  return {
    name: 'kubelife:snippets',
    root(root: Root) {
      const meta = this.options.meta?.__raw ?? '';
      const kind = classifySnippet(this.options.lang, meta);
      const pre = root.children[0];
      if (pre?.type !== 'element') return;
      // One variant per release track (release-variants.ts): CSS shows the reader's; search indexes the newest.
      const minor = blockMinor(meta);
      const variant =
        minor === undefined
          ? {}
          : {
              dataMinor: minor,
              ...(minor === options.newestMinor ? {} : { dataPagefindIgnore: 'all' }),
            };
      if (kind === 'plain') {
        if (minor !== undefined) Object.assign(pre.properties, variant);
        return;
      }
      const source = this.source.replace(/\n$/, '');
      pre.properties['dataSnippet'] = kind;
      if (kind === 'output') plainCode(pre, source);
      if (kind === 'run') {
        pre.properties['dataCommand'] = source;
        // The same logical commands the doc-tests run (continuations kept), so the browser needs no parser.
        pre.properties['dataCommands'] = JSON.stringify(splitCommands(source));
        pre.properties['dataExit'] = String(expectedExitCode(meta));
      }
      const short = shortCommand(source);
      const caption: Element = {
        type: 'element',
        tagName: 'figcaption',
        // Button labels are chrome, not content: kept out of search excerpts.
        properties: { className: ['snippet-bar'], dataPagefindIgnore: '' },
        children:
          kind === 'run'
            ? [
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { className: ['snippet-label'] },
                  children: [text('Terminal')],
                },
                button('run', `Run: ${short}`, 'Run'),
                button('run-all', `Run all up to here: ${short}`, 'Run all up to here'),
                button('copy', `Copy: ${short}`, 'Copy'),
              ]
            : [
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { className: ['snippet-label'] },
                  // An empty box reads like a rendering bug; say that silence is the result.
                  children: [
                    text(source.trim() === '' ? 'Expected output: none' : 'Expected output'),
                  ],
                },
              ],
      };
      root.children[0] = {
        type: 'element',
        tagName: 'figure',
        properties: {
          className: ['snippet', `snippet-${kind}`],
          dataSnippetFigure: kind,
          ...variant,
          ...(kind === 'output' && source.trim() === '' ? { dataEmpty: '' } : {}),
        },
        children: [caption, pre],
      };
    },
  };
}
