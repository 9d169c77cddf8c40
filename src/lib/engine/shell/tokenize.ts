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

/** Lexes `input`; returns tokens, or a bash-style syntax error message. */
export function tokenize(input: string): Token[] | SyntaxProblem {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let lit = '';
  let inWord = false;
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
    const rest = input.slice(i + 1);
    if (rest.startsWith('(')) {
      let depth = 1;
      let j = i + 2;
      while (j < input.length && depth > 0) {
        if (input[j] === '(') depth++;
        else if (input[j] === ')') depth--;
        j++;
      }
      if (depth > 0) return null;
      return { part: { kind: 'cmd', text: input.slice(i + 2, j - 1) }, next: j };
    }
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced)
      return { part: { kind: 'var', name: braced[1] ?? '' }, next: i + 1 + braced[0].length };
    const plain = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(rest);
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
