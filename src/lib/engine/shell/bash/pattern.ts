/**
 * bash pattern matching (`*`, `?`, `[…]`, `[!…]`, `[[:alpha:]]`) for `case`, `[[ == ]]`,
 * `${x#pat}` and pathname expansion. Patterns are strings in which a backslash makes the next
 * character literal (expand.ts escapes quoted text that way). Matching is iterative with one
 * backtrack point per `*` (linear in practice, never exponential).
 */

type PatTok =
  | { readonly k: 'ch'; readonly c: string }
  | { readonly k: 'any' }
  | { readonly k: 'star' }
  | { readonly k: 'set'; readonly neg: boolean; readonly test: (c: string) => boolean };

const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /\s/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  word: (c) => /\w/.test(c),
};

function compile(pattern: string): PatTok[] {
  const out: PatTok[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' && i + 1 < pattern.length) {
      out.push({ k: 'ch', c: pattern[++i] ?? '' });
    } else if (c === '*') {
      if (out.at(-1)?.k !== 'star') out.push({ k: 'star' });
    } else if (c === '?') out.push({ k: 'any' });
    else if (c === '[') {
      const set = compileSet(pattern, i);
      if (set) {
        out.push(set.tok);
        i = set.end;
      } else out.push({ k: 'ch', c });
    } else out.push({ k: 'ch', c });
  }
  return out;
}

function compileSet(p: string, start: number): { tok: PatTok; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (p[i] === '!' || p[i] === '^') {
    neg = true;
    i++;
  }
  const tests: Array<(c: string) => boolean> = [];
  let first = true;
  while (i < p.length && (p[i] !== ']' || first)) {
    first = false;
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(i));
    if (cls) {
      const fn = CLASSES[cls[1] ?? ''];
      if (fn) tests.push(fn);
      i += cls[0].length;
      continue;
    }
    let lo = p[i] ?? '';
    if (lo === '\\') lo = p[++i] ?? '';
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      let hi = p[i + 2] ?? '';
      i += 2;
      if (hi === '\\') hi = p[++i] ?? '';
      const a = lo;
      tests.push((c) => c >= a && c <= hi);
    } else {
      const a = lo;
      tests.push((c) => c === a);
    }
    i++;
  }
  if (i >= p.length) return null;
  return { tok: { k: 'set', neg, test: (c) => tests.some((t) => t(c)) }, end: i };
}

function one(t: PatTok, c: string): boolean {
  if (t.k === 'ch') return t.c === c;
  if (t.k === 'any') return true;
  if (t.k === 'set') return t.test(c) !== t.neg;
  return false;
}

/** True when `text` matches the whole `pattern`. */
export function matchPattern(pattern: string, text: string): boolean {
  const toks = compile(pattern);
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const tok = toks[p];
    if (tok && tok.k === 'star') {
      starP = p++;
      starT = t;
    } else if (tok && one(tok, text[t] ?? '')) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (toks[p]?.k === 'star') p++;
  return p === toks.length;
}

/** True when the pattern has an unescaped `*`, `?` or `[` (so pathname expansion applies). */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes pattern escapes (`\*` → `*`). */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Escapes text so that it matches itself as a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/**
 * Removes the shortest/longest prefix (`#`/`##`) or suffix (`%`/`%%`) matching `pattern`.
 */
export function trimPattern(text: string, pattern: string, op: string): string {
  const n = text.length;
  if (op === '#' || op === '##') {
    const order = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const k of order) if (matchPattern(pattern, text.slice(0, k))) return text.slice(k);
    return text;
  }
  const order = op === '%' ? range(0, n).reverse() : range(0, n);
  for (const k of order) if (matchPattern(pattern, text.slice(k))) return text.slice(0, k);
  return text;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

/** `${x/pat/rep}` (first), `//` (all), `/#` (anchored start), `/%` (anchored end). */
export function replacePattern(text: string, pattern: string, rep: string, op: string): string {
  if (op === '/#') {
    for (let k = text.length; k >= 0; k--)
      if (matchPattern(pattern, text.slice(0, k))) return rep + text.slice(k);
    return text;
  }
  if (op === '/%') {
    for (let k = 0; k <= text.length; k++)
      if (matchPattern(pattern, text.slice(k))) return text.slice(0, k) + rep;
    return text;
  }
  let out = '';
  let i = 0;
  while (i <= text.length) {
    let matched = -1;
    for (let k = text.length; k > i; k--)
      if (matchPattern(pattern, text.slice(i, k))) {
        matched = k;
        break;
      }
    if (matched < 0 || pattern === '') {
      if (i < text.length) out += text[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (op !== '//') return out + text.slice(i);
  }
  return out;
}
