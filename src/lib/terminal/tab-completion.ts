/**
 * What Tab does with the engine's completions of the word before the cursor, as bash's readline:
 * a single choice is completed with a space after it (none after a directory's `/`), several are
 * completed to their longest common prefix, and a second Tab with nothing left to add lists them
 * in columns. Pure, for the line discipline (line-discipline.ts).
 */

/** Text to insert at the cursor, choices to list, or nothing to do. */
export type TabAction = { readonly insert: string } | { readonly list: string } | undefined;

/** The longest prefix every word shares. */
function commonPrefix(words: readonly string[]): string {
  let common = words[0] ?? '';
  for (const word of words) while (!word.startsWith(common)) common = common.slice(0, -1);
  return common;
}

/** Lays words out in columns across `width` terminal columns; rows end with `\r\n` between them. */
export function columns(words: readonly string[], width: number): string {
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(Math.max(1, width) / cell));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow)
    rows.push(
      words
        .slice(i, i + perRow)
        .map((w) => w.padEnd(cell))
        .join('')
        .trimEnd(),
    );
  return rows.join('\r\n');
}

/**
 * What Tab number `tabs` in a row does for `word` given its `candidates` (whole words), on a
 * terminal `width` columns wide.
 */
export function tabAction(
  word: string,
  candidates: readonly string[],
  tabs: number,
  width: number,
): TabAction {
  const options = candidates.filter((c) => c.startsWith(word));
  if (options.length === 0) return undefined;
  const common = commonPrefix(options);
  if (options.length === 1)
    return { insert: common.slice(word.length) + (common.endsWith('/') ? '' : ' ') };
  if (common.length > word.length) return { insert: common.slice(word.length) };
  return tabs >= 2 ? { list: columns(options, width) } : undefined;
}
