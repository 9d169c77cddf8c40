/**
 * go-wordwrap's WrapString (github.com/mitchellh/go-wordwrap v1.0.1, wordwrap.go), which
 * kubectl's word-wrap writer uses (kubectl pkg/util/term/term_writer.go): breaks only at
 * white space, keeps the existing line breaks, counts runes, lets a word longer than the limit
 * overrun it, and drops the spaces where it breaks.
 */

const NBSP = '\u00a0';

/** Go's unicode.IsSpace. */
function isSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c);
}

/** `s` wrapped within `lim` characters a line. */
export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  /** Writes the pending spaces and word: the line grows by both. */
  const flush = (): void => {
    current += spaceLen + wordLen;
    out += space + word;
    space = '';
    spaceLen = 0;
    word = '';
    wordLen = 0;
  };
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          out += space;
        }
      } else flush();
      space = '';
      spaceLen = 0;
      out += c;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flush();
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else out += space + word;
  return out;
}
