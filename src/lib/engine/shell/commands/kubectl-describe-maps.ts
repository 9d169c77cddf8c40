import { getObject, listObjects, type ApiObject } from '../../src/index.ts';
import type { Invocation } from '../types.ts';

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

/**
 * DescribeObjects over the named objects (every one of the namespace without names): each text,
 * separated by blank lines; NotFound for a missing name. Returns the exit code.
 */
export function describeEach(
  inv: Invocation,
  resource: string,
  ns: string | null,
  names: readonly string[],
  text: (o: ApiObject) => string,
): number {
  const state = inv.ctx.state;
  const found =
    names.length > 0
      ? names.map((n) => getObject(state, resource, ns, n) ?? n)
      : listObjects(state, resource, ns ?? undefined);
  let code = 0;
  const texts: string[] = [];
  for (const obj of found) {
    if (typeof obj === 'string') {
      inv.io.err(`Error from server (NotFound): ${resource} "${obj}" not found`);
      code = 1;
    } else texts.push(text(obj));
  }
  if (texts.length > 0) inv.io.out(texts.join('\n\n\n'));
  return code;
}
