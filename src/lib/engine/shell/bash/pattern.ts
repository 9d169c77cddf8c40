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

/** Steps of pattern matching one line may take before it stops (a bound, not bash's behaviour). */
export const MAX_PATTERN_STEPS = 10_000_000;

/** Thrown when a line's pattern matching passes MAX_PATTERN_STEPS. */
export class PatternBudgetError extends Error {}

/**
 * Calls `visit(len)` for each length, shortest first, of the text read from `from` in direction
 * `dir` that the whole pattern matches, until `visit` returns true. An NFA over the pattern's
 * tokens: O(length × tokens), and it stops as soon as no token can go on (a literal start costs
 * O(1) where nothing matches). `budget.steps` counts the work.
 */
function matchLengths(
  toks: readonly PatTok[],
  text: string,
  from: number,
  dir: 1 | -1,
  budget: { steps: number },
  visit: (len: number) => boolean,
): void {
  const m = toks.length;
  const close = (set: Uint8Array): void => {
    for (let p = 0; p < m; p++) if (set[p] && toks[p]?.k === 'star') set[p + 1] = 1;
  };
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  cur[0] = 1;
  close(cur);
  for (let len = 0; ; len++) {
    if (cur[m] && visit(len)) return;
    const idx = dir === 1 ? from + len : from - 1 - len;
    if (idx < 0 || idx >= text.length) return;
    const c = text[idx] ?? '';
    next.fill(0);
    let alive = false;
    budget.steps += m;
    if (budget.steps > MAX_PATTERN_STEPS)
      throw new PatternBudgetError(
        `bash: kubelife stopped this line: pattern matching took more than ${MAX_PATTERN_STEPS} steps`,
      );
    for (let p = 0; p < m; p++) {
      const tok = toks[p];
      if (!cur[p] || !tok) continue;
      if (tok.k === 'star') next[p] = 1;
      else if (one(tok, c)) next[p + 1] = 1;
      else continue;
      alive = true;
    }
    if (!alive) return;
    close(next);
    [cur, next] = [next, cur];
  }
}

/** The shortest or longest length matched from `from` in direction `dir`, or -1. */
function matchedLength(
  toks: readonly PatTok[],
  text: string,
  from: number,
  dir: 1 | -1,
  longest: boolean,
  budget: { steps: number },
): number {
  let found = -1;
  matchLengths(toks, text, from, dir, budget, (len) => {
    found = len;
    return !longest;
  });
  return found;
}

/**
 * Removes the shortest/longest prefix (`#`/`##`) or suffix (`%`/`%%`) matching `pattern`.
 * @throws PatternBudgetError past MAX_PATTERN_STEPS
 */
export function trimPattern(text: string, pattern: string, op: string): string {
  const budget = { steps: 0 };
  const toks = compile(pattern);
  if (op === '#' || op === '##') {
    const k = matchedLength(toks, text, 0, 1, op === '##', budget);
    return k < 0 ? text : text.slice(k);
  }
  // A suffix is a prefix of the reversed text for the reversed pattern (every token is one character).
  const k = matchedLength([...toks].reverse(), text, text.length, -1, op === '%%', budget);
  return k < 0 ? text : text.slice(0, text.length - k);
}

/**
 * `${x/pat/rep}` (first), `//` (all), `/#` (anchored start), `/%` (anchored end).
 * @throws PatternBudgetError past MAX_PATTERN_STEPS
 */
export function replacePattern(text: string, pattern: string, rep: string, op: string): string {
  const budget = { steps: 0 };
  const toks = compile(pattern);
  if (op === '/#') {
    const k = matchedLength(toks, text, 0, 1, true, budget);
    return k < 0 ? text : rep + text.slice(k);
  }
  if (op === '/%') {
    const k = matchedLength([...toks].reverse(), text, text.length, -1, true, budget);
    return k < 0 ? text : text.slice(0, text.length - k) + rep;
  }
  let out = '';
  let i = 0;
  while (i <= text.length) {
    const len = pattern === '' ? -1 : matchedLength(toks, text, i, 1, true, budget);
    if (len <= 0) {
      if (i < text.length) out += text[i];
      i++;
      continue;
    }
    out += rep;
    i += len;
    if (op !== '//') return out + text.slice(i);
  }
  return out;
}
