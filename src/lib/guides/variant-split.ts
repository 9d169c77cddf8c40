/**
 * Splits a built page's release variants (release-variants.ts renders one per release track, each
 * marked `data-minor="v1.36"`) into the variant a reader sees first and the others, which the page
 * loads only when the reader picks another release (variants-on-demand.ts). The whole-site
 * `/hard-way/` page holds every guide: three variants of every output were most of its HTML.
 *
 * Works on the HTML Astro wrote (well-formed, text escaped); a small tag scanner, not a full HTML
 * parser: it skips comments and the raw text of `<script>`/`<style>`, and reads quoted attribute
 * values (they may hold a raw `<`, e.g. `data-command="cat <<EOF"`).
 */

/** The page without the other variants, and those variants by group number. */
export interface SplitVariants {
  /** The page; the kept element of group N carries `data-variants="N"`. */
  readonly html: string;
  /** Group N's other variants as HTML, to insert right after its kept element. */
  readonly variants: readonly string[];
}

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly closing: boolean;
  /** The tag's source, from `<` to `>`. */
  readonly source: string;
}

const RAW_TEXT = new Set(['script', 'style']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta']);
const MINOR = /\sdata-minor="([^"]*)"/;

/** The next tag at or after `from`, or undefined at the end of the document. */
function nextTag(html: string, from: number): Tag | undefined {
  let at = html.indexOf('<', from);
  while (at >= 0) {
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      at = close < 0 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    const head = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(at, at + 64));
    if (!head) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    let i = at + head[0].length;
    let quote = '';
    for (; i < html.length; i++) {
      const c = html[i];
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const end = i + 1;
    return {
      start: at,
      end,
      name: (head[2] ?? '').toLowerCase(),
      closing: head[1] === '/',
      source: html.slice(at, end),
    };
  }
  return undefined;
}

/** End (exclusive) of the element whose opening tag is `open`. */
function elementEnd(html: string, open: Tag): number {
  if (VOID.has(open.name) || open.source.endsWith('/>')) return open.end;
  if (RAW_TEXT.has(open.name)) {
    const close = html.toLowerCase().indexOf(`</${open.name}`, open.end);
    if (close < 0) throw new Error(`<${open.name}> at ${open.start} is never closed`);
    return (nextTag(html, close) ?? open).end;
  }
  let depth = 1;
  let tag = nextTag(html, open.end);
  for (; tag; tag = nextTag(html, tag.end)) {
    if (tag.name !== open.name || tag.source.endsWith('/>')) continue;
    depth += tag.closing ? -1 : 1;
    if (depth === 0) return tag.end;
  }
  throw new Error(`<${open.name}> at ${open.start} is never closed`);
}

/**
 * Keeps the variants of release `keep` in `html` and moves every other release's variant out.
 * @throws Error when a variant of another release does not follow a kept variant (a group
 *   without the kept release), or variants nest: the page would lose content otherwise
 */
export function splitVariants(html: string, keep: string): SplitVariants {
  const out: string[] = [];
  const variants: string[] = [];
  let copied = 0;
  /** The group the last kept variant opened, and where its elements end so far. */
  let group: { index: number; end: number } | undefined;
  for (let tag = nextTag(html, 0); tag; tag = nextTag(html, tag.end)) {
    if (tag.closing) continue;
    if (RAW_TEXT.has(tag.name)) {
      tag = { ...tag, end: elementEnd(html, tag) };
      continue;
    }
    const minor = MINOR.exec(tag.source)?.[1];
    if (minor === undefined) continue;
    const end = elementEnd(html, tag);
    if (MINOR.test(html.slice(tag.end, end)))
      throw new Error(`release variant at ${tag.start} holds another variant`);
    if (minor === keep) {
      const index = variants.length;
      variants.push('');
      const marked = tag.source.replace(/\/?>$/, (close) => ` data-variants="${index}"${close}`);
      out.push(html.slice(copied, tag.start), marked, html.slice(tag.end, end));
      copied = end;
      group = { index, end };
    } else {
      const gap = group === undefined ? 'x' : html.slice(group.end, tag.start);
      if (group === undefined || gap.trim() !== '')
        throw new Error(`release variant ${minor} at ${tag.start} follows no ${keep} variant`);
      out.push(html.slice(copied, group.end));
      variants[group.index] += html.slice(group.end, end);
      copied = end;
      group = { index: group.index, end };
    }
    tag = { ...tag, end: end - 1 };
  }
  out.push(html.slice(copied));
  return { html: out.join(''), variants };
}
