/**
 * Splits a script file into command lines: blank lines and `#` comments are skipped, lines ending
 * in `\` continue on the next line, and so do open compound commands, quotes and here-documents
 * (`for … do` up to `done`).
 */

import { isCompleteInput } from '../shell/index.ts';

/** The command lines of `text`, continuations kept (the shell removes `\`+newline). */
export function scriptLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? `${pending}\n${raw}` : raw;
    if (/(^|[^\\])(\\\\)*\\$/.test(raw) || (line.trim() !== '' && !isCompleteInput(line))) {
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
