/**
 * describe.go's printLabelsMultiline / printAnnotationsMultiline: the first entry on the title
 * line, the others indented by a tab, `<none>` when empty (keys sorted).
 */

/** The lines of a labels (`=`) or annotations (`: `) map under `title`. */
export function multiline(
  title: string,
  map: Readonly<Record<string, unknown>>,
  sep: string,
): string[] {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${String(map[k])}`);
}
