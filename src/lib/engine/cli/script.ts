/**
 * Splits a script file into command lines: blank lines and `#` comments are skipped, lines ending
 * in `\` continue on the next line.
 */

/** The command lines of `text`, continuations kept (the shell removes `\`+newline). */
export function scriptLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? `${pending}\n${raw}` : raw;
    if (/(^|[^\\])(\\\\)*\\$/.test(raw)) {
      pending = line;
      continue;
    }
    pending = '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    out.push(line);
  }
  if (pending.trim() !== '') out.push(pending);
  return out;
}
