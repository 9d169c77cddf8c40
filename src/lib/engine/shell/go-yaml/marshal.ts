/**
 * JSON-shaped values as `kubectl -o yaml` prints them: sigs.k8s.io/yaml turns the object's JSON
 * into YAML with go-yaml v2 (JSONToYAML: unmarshal into generic maps, then Marshal), so map keys
 * come out in go-yaml's natural key order, sequences inside mappings are not indented, empty
 * collections are written `{}` / `[]`, and strings take the styles of scalar-style.ts, folded
 * at 80 columns by scalar-write.ts.
 *
 * upstream: sigs.k8s.io/yaml yaml.go (Marshal, JSONToYAML), gopkg.in/yaml.v2 sorter.go
 * (keyList.Less), encode.go (floatv: FormatFloat 'g'), emitterc.go (block mappings and
 * sequences, yaml_emitter_increase_indent), staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go.
 */
import { scalarStyle } from './scalar-style.ts';
import { newline, put, writeScalar, type YamlOut } from './scalar-write.ts';

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** go-yaml v2's keyList.Less for string keys: letters by code point, digit runs by value. */
export function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] ?? '';
    const y = br[i] ?? '';
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--)
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
    }
    let ai = i;
    let bi = i;
    for (; isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) as go-yaml writes floats. */
function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21 || (!Number.isInteger(n) && exp >= 6)) {
    const [m = '', e = '0'] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

const isMap = (v: Json): v is { readonly [k: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Writes a value after `key:` or `-` (the indicator is written; `indent` is the parent's). */
function writeValue(o: YamlOut, v: Json, indent: number, inMapping: boolean): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return put(o, ' []');
    return inMapping ? writeSequence(o, v, indent, false) : writeSequence(o, v, indent + 2, true);
  }
  if (isMap(v)) {
    if (Object.keys(v).length === 0) return put(o, ' {}');
    return inMapping ? writeMapping(o, v, indent + 2, false) : writeMapping(o, v, indent + 2, true);
  }
  put(o, ' ');
  if (typeof v === 'string') writeScalar(o, v, scalarStyle(v, false), indent + 2, true);
  else {
    o.openEnded = false;
    put(o, v === null ? 'null' : typeof v === 'number' ? formatNumber(v) : v ? 'true' : 'false');
  }
}

function writeMapping(
  o: YamlOut,
  m: { readonly [k: string]: Json },
  indent: number,
  sameLine: boolean | 'start',
): void {
  const keys = Object.keys(m).sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
  keys.forEach((k, i) => {
    if (i > 0 || sameLine === false) newline(o, indent);
    else if (sameLine === true) put(o, ' ');
    writeScalar(o, k, scalarStyle(k, true), indent, false);
    put(o, ':');
    writeValue(o, m[k] ?? null, indent, true);
  });
}

function writeSequence(o: YamlOut, a: readonly Json[], indent: number, sameLine: boolean): void {
  a.forEach((item, i) => {
    if (i > 0 || !sameLine) newline(o, indent);
    else put(o, ' ');
    put(o, '-');
    writeValue(o, item, indent, false);
  });
}

/** The YAML go-yaml v2 marshals for a JSON object (ends with a newline, like yaml.Marshal). */
export function marshalGoYaml(value: { readonly [k: string]: Json }): string {
  const o: YamlOut = { text: '', column: 0, openEnded: false };
  if (Object.keys(value).length === 0) return '{}\n';
  writeMapping(o, value, 0, 'start');
  const text = o.text;
  return `${text}${text.endsWith('\n') ? '' : '\n'}${o.openEnded ? '...\n' : ''}`;
}
