/**
 * User-supplied regular expressions (sed, grep) on re2js: a linear-time engine (RE2 semantics),
 * so no pattern can hang the session the way a backtracking engine does on `\(a\+\)\+$`. POSIX
 * basic (BRE) and extended (ERE) syntax are translated to RE2 syntax first, and matching uses
 * leftmost-longest semantics as POSIX requires. re2js is loaded on first use: pages that never
 * run sed or grep do not pay for it.
 *
 * Not supported (RE2 has no equivalent): back-references (`\1` in a pattern) and `\<`/`\>`
 * word starts/ends, which are translated to `\b`.
 */
import type * as RE2JSModule from 're2js';
import type { RE2JS as RE2JSClass } from 're2js';

type Re2js = typeof RE2JSModule;

/** A compiled user pattern. */
export interface UserRegex {
  /** Every match in `text` (one line), leftmost-longest, non-overlapping, in order. */
  matches(text: string, global: boolean): Array<{ start: number; end: number; groups: string[] }>;
  /** True when `text` contains a match. */
  test(text: string): boolean;
}

/** A pattern that cannot be compiled; `message` says why, without the tool's prefix. */
export class RegexError extends Error {}

let loaded: Promise<Re2js> | undefined;

/** Translates a bracket expression starting at `i` (`[`); returns RE2 text and the next index. */
function bracket(p: string, i: number): { text: string; next: number } {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  while (j < p.length && p[j] !== ']') {
    if (p[j] === '[' && (p[j + 1] === ':' || p[j + 1] === '.' || p[j + 1] === '=')) {
      const close = p.indexOf(`${p[j + 1] ?? ''}]`, j + 2);
      if (close < 0) throw new RegexError('unterminated character class');
      out += p.slice(j, close + 2);
      j = close + 2;
      continue;
    }
    const c = p[j] ?? '';
    // A backslash is literal inside POSIX brackets; RE2 needs it escaped, like `[`.
    out += c === '\\' || c === '[' ? `\\${c}` : c;
    j++;
  }
  if (j >= p.length) throw new RegexError('unterminated [');
  return { text: `${out}]`, next: j + 1 };
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\\n',
  t: '\\t',
  w: '\\w',
  W: '\\W',
  s: '\\s',
  S: '\\S',
  b: '\\b',
  B: '\\B',
  '<': '\\b',
  '>': '\\b',
  '`': '\\A',
  "'": '\\z',
};

/**
 * A POSIX regular expression in RE2 syntax. `extended` selects ERE (grep -E, sed -E); otherwise
 * BRE with the GNU extensions `\+`, `\?`, `\|`.
 * @throws RegexError for back-references, unterminated brackets and the like
 */
export function translatePosix(p: string, extended: boolean): string {
  let out = '';
  // Where `*` is literal in a BRE and `^` an anchor: at the start, after `\(` or `\|`.
  let atStart = true;
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const b = bracket(p, i);
      out += b.text;
      i = b.next - 1;
      continue;
    }
    if (c === '\\') {
      const n = p[++i];
      if (n === undefined) throw new RegexError('trailing backslash (\\)');
      if (/[1-9]/.test(n)) throw new RegexError('back-references are not supported');
      if (!extended && '(){}|+?'.includes(n)) {
        out += n;
        atStart = n === '(' || n === '|';
        continue;
      }
      // Other escaped punctuation is literal; RE2 accepts `\\` only before punctuation.
      out += ESCAPES[n] ?? (/[!-/:-@[-`{-~]/.test(n) ? `\\${n}` : n);
      continue;
    }
    if (extended) {
      out += c;
      atStart = c === '(' || c === '|';
      continue;
    }
    if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && start) out += '\\*';
    else if (c === '^' && !start) out += '\\^';
    else if (
      c === '$' &&
      i !== p.length - 1 &&
      !p.startsWith('\\)', i + 1) &&
      !p.startsWith('\\|', i + 1)
    )
      out += '\\$';
    else out += c;
  }
  return out;
}

/**
 * Compiles a user pattern (POSIX BRE, or ERE when `extended`) on the linear-time engine.
 * @throws RegexError when the pattern is invalid or uses what RE2 cannot do
 */
export async function compileUserRegex(
  pattern: string,
  options: { extended: boolean; ignoreCase: boolean },
): Promise<UserRegex> {
  await loadRegexEngine();
  return compileLoadedRegex(pattern, options);
}

let engine: Re2js | undefined;

/** Loads the engine once; after it resolves, compileLoadedRegex can compile synchronously. */
export async function loadRegexEngine(): Promise<void> {
  loaded ??= import('re2js');
  engine = await loaded;
}

/**
 * compileUserRegex without waiting, for interpreters that compile patterns while they run
 * (awk's dynamic regular expressions); loadRegexEngine must have resolved first.
 * @throws RegexError when the pattern is invalid, or the engine is not loaded
 */
export function compileLoadedRegex(
  pattern: string,
  options: { extended: boolean; ignoreCase: boolean },
): UserRegex {
  if (!engine) throw new RegexError('the regular expression engine is not loaded');
  const { RE2JS } = engine;
  const source = translatePosix(pattern, options.extended);
  let re: RE2JSClass;
  try {
    re = RE2JS.compile(
      source,
      RE2JS.LONGEST_MATCH | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0),
    );
  } catch (error) {
    throw new RegexError(error instanceof Error ? error.message : String(error));
  }
  return {
    test: (text) => re.matcher(text).find(),
    matches(text, global) {
      const m = re.matcher(text);
      const out: Array<{ start: number; end: number; groups: string[] }> = [];
      let from = 0;
      while (from <= text.length && m.find(from)) {
        const start = m.start();
        const end = m.end();
        const groups: string[] = [];
        for (let g = 1; g <= m.groupCount(); g++) groups.push(m.group(g) ?? '');
        out.push({ start, end, groups });
        if (!global) break;
        // An empty match advances by one character, as sed's s///g does.
        from = end === start ? end + 1 : end;
      }
      return out;
    },
  };
}

/** GNU regex's wording (gnulib lib/regcomp.c __re_error_msgid) for what the engine reports. */
export function gnuRegexMessage(message: string): string {
  if (/missing closing \)/.test(message)) return 'Unmatched ( or \\(';
  if (/missing closing \]|unterminated \[/.test(message)) return 'Unmatched [, [^, [:, [., or [=';
  if (/unexpected \)/.test(message)) return 'Unmatched ) or \\)';
  if (/trailing backslash/.test(message)) return 'Trailing backslash';
  if (/invalid repeat count/.test(message)) return 'Invalid content of \\{\\}';
  return message;
}
