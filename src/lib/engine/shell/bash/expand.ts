/**
 * Word expansion in bash's order: brace expansion, tilde, parameters (`$x`, `${x:-d}`, `${x^^}`,
 * `${!arr[@]}`, …), arithmetic, command substitution, field splitting on $IFS, pathname
 * expansion, quote removal. Quoted text is never split or globbed; `"$@"` and `"${a[@]}"` keep
 * one field per element.
 */
import type { ParamExp, Word, WordPart } from './ast.ts';
import { parseWord } from './word.ts';
import { escapePattern, hasGlob, replacePattern, trimPattern, unescapePattern } from './pattern.ts';
import { arrayKeys, type ArrayVar } from './vars.ts';

/** What expansion needs from the interpreter. */
export interface ExpandHost {
  scalar(name: string): string | undefined;
  array(name: string): ArrayVar | undefined;
  setScalar(name: string, value: string): void;
  positional(): readonly string[];
  arith(src: string): bigint;
  commandSubstitution(src: string): Promise<string>;
  home(user: string): string | undefined;
  /** Paths matching a pattern (escaped as pattern.ts expects), sorted; [] when none. */
  glob(pattern: string): string[];
  /** Names of all set variables (for `${!prefix*}`). */
  varNames(): string[];
  readonly nounset: boolean;
  readonly noglob: boolean;
}

/** An expansion error that aborts the command line (`bash: x: unbound variable`). */
export class ExpansionError extends Error {
  readonly status: number;
  constructor(message: string, status = 1) {
    super(message);
    this.status = status;
  }
}

interface Chunk {
  readonly text: string;
  readonly quoted: boolean;
  readonly split: boolean;
}

/** Expands words into fields (arguments). */
export async function expandWords(words: readonly Word[], h: ExpandHost): Promise<string[]> {
  const out: string[] = [];
  for (const w of words)
    for (const b of braceExpand(w)) for (const f of await expandFields(b, h)) out.push(f);
  return out;
}

/** Expands one word to a single string (assignments, redirection targets, `case` words). */
export async function expandString(w: Word, h: ExpandHost): Promise<string> {
  const fields = await chunksOf(w.parts, h, false);
  return fields.map((f) => f.map((c) => c.text).join('')).join(' ');
}

/** Expands a word as a pattern: quoted text is escaped so it matches literally. */
export async function expandPattern(w: Word, h: ExpandHost): Promise<string> {
  const fields = await chunksOf(w.parts, h, false);
  return fields
    .map((f) => f.map((c) => (c.quoted ? escapePattern(c.text) : c.text)).join(''))
    .join(' ');
}

async function expandFields(w: Word, h: ExpandHost): Promise<string[]> {
  const fields = await chunksOf(w.parts, h, true);
  const ifs = h.scalar('IFS') ?? ' \t\n';
  const out: string[] = [];
  for (const f of fields) {
    for (const piece of splitField(f, ifs)) {
      if (piece.length === 0) continue;
      const anyQuoted = piece.some((c) => c.quoted);
      const text = piece.map((c) => c.text).join('');
      if (text === '' && !anyQuoted) continue;
      const pattern = piece.map((c) => (c.quoted ? escapePattern(c.text) : c.text)).join('');
      if (!h.noglob && piece.some((c) => !c.quoted) && hasGlob(pattern)) {
        const matches = h.glob(pattern);
        if (matches.length > 0) {
          for (const m of matches) out.push(m);
          continue;
        }
        out.push(unescapePattern(pattern));
        continue;
      }
      out.push(text);
    }
  }
  return out;
}

/**
 * Splits the unquoted, expanded chunks of a field on IFS characters (POSIX field splitting):
 * IFS white space separates and is trimmed; each other IFS character ends a field, even an
 * empty one, with adjacent white space belonging to that one delimiter.
 */
function splitField(field: readonly Chunk[], ifs: string): Chunk[][] {
  const out: Chunk[][] = [];
  let cur: Chunk[] = [];
  /** A field was just ended by white space (a following non-white delimiter joins it). */
  let endedByWhite = false;
  for (const c of field) {
    if (!c.split || ifs === '') {
      cur.push(c);
      endedByWhite = false;
      continue;
    }
    let buf = '';
    const flush = (): void => {
      if (buf !== '') cur.push({ text: buf, quoted: false, split: false });
      buf = '';
    };
    for (const ch of c.text) {
      if (!ifs.includes(ch)) {
        buf += ch;
        endedByWhite = false;
        continue;
      }
      flush();
      if (' \t\n'.includes(ch)) {
        if (cur.length > 0) {
          out.push(cur);
          cur = [];
          endedByWhite = true;
        }
      } else if (endedByWhite) endedByWhite = false;
      else {
        out.push(cur.length > 0 ? cur : [{ text: '', quoted: true, split: false }]);
        cur = [];
      }
    }
    flush();
  }
  out.push(cur);
  return out;
}

/** Parts → fields of chunks (several fields only for `"$@"`-style expansions). */
async function chunksOf(
  parts: readonly WordPart[],
  h: ExpandHost,
  splitting: boolean,
): Promise<Chunk[][]> {
  const fields: Chunk[][] = [];
  let cur: Chunk[] = [];
  for (const p of parts) {
    if (p.k === 'lit') {
      cur.push({ text: p.text, quoted: p.q, split: false });
    } else if (p.k === 'tilde') {
      const home = h.home(p.user);
      cur.push({ text: home ?? `~${p.user}`, quoted: true, split: false });
    } else if (p.k === 'cmd') {
      const text = await h.commandSubstitution(p.src);
      cur.push({ text, quoted: p.q, split: splitting && !p.q });
    } else if (p.k === 'arith') {
      const inner = await expandString(parseWord(p.src, true), h);
      cur.push({ text: String(h.arith(inner)), quoted: p.q, split: splitting && !p.q });
    } else {
      const r = await expandParam(p.p, h, p.q);
      if (r.list && p.q && (p.p.name === '@' || p.p.index === '@' || p.p.op === 'prefix')) {
        if (r.values.length === 0) continue;
        r.values.forEach((v, i) => {
          if (i > 0) {
            fields.push(cur);
            cur = [];
          }
          cur.push({ text: v, quoted: true, split: false });
        });
      } else if (r.list && !p.q) {
        r.values.forEach((v, i) => {
          if (i > 0) {
            if (splitting) {
              fields.push(cur);
              cur = [];
            } else cur.push({ text: ' ', quoted: true, split: false });
          }
          cur.push({ text: v, quoted: false, split: splitting });
        });
      } else {
        const sep = (h.scalar('IFS') ?? ' ')[0] ?? '';
        cur.push({ text: r.values.join(sep), quoted: p.q, split: splitting && !p.q });
      }
    }
  }
  fields.push(cur);
  return fields;
}

interface ParamValue {
  readonly values: string[];
  readonly list: boolean;
}

async function expandParam(p: ParamExp, h: ExpandHost, quoted: boolean): Promise<ParamValue> {
  const isList = p.name === '@' || p.name === '*' || p.index === '@' || p.index === '*';
  let values: string[];
  let set: boolean;
  if (p.indirect && p.op === 'prefix') {
    const names = h.varNames().filter((n) => n.startsWith(p.name));
    return { values: names.sort(), list: true };
  }
  if (p.indirect && (p.index === '@' || p.index === '*')) {
    const a = h.array(p.name);
    const keys = a ? arrayKeys(a) : h.scalar(p.name) !== undefined ? ['0'] : [];
    return { values: keys, list: true };
  }
  if (p.name === '@' || p.name === '*') {
    values = [...h.positional()];
    set = values.length > 0;
  } else if (p.index === '@' || p.index === '*') {
    const a = h.array(p.name);
    const s = h.scalar(p.name);
    values = a ? arrayKeys(a).map((k) => a.items.get(k) ?? '') : s !== undefined ? [s] : [];
    set = values.length > 0;
  } else {
    const v = await lookup(p, h);
    set = v !== undefined;
    values = [v ?? ''];
  }
  if (p.length) {
    if (isList) return { values: [String(values.length)], list: false };
    return { values: [String([...(values[0] ?? '')].length)], list: false };
  }
  const name = p.index !== undefined ? `${p.name}[${p.index}]` : p.name;
  const op = p.op;
  const empty = !set || (!isList && values[0] === '');
  const arg = async (): Promise<string> =>
    p.arg === undefined ? '' : expandString(parseWord(p.arg, quoted), h);
  switch (op) {
    case undefined:
      if (!set && h.nounset && !isList && !/^[0-9?#$!-]$/.test(p.name) && p.name !== '0')
        throw new ExpansionError(`bash: ${name}: unbound variable`);
      return { values, list: isList };
    case ':-':
    case '-':
      if (op === ':-' ? empty : !set) return { values: [await arg()], list: false };
      return { values, list: isList };
    case ':=':
    case '=': {
      if (op === ':=' ? empty : !set) {
        const v = await arg();
        h.setScalar(p.name, v);
        return { values: [v], list: false };
      }
      return { values, list: isList };
    }
    case ':+':
    case '+':
      return (op === ':+' ? empty : !set)
        ? { values: [], list: false }
        : { values: [await arg()], list: false };
    case ':?':
    case '?':
      if (op === ':?' ? empty : !set) {
        const msg = p.arg ? await arg() : 'parameter null or not set';
        throw new ExpansionError(`bash: ${name}: ${msg}`);
      }
      return { values, list: isList };
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pat = await expandPattern(parseWord(p.arg ?? '', quoted), h);
      return { values: values.map((v) => trimPattern(v, pat, op)), list: isList };
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const pat = await expandPattern(parseWord(p.arg ?? '', quoted), h);
      const rep = p.arg2 === undefined ? '' : await expandString(parseWord(p.arg2, quoted), h);
      return { values: values.map((v) => replacePattern(v, pat, rep, op)), list: isList };
    }
    case '^^':
    case '^':
    case ',,':
    case ',':
      return { values: values.map((v) => changeCase(v, op)), list: isList };
    case ':': {
      const off = Number(h.arith(await expandString(parseWord(p.arg ?? '0', true), h)));
      const len =
        p.arg2 === undefined
          ? undefined
          : Number(h.arith(await expandString(parseWord(p.arg2, true), h)));
      if (isList) {
        const list = p.name === '@' || p.name === '*' ? ['', ...values] : values;
        const start = off < 0 ? Math.max(0, list.length + off) : off;
        const sliced = list.slice(start, len === undefined ? undefined : start + len);
        return { values: p.name === '@' || p.name === '*' ? sliced : sliced, list: true };
      }
      const v = values[0] ?? '';
      const start = off < 0 ? Math.max(0, v.length + off) : Math.min(off, v.length);
      if (len !== undefined && len < 0) {
        const end = v.length + len;
        if (end < start)
          throw new ExpansionError(`bash: ${p.arg2 ?? ''}: substring expression < 0`);
        return { values: [v.slice(start, end)], list: false };
      }
      return { values: [v.slice(start, len === undefined ? undefined : start + len)], list: false };
    }
    case '@':
      if (p.arg === 'Q') return { values: values.map(quote), list: isList };
      if (p.arg === 'U' || p.arg === 'u' || p.arg === 'L')
        return {
          values: values.map((v) =>
            p.arg === 'U' ? v.toUpperCase() : p.arg === 'L' ? v.toLowerCase() : changeCase(v, '^'),
          ),
          list: isList,
        };
      return { values, list: isList };
    default:
      return { values, list: isList };
  }
}

async function lookup(p: ParamExp, h: ExpandHost): Promise<string | undefined> {
  let name = p.name;
  if (p.indirect) {
    const target = h.scalar(name);
    if (target === undefined) return undefined;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(target);
    if (!m) throw new ExpansionError(`bash: ${target}: invalid indirect expansion`);
    name = m[1] ?? '';
    if (m[2] !== undefined) return element(name, m[2], h);
    return h.scalar(name);
  }
  if (p.index !== undefined) return element(name, p.index, h);
  return h.scalar(name);
}

async function element(name: string, index: string, h: ExpandHost): Promise<string | undefined> {
  const a = h.array(name);
  if (a?.assoc) return a.items.get(await expandString(parseWord(index, true), h));
  const i = Number(h.arith(await expandString(parseWord(index, true), h)));
  if (!a) return i === 0 ? h.scalar(name) : undefined;
  const keys = arrayKeys(a);
  const last = Number(keys.at(-1) ?? -1);
  const key = i < 0 ? last + 1 + i : i;
  return a.items.get(String(key));
}

function changeCase(v: string, op: string): string {
  if (op === '^^') return v.toUpperCase();
  if (op === ',,') return v.toLowerCase();
  if (v === '') return v;
  const first = op === '^' ? (v[0] ?? '').toUpperCase() : (v[0] ?? '').toLowerCase();
  return first + v.slice(1);
}

/** `${x@Q}` and `printf %q`-style quoting: single quotes unless the text needs none. */
export function quote(v: string): string {
  return `'${v.replace(/'/g, "'\\''")}'`;
}

/** Words one brace expansion may produce (bash has no bound; a line here must stay bounded). */
const MAX_BRACE_WORDS = 100_000;

/**
 * Brace expansion (`{a,b}`, `{1..3}`, `{01..10}`, `{a..e}`) on a word's unquoted text.
 * @throws ExpansionError when it would produce more than MAX_BRACE_WORDS words
 */
export function braceExpand(w: Word): Word[] {
  const out: Word[] = [];
  braceInto(w, out);
  return out;
}

function braceInto(w: Word, out: Word[]): void {
  const idx = w.parts.findIndex((p) => p.k === 'lit' && !p.q && /\{.*\}/s.test(p.text));
  const part = idx < 0 ? undefined : (w.parts[idx] as { k: 'lit'; text: string; q: boolean });
  const found = part === undefined ? null : findBrace(part.text);
  if (part === undefined || found === null) {
    if (out.length >= MAX_BRACE_WORDS)
      throw new ExpansionError(
        `bash: kubelife stopped this line: brace expansion of more than ${MAX_BRACE_WORDS} words`,
      );
    out.push(w);
    return;
  }
  const { start, end, alternatives } = found;
  for (const alt of alternatives) {
    const text = part.text.slice(0, start) + alt + part.text.slice(end + 1);
    const parts = [...w.parts];
    parts[idx] = { k: 'lit', text, q: false };
    braceInto({ parts, raw: w.raw }, out);
  }
}

function findBrace(text: string): { start: number; end: number; alternatives: string[] } | null {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    if (text[start - 1] === '$') continue;
    let level = 0;
    const commas: number[] = [];
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '{') level++;
      else if (c === '}' && --level === 0) {
        const body = text.slice(start + 1, i);
        if (commas.length > 0) {
          const alts: string[] = [];
          let prev = start + 1;
          for (const c2 of commas) {
            alts.push(text.slice(prev, c2));
            prev = c2 + 1;
          }
          alts.push(text.slice(prev, i));
          return { start, end: i, alternatives: alts };
        }
        const seq = sequence(body);
        if (seq) return { start, end: i, alternatives: seq };
        break;
      } else if (c === ',' && level === 1) commas.push(i);
    }
  }
  return null;
}

function sequence(body: string): string[] | null {
  const num = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width =
      /^-?0[0-9]/.test(num[1] ?? '') || /^-?0[0-9]/.test(num[2] ?? '')
        ? Math.max((num[1] ?? '').length, (num[2] ?? '').length)
        : 0;
    const out: string[] = [];
    if (Math.abs(b - a) / step > 100000) return null;
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step)
      out.push(width ? String(v).padStart(width, '0') : String(v));
    return out;
  }
  const ch = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (ch) {
    const a = (ch[1] ?? 'a').charCodeAt(0);
    const b = (ch[2] ?? 'a').charCodeAt(0);
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1)
      out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}
