/**
 * go-yaml v2's scalar writers: plain, single-quoted, double-quoted (with its escapes) and literal
 * block scalars, folding long lines the way its emitter does: at the first space after the
 * column passed best_width (80), continuing at the scalar's indentation.
 *
 * upstream: gopkg.in/yaml.v2 emitterc.go (yaml_emitter_write_plain_scalar,
 * yaml_emitter_write_single_quoted_scalar, yaml_emitter_write_double_quoted_scalar,
 * yaml_emitter_write_literal_scalar, yaml_emitter_write_block_scalar_hints,
 * yaml_emitter_write_indent), apic.go (best_width 80, best_indent 2).
 */
import type { ScalarStyle } from './scalar-style.ts';

/** The emitter's line width. */
export const BEST_WIDTH = 80;

/** Output with the emitter's column (characters on the current line). */
export interface YamlOut {
  text: string;
  column: number;
  /** The last scalar was a `|+` literal: the stream then ends with `...`. */
  openEnded: boolean;
}

/** Appends text without line breaks. */
export function put(o: YamlOut, s: string): void {
  o.text += s;
  o.column += [...s].length;
}

/** Starts a new line indented to `indent` (a literal scalar may already have ended its line). */
export function newline(o: YamlOut, indent: number): void {
  if (!(o.column === 0 && o.text.endsWith('\n'))) o.text += '\n';
  o.text += ' '.repeat(indent);
  o.column = indent;
}

const isBreak = (c: string | undefined): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

const ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escape(c: number): string {
  const known = ESCAPES[c];
  if (known !== undefined) return `\\${known}`;
  const [p, w] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${p}${c.toString(16).toUpperCase().padStart(w, '0')}`;
}

function mustEscape(c: number): boolean {
  const printable =
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    c >= 0x10000;
  return !printable || c === 0xfeff || isBreak(String.fromCodePoint(c)) || c === 0x22 || c === 0x5c;
}

/** Writes `s` in `style`; `indent` is where folded lines continue; keys never fold. */
export function writeScalar(
  o: YamlOut,
  s: string,
  style: ScalarStyle,
  indent: number,
  allowBreaks: boolean,
): void {
  const cs = [...s];
  o.openEnded = false;
  if (style === 'literal') return writeLiteral(o, cs, indent);
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  put(o, quote);
  let spaces = false;
  cs.forEach((c, i) => {
    const code = c.codePointAt(0) ?? 0;
    if (style === 'double' && mustEscape(code)) {
      put(o, escape(code));
      spaces = false;
    } else if (c === ' ') {
      const next = cs[i + 1];
      const fold =
        allowBreaks &&
        !spaces &&
        o.column > BEST_WIDTH &&
        (style === 'plain'
          ? next !== ' '
          : i > 0 && i < cs.length - 1 && (style === 'double' || next !== ' '));
      if (fold) {
        newline(o, indent);
        if (style === 'double' && next === ' ') put(o, '\\');
      } else put(o, c);
      spaces = true;
    } else {
      put(o, style === 'single' && c === "'" ? "''" : c);
      spaces = false;
    }
  });
  put(o, quote);
}

function writeLiteral(o: YamlOut, cs: readonly string[], indent: number): void {
  let hints = cs[0] === ' ' || isBreak(cs[0]) ? '2' : '';
  const last = cs.length - 1;
  if (cs.length === 0 || !isBreak(cs[last])) hints += '-';
  else if (last === 0 || isBreak(cs[last - 1])) {
    hints += '+';
    o.openEnded = true;
  }
  put(o, `|${hints}`);
  o.text += '\n';
  o.column = 0;
  let breaks = true;
  for (const c of cs) {
    if (isBreak(c)) {
      o.text += '\n';
      o.column = 0;
      breaks = true;
    } else {
      if (breaks) put(o, ' '.repeat(indent));
      put(o, c);
      breaks = false;
    }
  }
}
