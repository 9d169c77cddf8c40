/**
 * A small POSIX-shell lexer: single and double quotes, backslash escapes, `\`+newline
 * continuation, comments, the operators `&&`, `||`, `;`, `|`, `>`, `>>`, and `$VAR`, `${VAR}`,
 * `$(cmd)` kept as parts so expansion happens right before each command runs.
 */

/** A piece of a word: literal text, a variable reference, or a command substitution. */
export type WordPart =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'cmd'; readonly text: string };

/** A lexical token. */
export type Token =
  | { readonly type: 'word'; readonly parts: readonly WordPart[] }
  | { readonly type: 'op'; readonly op: '&&' | '||' | ';' | '|' | '>' | '>>' };

/** Thrown (as a value) for unterminated quotes and similar syntax errors. */
export interface SyntaxProblem {
  readonly syntaxError: string;
}

/**
 * Deepest `$( … )` nesting a line may have. bash has no such limit (it forks a subshell per
 * level); the simulator re-reads each level's text, so a bound keeps every line's cost linear.
 */
export const MAX_SUBSTITUTION_DEPTH = 64;

/**
 * For every `(` in `input`, the index of its matching `)` (-1 when unmatched), and the deepest
 * nesting of matched `$(` pairs. One pass with a stack: quotes are not considered, as `$(` has
 * always been read here by counting parentheses.
 */
function matchParens(input: string): { close: Int32Array; depth: number } {
  const close = new Int32Array(input.length).fill(-1);
  const stack: number[] = [];
  let open = 0;
  let depth = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 40 /* ( */) stack.push(i);
    else if (c === 41 /* ) */) {
      const at = stack.pop();
      if (at !== undefined) close[at] = i;
    }
  }
  // Second pass: the nesting depth of matched `$(` pairs.
  const ends: number[] = [];
  for (let i = 0; i < input.length; i++) {
    while (ends.length > 0 && ends[ends.length - 1] === i) {
      ends.pop();
      open--;
    }
    if (input.charCodeAt(i) === 40 && input[i - 1] === '$' && (close[i] ?? -1) >= 0) {
      ends.push(close[i] ?? 0);
      open++;
      if (open > depth) depth = open;
    }
  }
  return { close, depth };
}

const BRACED_VAR = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;
const PLAIN_VAR = /([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/y;

/** Lexes `input` in time linear in its length; returns tokens, or a bash-style syntax error. */
export function tokenize(input: string): Token[] | SyntaxProblem {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let lit = '';
  let inWord = false;
  const parens = input.includes('$(') ? matchParens(input) : null;
  if (parens && parens.depth > MAX_SUBSTITUTION_DEPTH)
    return {
      syntaxError: `maximum command substitution nesting level exceeded (${MAX_SUBSTITUTION_DEPTH})`,
    };
  const flushLit = (): void => {
    if (lit) parts.push({ kind: 'lit', text: lit });
    lit = '';
  };
  const endWord = (): void => {
    flushLit();
    if (inWord) tokens.push({ type: 'word', parts });
    parts = [];
    inWord = false;
  };
  const readVar = (i: number): { part: WordPart; next: number } | null => {
    if (input[i + 1] === '(') {
      const end = parens?.close[i + 1] ?? -1;
      if (end < 0) return null;
      return { part: { kind: 'cmd', text: input.slice(i + 2, end) }, next: end + 1 };
    }
    BRACED_VAR.lastIndex = i + 1;
    const braced = BRACED_VAR.exec(input);
    if (braced)
      return { part: { kind: 'var', name: braced[1] ?? '' }, next: i + 1 + braced[0].length };
    PLAIN_VAR.lastIndex = i + 1;
    const plain = PLAIN_VAR.exec(input);
    if (plain)
      return { part: { kind: 'var', name: plain[1] ?? '' }, next: i + 1 + plain[0].length };
    return null;
  };

  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (ch === '\\') {
      const nextCh = input[i + 1];
      if (nextCh === '\n') {
        i += 2;
        continue;
      }
      if (nextCh === undefined) {
        i++;
        continue;
      }
      lit += nextCh;
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) return { syntaxError: "unexpected EOF while looking for matching `''" };
      lit += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      inWord = true;
      let j = i + 1;
      for (;;) {
        if (j >= input.length)
          return { syntaxError: 'unexpected EOF while looking for matching `"\'' };
        const c = input[j] ?? '';
        if (c === '"') break;
        if (c === '\\' && ['"', '\\', '$', '`', '\n'].includes(input[j + 1] ?? '')) {
          if (input[j + 1] !== '\n') lit += input[j + 1];
          j += 2;
          continue;
        }
        if (c === '$') {
          const v = readVar(j);
          if (v) {
            flushLit();
            parts.push(v.part);
            j = v.next;
            continue;
          }
        }
        lit += c;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      const v = readVar(i);
      if (v) {
        flushLit();
        parts.push(v.part);
        inWord = true;
        i = v.next;
        continue;
      }
    }
    if (ch === '#' && !inWord) {
      const nl = input.indexOf('\n', i);
      i = nl < 0 ? input.length : nl;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === '\n' || ch === ';') {
      endWord();
      tokens.push({ type: 'op', op: ';' });
      i++;
      continue;
    }
    const two = input.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '>>') {
      endWord();
      tokens.push({ type: 'op', op: two });
      i += 2;
      continue;
    }
    if (ch === '|' || ch === '>') {
      endWord();
      tokens.push({ type: 'op', op: ch });
      i++;
      continue;
    }
    lit += ch;
    inWord = true;
    i++;
  }
  endWord();
  return tokens;
}

/** One simple command with the operator that links it to the previous one. */
export interface SimpleCommand {
  /** How this command depends on the previous exit code: run always, only on success, or only on failure. */
  readonly after: ';' | '&&' | '||';
  readonly words: ReadonlyArray<readonly WordPart[]>;
  /** Output redirection target (`> file` or `>> file`), if any. */
  readonly redirect: { readonly append: boolean; readonly target: readonly WordPart[] } | null;
  /** True when this command's output is piped into the next one. */
  readonly pipeToNext: boolean;
}

/** Splits tokens into simple commands; returns a bash-style syntax error for a dangling operator. */
export function parseCommandList(tokens: readonly Token[]): SimpleCommand[] | SyntaxProblem {
  const out: SimpleCommand[] = [];
  let words: Array<readonly WordPart[]> = [];
  let after: ';' | '&&' | '||' = ';';
  let redirect: SimpleCommand['redirect'] = null;
  let pending: '>' | '>>' | null = null;
  const finish = (pipe: boolean): void => {
    if (words.length > 0) out.push({ after, words, redirect, pipeToNext: pipe });
    words = [];
    redirect = null;
  };
  for (const t of tokens) {
    if (t.type === 'word') {
      if (pending) {
        redirect = { append: pending === '>>', target: t.parts };
        pending = null;
      } else words.push(t.parts);
      continue;
    }
    if (pending) return { syntaxError: `syntax error near unexpected token \`${t.op}'` };
    if (t.op === '>' || t.op === '>>') {
      pending = t.op;
      continue;
    }
    if (words.length === 0 && t.op !== ';')
      return { syntaxError: `syntax error near unexpected token \`${t.op}'` };
    if (words.length === 0) continue;
    finish(t.op === '|');
    after = t.op === '|' ? ';' : t.op;
  }
  if (pending) return { syntaxError: "syntax error near unexpected token `newline'" };
  if (words.length === 0 && after !== ';')
    return { syntaxError: 'syntax error: unexpected end of file' };
  finish(false);
  return out;
}
