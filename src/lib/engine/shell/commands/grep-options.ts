/**
 * GNU grep's command line (getopt_long over grep.c's short and long options): clustered short
 * flags (`-inr`), attached or separate arguments (`-A3`, `-A 3`, `-e PAT`, `--context=2`), `-NUM`
 * as a context length, `--` ending the options; the pattern list (`-e`, `-f` is not read here)
 * or the first operand; the errors and exit status 2 GNU grep prints for bad options.
 *
 * upstream: GNU grep 3.8 src/grep.c (short_options, long_options, main's option switch,
 * context_length_arg "invalid context length argument", "invalid max count", usage()).
 */

/** What the options ask for. */
export interface GrepOptions {
  patterns: string[];
  files: string[];
  after: number;
  before: number;
  extended: boolean;
  fixed: boolean;
  ignoreCase: boolean;
  invert: boolean;
  word: boolean;
  line: boolean;
  count: boolean;
  onlyMatching: boolean;
  lineNumber: boolean;
  filesWithMatches: boolean;
  filesWithoutMatch: boolean;
  quiet: boolean;
  noMessages: boolean;
  /** true: -H, false: -h, undefined: by the number of files. */
  withFilename: boolean | undefined;
  recursive: boolean;
  maxCount: number;
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";

/** Short options taking an argument. */
const WITH_ARG = new Set(['A', 'B', 'C', 'e', 'f', 'm', 'd', 'D', 'X']);
/** Short flags understood (the rest of GNU's are accepted and ignored when harmless). */
const FLAGS = new Set([...'EFGHILPRTUVZabchilnoqrsuvwxyz']);

const LONG: Readonly<Record<string, string>> = {
  'after-context': 'A',
  'before-context': 'B',
  context: 'C',
  regexp: 'e',
  file: 'f',
  'max-count': 'm',
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'basic-regexp': 'G',
  'with-filename': 'H',
  'no-filename': 'h',
  'ignore-case': 'i',
  'files-with-matches': 'l',
  'files-without-match': 'L',
  'line-number': 'n',
  'only-matching': 'o',
  quiet: 'q',
  silent: 'q',
  recursive: 'r',
  'dereference-recursive': 'R',
  'no-messages': 's',
  'invert-match': 'v',
  'word-regexp': 'w',
  'line-regexp': 'x',
  count: 'c',
  text: 'a',
};
/** Long options accepted and ignored (colour, binary handling, labels). */
const IGNORED_LONG = new Set(['color', 'colour', 'null', 'line-buffered', 'no-ignore-case']);

/** A context length or max count as GNU grep reads it, or null when it is not one. */
function count(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Parses `args`; the options, or the message and exit status 2. */
export function parseGrep(args: readonly string[]): GrepOptions | { error: string } {
  const o: GrepOptions = {
    patterns: [],
    files: [],
    after: 0,
    before: 0,
    extended: false,
    fixed: false,
    ignoreCase: false,
    invert: false,
    word: false,
    line: false,
    count: false,
    onlyMatching: false,
    lineNumber: false,
    filesWithMatches: false,
    filesWithoutMatch: false,
    quiet: false,
    noMessages: false,
    withFilename: undefined,
    recursive: false,
    maxCount: -1,
  };
  let patternGiven = false;
  const operands: string[] = [];
  const apply = (opt: string, value: string | undefined): string | null => {
    switch (opt) {
      case 'A':
      case 'B':
      case 'C': {
        const n = count(value ?? '');
        if (n === null) return `grep: ${value ?? ''}: invalid context length argument`;
        if (opt !== 'B') o.after = n;
        if (opt !== 'A') o.before = n;
        return null;
      }
      case 'e':
        o.patterns.push(...(value ?? '').split('\n'));
        patternGiven = true;
        return null;
      case 'f':
        return `grep: ${value ?? ''}: No such file or directory`;
      case 'm': {
        const n = count(value ?? '');
        if (n === null) return 'grep: invalid max count';
        o.maxCount = n;
        return null;
      }
      case 'E':
        o.extended = true;
        o.fixed = false;
        return null;
      case 'F':
        o.fixed = true;
        return null;
      case 'G':
        o.extended = false;
        o.fixed = false;
        return null;
      case 'P':
        return 'grep: Perl matching not supported in a --disable-perl-regexp build';
      case 'H':
        o.withFilename = true;
        return null;
      case 'h':
        o.withFilename = false;
        return null;
      case 'i':
      case 'y':
        o.ignoreCase = true;
        return null;
      case 'l':
        o.filesWithMatches = true;
        return null;
      case 'L':
        o.filesWithoutMatch = true;
        return null;
      case 'n':
        o.lineNumber = true;
        return null;
      case 'o':
        o.onlyMatching = true;
        return null;
      case 'q':
        o.quiet = true;
        return null;
      case 'r':
      case 'R':
        o.recursive = true;
        return null;
      case 's':
        o.noMessages = true;
        return null;
      case 'v':
        o.invert = true;
        return null;
      case 'w':
        o.word = true;
        return null;
      case 'x':
        o.line = true;
        return null;
      case 'c':
        o.count = true;
        return null;
      default:
        return null;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (IGNORED_LONG.has(name)) continue;
      const opt = Object.hasOwn(LONG, name) ? LONG[name] : undefined;
      if (opt === undefined) return { error: `grep: unrecognized option '${a}'\n${USAGE}` };
      let value = eq < 0 ? undefined : a.slice(eq + 1);
      if (WITH_ARG.has(opt) && value === undefined) {
        value = args[++i];
        if (value === undefined)
          return { error: `grep: option '--${name}' requires an argument\n${USAGE}` };
      }
      const err = apply(opt, value);
      if (err !== null) return { error: err };
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    // -NUM: a context length of NUM lines on both sides.
    const num = /^-(\d+)$/.exec(a);
    if (num) {
      o.after = o.before = Number(num[1]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (WITH_ARG.has(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined)
          return { error: `grep: option requires an argument -- '${c}'\n${USAGE}` };
        const err = apply(c, value);
        if (err !== null) return { error: err };
        break;
      }
      if (!FLAGS.has(c) && !/\d/.test(c))
        return { error: `grep: invalid option -- '${c}'\n${USAGE}` };
      const err = apply(c, undefined);
      if (err !== null) return { error: err };
    }
  }
  if (!patternGiven) {
    const first = operands.shift();
    if (first === undefined) return { error: USAGE };
    o.patterns.push(...first.split('\n'));
  }
  o.files = operands;
  return o;
}
