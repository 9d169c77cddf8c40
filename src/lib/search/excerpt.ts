/**
 * Pagefind's excerpts are HTML: escaped page text with `<mark>` around the matched words. The
 * search box shows them without handing any of that string to the HTML parser: it is split into
 * plain-text pieces and marked pieces here, and the component builds text nodes and <mark>
 * elements from them, so an excerpt can never inject markup.
 */

/** One piece of an excerpt: text, marked (a match) or not. */
export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references an escaped text may hold (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt into text and marked parts. Any tag other than `<mark>`/`</mark>` is
 * dropped (its text stays text), so what the page shows is only ever text.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (/^<\/?[a-z][^>]*>$/i.test(piece)) {
      if (/^<mark\b/i.test(piece)) marked = true;
      else if (/^<\/mark\s*>$/i.test(piece)) marked = false;
      continue;
    }
    if (piece !== '') parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}
