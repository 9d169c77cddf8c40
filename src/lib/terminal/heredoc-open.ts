/**
 * Whether lines typed so far end inside a here-document (`cat <<EOF > f` … up to the line `EOF`),
 * so the terminal keeps reading lines with the `> ` prompt, as bash does, and sends the whole
 * heredoc to the engine as one command (the engine's interpreter reads it: shell/bash/heredocs.ts).
 */

const OPERATOR = /<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

/** True when `lines` (the first holds the command) open a heredoc whose delimiter line is missing. */
export function heredocOpen(lines: readonly string[]): boolean {
  const first = lines[0] ?? '';
  const match = OPERATOR.exec(first);
  if (!match || quotedAt(first, match.index)) return false;
  const stripTabs = match[1] === '-';
  const word = match[3] ?? '';
  return !lines.slice(1).some((line) => (stripTabs ? line.replace(/^\t+/, '') : line) === word);
}

/** Whether `index` in `text` lies inside single or double quotes. */
function quotedAt(text: string, index: number): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
  }
  return single || double;
}
