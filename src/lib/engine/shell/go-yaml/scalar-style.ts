/**
 * How go-yaml v2 (the encoder behind sigs.k8s.io/yaml, so behind `kubectl -o yaml`) chooses the
 * style of a string: the encoder asks for plain unless the text would read back as another type
 * (bool, null, number, timestamp, base-60 float: then double-quoted) or holds a line break
 * (literal); the emitter then falls back to single- or double-quoted when the analysis of the
 * text forbids the style asked for.
 *
 * upstream: gopkg.in/yaml.v2 encode.go (stringv), resolve.go (resolve, resolveTable,
 * resolveMap, parseTimestamp, isBase60Float), emitterc.go (yaml_emitter_analyze_scalar,
 * yaml_emitter_select_scalar_style), yamlprivateh.go (is_printable).
 */

/** A scalar style of the emitter. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const RESOLVE_MAP = new Set(
  [
    'y Y yes Yes YES true True TRUE on On ON',
    'n N no No NO false False FALSE off Off OFF',
    '~ null Null NULL',
    '.nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<',
  ]
    .join(' ')
    .split(' '),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;
const TIMESTAMP = [
  /^\d{4}-\d\d?-\d\d?[Tt]\d\d?:\d\d?:\d\d?(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  /^\d{4}-\d\d?-\d\d? \d\d?:\d\d?:\d\d?(\.\d+)?$/,
  /^\d{4}-\d\d?-\d\d?$/,
];
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when plain `s` reads back as a string (resolve returns !!str and no base-60 float). */
export function plainIsString(s: string): boolean {
  if (s === '') return false; // resolves to null
  if (RESOLVE_MAP.has(s)) return false;
  const first = s[0] ?? '';
  if (first === '.') return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (/[-+0-9]/.test(first)) {
    if (TIMESTAMP.some((re) => re.test(s))) return false;
    const plain = s.replace(/_/g, '');
    if (GO_INT.test(plain) || YAML_FLOAT.test(plain) || /^-?0b[01]+$/.test(plain)) return false;
  }
  return !BASE60_FLOAT.test(s);
}

/** yamlprivateh.go is_printable (as code points). */
function printable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    c >= 0x10000
  );
}

/** What yaml_emitter_analyze_scalar allows for a text. */
interface Analysis {
  readonly multiline: boolean;
  readonly blockPlain: boolean;
  readonly singleQuoted: boolean;
  readonly block: boolean;
}

function analyze(s: string): Analysis {
  const cs = [...s];
  if (cs.length === 0)
    return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  let blockInd = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  const blank = (c: string | undefined): boolean =>
    c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  cs.forEach((c, i) => {
    const followedByWs = blank(cs[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockInd = true;
      else if ((c === '?' || c === ':') && followedByWs) blockInd = true;
      else if (c === '-' && followedByWs) blockInd = true;
    } else if (c === ':' && followedByWs) blockInd = true;
    else if (c === '#' && precededByWs) blockInd = true;
    if (!printable(c.codePointAt(0) ?? 0)) special = true;
    const last = i === cs.length - 1;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029') {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = blank(c);
  });
  let blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuoted = true;
  let block = !trailingSpace;
  if (breakSpace) blockPlain = singleQuoted = false;
  if (spaceBreak || special) blockPlain = singleQuoted = block = false;
  if (lineBreaks || blockInd) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, singleQuoted, block };
}

/** The style the emitter writes `s` in, as a block-context value or a simple mapping key. */
export function scalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  const a = analyze(s);
  let style: ScalarStyle = s.includes('\n') ? 'literal' : plainIsString(s) ? 'plain' : 'double';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlain || (s === '' && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}
