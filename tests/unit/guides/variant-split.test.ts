import { describe, expect, it } from 'vitest';

import { splitVariants } from '../../../src/lib/guides/variant-split.ts';

const figure = (minor: string, body: string): string =>
  `<figure class="snippet" data-minor="${minor}"><pre data-command="cat <<EOF > f">${body}</pre></figure>`;

describe('splitVariants', () => {
  it('keeps the chosen release in the page and moves the others out, by group', () => {
    const html = `<main>\n${figure('v1.37', 'a')}\n${figure('v1.36', 'b')}\n<p>prose</p>\n${figure('v1.37', 'c')}\n${figure('v1.36', 'd')}\n</main>`;

    const split = splitVariants(html, 'v1.37');

    expect(split.html).toBe(
      `<main>\n<figure class="snippet" data-minor="v1.37" data-variants="0"><pre data-command="cat <<EOF > f">a</pre></figure>\n<p>prose</p>\n<figure class="snippet" data-minor="v1.37" data-variants="1"><pre data-command="cat <<EOF > f">c</pre></figure>\n</main>`,
    );
    expect(split.variants).toEqual([`\n${figure('v1.36', 'b')}`, `\n${figure('v1.36', 'd')}`]);
  });

  it('puts the page back together when each group is inserted after its kept variant', () => {
    const inline = `<span class="release-var"><span data-minor="v1.37"><code>1.37.1</code></span><span data-minor="v1.36" data-pagefind-ignore="all"><code>1.36.4</code></span><span data-minor="v1.35"><span>1.35.9</span></span></span>`;
    const html = `<p>Install ${inline} now.</p>`;

    const split = splitVariants(html, 'v1.37');
    const rebuilt = split.html.replace(
      / data-variants="(\d+)"([^]*?<\/span>)/,
      (_, n: string, rest: string) => `${rest}${split.variants[Number(n)]}`,
    );

    expect(rebuilt).toBe(html);
    expect(split.html).not.toContain('1.36.4');
  });

  it('leaves scripts, comments and release-only prose (data-minors) alone', () => {
    const html = `<script>if (a < b) x('<span data-minor="v1.36">');</script><!-- <span data-minor="v1.36"> --><div data-minors="v1.36 v1.35">old</div>`;

    expect(splitVariants(html, 'v1.37')).toEqual({ html, variants: [] });
  });

  it('refuses a variant that follows no kept variant instead of losing it', () => {
    expect(() => splitVariants(`<p>x</p>${figure('v1.36', 'b')}`, 'v1.37')).toThrow(
      /follows no v1.37 variant/,
    );
    expect(() =>
      splitVariants(`${figure('v1.37', 'a')}<p>x</p>${figure('v1.36', 'b')}`, 'v1.37'),
    ).toThrow(/follows no v1.37 variant/);
  });

  it('refuses an element that is never closed', () => {
    expect(() => splitVariants(`<figure data-minor="v1.37"><pre>a</pre>`, 'v1.37')).toThrow(
      /never closed/,
    );
  });
});
