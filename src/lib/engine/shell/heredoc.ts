/**
 * Here-documents (`cat <<EOF > file … EOF`): the whole heredoc arrives as ONE line passed to
 * `session.run` (the doc-test runner and the terminal keep it together). This splits it into the
 * command line and the body that becomes the first command's stdin, the way bash does.
 */

/** A command line with its here-document removed. */
export interface HeredocSplit {
  /** The command line without the `<<WORD` operator. */
  readonly line: string;
  /** The here-document body (with a trailing newline), or null when there is none. */
  readonly body: string | null;
  /** True when the delimiter was unquoted, so `$VAR` in the body is expanded. */
  readonly expand: boolean;
  /** bash's warning when the terminator line is missing. */
  readonly warning: string | null;
}

const OPERATOR = /<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

/** Splits `input` into the command line and its here-document body (bash semantics, one heredoc). */
export function splitHeredoc(input: string): HeredocSplit {
  const newline = input.indexOf('\n');
  const first = newline < 0 ? input : input.slice(0, newline);
  const match = OPERATOR.exec(first);
  if (!match || isQuoted(first, match.index))
    return { line: input, body: null, expand: false, warning: null };
  const stripTabs = match[1] === '-';
  const quoted = match[2] !== '';
  const word = match[3] ?? '';
  const line =
    `${first.slice(0, match.index)}${first.slice(match.index + match[0].length)}`.trimEnd();
  const rest = newline < 0 ? [] : input.slice(newline + 1).split('\n');
  const body: string[] = [];
  let terminated = false;
  let after: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i] ?? '';
    const text = stripTabs ? raw.replace(/^\t+/, '') : raw;
    if (text === word) {
      terminated = true;
      after = rest.slice(i + 1);
      break;
    }
    body.push(text);
  }
  const trailing = after.join('\n').trim();
  return {
    line: trailing ? `${line}\n${trailing}` : line,
    body: body.length > 0 ? `${body.join('\n')}\n` : '',
    expand: !quoted,
    warning: terminated
      ? null
      : `bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${word}')`,
  };
}

function isQuoted(text: string, index: number): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
  }
  return single || double;
}

/** Expands `$NAME` and `${NAME}` in an unquoted here-document body. */
export function expandHeredoc(body: string, env: Readonly<Record<string, string>>): string {
  return body.replace(
    /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, a?: string, b?: string) => (m === '\\$' ? '$' : (env[a ?? b ?? ''] ?? '')),
  );
}
