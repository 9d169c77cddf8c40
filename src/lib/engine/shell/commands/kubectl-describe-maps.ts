import type { ApiObject } from '../../src/index.ts';
import { o, arr, text, type Obj } from './kubectl-describe-fields.ts';

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

/** The annotation printAnnotationsMultiline never shows (skipAnnotations). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** maxAnnotationLen: longer values (and multi-line ones) go on lines of their own. */
const MAX_ANNOTATION = 140;

/**
 * printAnnotationsMultiline: sorted, without the last-applied configuration; a value longer
 * than 140 characters with its key (or with a newline) is printed under the key, each line cut
 * at 138 characters with `...`.
 */
export function annotationLines(title: string, map: Readonly<Record<string, unknown>>): string[] {
  const keys = Object.keys(map)
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  const lines: string[] = [];
  keys.forEach((k, i) => {
    const lead = i === 0 ? `${title}:\t` : '\t';
    const value = text(map[k]).replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      lines.push(`${lead}${k}:`);
      for (const s of value.split('\n'))
        lines.push(
          `\t  ${s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s}`,
        );
    } else lines.push(`${lead}${k}: ${value}`);
  });
  return lines;
}

/**
 * printTolerationsMultilineWithIndent under `title`: sorted by key, `key=value:Effect`,
 * ` op=Exists` for a value-less Exists, ` for Ns` with tolerationSeconds.
 */
export function tolerationLines(title: string, tolerations: readonly Obj[]): string[] {
  if (tolerations.length === 0) return [`${title}:\t<none>`];
  // sort.Slice is not stable; with distinct keys (or the small lists Pods have) it keeps order.
  const sorted = [...tolerations].sort((a, b) =>
    text(a['key']) < text(b['key']) ? -1 : text(a['key']) > text(b['key']) ? 1 : 0,
  );
  return sorted.map((t, i) => {
    let s = text(t['key']);
    if (text(t['value']) !== '') s += `=${text(t['value'])}`;
    if (text(t['effect']) !== '') s += `:${text(t['effect'])}`;
    if (t['operator'] === 'Exists' && text(t['value']) === '')
      s += text(t['key']) !== '' || text(t['effect']) !== '' ? ' op=Exists' : 'op=Exists';
    if (typeof t['tolerationSeconds'] === 'number') s += ` for ${t['tolerationSeconds']}s`;
    return `${i === 0 ? `${title}:` : ''}\t${s}`;
  });
}

/**
 * LabelSelectorAsSelector(selector).String(): matchLabels as `k=v` and matchExpressions as
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, sorted by key (empty for no selector).
 */
export function selectorText(selector: unknown): string {
  const s = o(selector);
  const labels = o(s['matchLabels']);
  const reqs: Array<{ key: string; text: string }> = Object.keys(labels).map((k) => ({
    key: k,
    text: `${k}=${text(labels[k])}`,
  }));
  for (const e of arr(s['matchExpressions'])) {
    const key = text(e['key']);
    const values = arr(e['values']).map(text).sort().join(',');
    const op = text(e['operator']);
    reqs.push({
      key,
      text:
        op === 'In'
          ? `${key} in (${values})`
          : op === 'NotIn'
            ? `${key} notin (${values})`
            : op === 'Exists'
              ? key
              : `!${key}`,
    });
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector's text, `<none>` when it is empty. */
export function formatLabelSelector(selector: unknown): string {
  const s = selectorText(selector);
  return s === '' ? '<none>' : s;
}

/** labels.FormatLabels: `k=v,k2=v2` sorted, `<none>` for an empty map. */
export function formatLabels(map: Readonly<Record<string, unknown>>): string {
  const s = Object.keys(map)
    .sort()
    .map((k) => `${k}=${text(map[k])}`)
    .join(',');
  return s === '' ? '<none>' : s;
}

/** printController: `Controlled By:\tKind/name` of the controller owner, when there is one. */
export function controlledByLines(object: ApiObject): string[] {
  const ref = object.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? [`Controlled By:\t${ref.kind}/${ref.name}`] : [];
}
