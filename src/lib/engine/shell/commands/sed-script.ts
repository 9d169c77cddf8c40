/**
 * GNU sed scripts: commands separated by newlines or `;`, each with up to two addresses (a line
 * number, `$`, `/regexp/` or `\cregexpc` with `I`, `first~step`) and `!`; the commands
 * `s///[gpI N]`, `d`, `p`, `q`, `Q`, `=`, `y///`, `a`/`i`/`c` (one-liner and `a\` forms), `n`,
 * `N`, `{…}`. Errors carry GNU's `-e expression #N, char M:` position.
 *
 * upstream: GNU sed 4.9 sed/compile.c (compile_program, compile_address, match_slash,
 * mark_subst_opts, bad_prog messages: "unknown command", "unterminated `s' command",
 * "unknown option to `s'", "unmatched `{'", "unexpected `}'", "missing command",
 * "extra characters after command", "expected \ after `a', `c' or `i'").
 */

/** An address: a line, the last line, a pattern, or first~step. */
export type SedAddress =
  | { readonly kind: 'line'; readonly n: number }
  | { readonly kind: 'last' }
  | { readonly kind: 'regex'; readonly pattern: string; readonly ignoreCase: boolean }
  | { readonly kind: 'step'; readonly first: number; readonly step: number };

/** One command with its addresses. */
export interface SedCommand {
  readonly a1?: SedAddress;
  readonly a2?: SedAddress;
  readonly negate: boolean;
  readonly name: string;
  /** s: pattern, replacement, flags; y: from, to; a/i/c: text; {: index of the matching }. */
  readonly pattern?: string;
  readonly replacement?: string;
  readonly global?: boolean;
  readonly print?: boolean;
  readonly ignoreCase?: boolean;
  readonly occurrence?: number;
  readonly text?: string;
  blockEnd?: number;
}

/** A parse error in GNU's words. */
export class SedError extends Error {}

/** Reads a delimited part starting after the delimiter; `\d` is a literal delimiter. */
function delimited(src: string, at: number, d: string): { text: string; next: number } | null {
  let text = '';
  for (let i = at; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (ch === '\\' && src[i + 1] === d) {
      text += d;
      i++;
    } else if (ch === '\\' && i + 1 < src.length) {
      text += ch + (src[i + 1] ?? '');
      i++;
    } else if (ch === d) return { text, next: i + 1 };
    else if (ch === '\n' && d !== '\n') return null;
    else text += ch;
  }
  return null;
}

/** Parses one expression (the text of one -e, or the script); appends its commands. */
export function parseSed(src: string, expr: number, out: SedCommand[], opened: number[]): void {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SedError(`sed: -e expression #${expr}, char ${at}: ${message}`);
  };
  const skipSpace = (): void => {
    while (src[i] === ' ' || src[i] === '\t') i++;
  };
  const address = (): SedAddress | undefined => {
    const c = src[i];
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c !== undefined && /\d/.test(c)) {
      let n = '';
      while (/\d/.test(src[i] ?? '')) n += src[i++];
      if (src[i] === '~') {
        i++;
        let step = '';
        while (/\d/.test(src[i] ?? '')) step += src[i++];
        return { kind: 'step', first: Number(n), step: Number(step || '0') };
      }
      if (Number(n) === 0) fail('invalid usage of line address 0');
      return { kind: 'line', n: Number(n) };
    }
    if (c === '/' || c === '\\') {
      const d = c === '\\' ? (src[++i] ?? '') : '/';
      const part = delimited(src, i + 1, d);
      if (!part) return fail('unterminated address regex', src.length);
      i = part.next;
      const ignoreCase = src[i] === 'I';
      if (ignoreCase) i++;
      return { kind: 'regex', pattern: part.text, ignoreCase };
    }
    return undefined;
  };
  while (i < src.length) {
    while (i < src.length && /[\s;]/.test(src[i] ?? '')) i++;
    if (i >= src.length) break;
    if (src[i] === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const a1 = address();
    let a2: SedAddress | undefined;
    if (a1 && src[i] === ',') {
      i++;
      a2 = address();
      if (!a2) fail("unexpected `,'");
    }
    skipSpace();
    let negate = false;
    while (src[i] === '!') {
      negate = true;
      i++;
      skipSpace();
    }
    const name = src[i++];
    if (name === undefined) return fail('missing command', src.length);
    const base = { ...(a1 ? { a1 } : {}), ...(a2 ? { a2 } : {}), negate, name };
    const end = (): void => {
      skipSpace();
      if (i < src.length && !/[;\n}#]/.test(src[i] ?? ''))
        fail('extra characters after command', i + 1);
    };
    switch (name) {
      case '{':
        opened.push(out.length);
        out.push(base);
        break;
      case '}': {
        if (a1) fail("} doesn't want any addresses");
        const open = opened.pop();
        if (open === undefined) fail("unexpected `}'");
        const block = out[open ?? 0];
        if (block) block.blockEnd = out.length;
        out.push(base);
        end();
        break;
      }
      case 'd':
      case 'D':
      case 'p':
      case 'P':
      case '=':
      case 'n':
      case 'N':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
        out.push(base);
        end();
        break;
      case 'q':
      case 'Q':
        out.push(base);
        while (/\d/.test(src[i] ?? '')) i++;
        end();
        break;
      case 'a':
      case 'i':
      case 'c': {
        skipSpace();
        if (src[i] === '\\') {
          i++;
          if (src[i] === '\n') i++;
        }
        let text = '';
        while (i < src.length && src[i] !== '\n') {
          if (src[i] === '\\' && i + 1 < src.length) i++;
          text += src[i++];
        }
        if (text === '' && i >= src.length) fail("expected \\ after `a', `c' or `i'");
        out.push({ ...base, text });
        break;
      }
      case 's':
      case 'y': {
        const d = src[i] ?? '';
        if (d === '' || d === '\n' || d === '\\') fail(`unterminated \`${name}' command`);
        const p1 = delimited(src, i + 1, d);
        const p2 = p1 ? delimited(src, p1.next, d) : null;
        if (!p1 || !p2) return fail(`unterminated \`${name}' command`, src.length);
        i = p2.next;
        if (name === 'y') {
          out.push({ ...base, pattern: p1.text, replacement: p2.text });
          end();
          break;
        }
        let global = false;
        let print = false;
        let ignoreCase = false;
        let occurrence = 1;
        while (i < src.length && !/[;\n}#\s]/.test(src[i] ?? '')) {
          const f = src[i++] ?? '';
          if (f === 'g') global = true;
          else if (f === 'p') print = true;
          else if (f === 'I' || f === 'i') ignoreCase = true;
          else if (/\d/.test(f)) {
            let n = f;
            while (/\d/.test(src[i] ?? '')) n += src[i++];
            occurrence = Number(n);
          } else fail("unknown option to `s'");
        }
        out.push({
          ...base,
          pattern: p1.text,
          replacement: p2.text,
          global,
          print,
          ignoreCase,
          occurrence,
        });
        end();
        break;
      }
      default:
        fail(`unknown command: \`${name}'`);
    }
  }
}
