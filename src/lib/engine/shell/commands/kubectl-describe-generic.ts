/**
 * The describer kubectl falls back to for a kind without one of its own (Leases,
 * CustomResourceDefinitions and custom resources, FlowSchemas, webhook configurations…): name,
 * namespace, labels and annotations, then every other field of the object, sorted, with
 * "smart" labels (`apiVersion` → `API Version`), and the Events about it.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (GenericDescriberFor,
 * genericDescriber.Describe, printUnstructuredContent, smartLabelFor),
 * github.com/fatih/camelcase (Split).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { describedText, refOf } from './kubectl-describe-events.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import { type Obj } from './kubectl-describe-fields.ts';

const SKIP = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
];
const ACRONYMS = ['API', 'URL', 'UID', 'GUID'];

/** camelcase.Split: runs of one character class, an upper run's last letter moved to a lower run. */
function camelSplit(s: string): string[] {
  const cls = (c: string): number =>
    /\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1]?.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (cls(cur[0] ?? '') === 2 && cls(next[0] ?? '') === 1) {
      next.unshift(cur.pop() ?? '');
    }
  }
  return runs.map((r) => r.join('')).filter((r) => r !== '');
}

/** smartLabelFor: `resourceVersion` → `Resource Version`, `uid` → `UID`; odd names unchanged. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  const parts = camelSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    const allUpper = [...part].every((c) => !/\p{L}/u.test(c) || /\p{Lu}/u.test(c));
    if (next !== undefined && part.length >= 2 && allUpper && /^\p{Lu}/u.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) =>
      ACRONYMS.includes(p.toUpperCase())
        ? p.toUpperCase()
        : p.toLowerCase() === p
          ? p.charAt(0).toUpperCase() + p.slice(1)
          : p,
    )
    .join(' ');
}

/** Go's %v of a JSON value: scalars as text, a list as `[a b]`. */
function scalar(v: unknown): string {
  if (Array.isArray(v)) return `[${(v as unknown[]).map(scalar).join(' ')}]`;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '<nil>' : `map[${Object.keys(v).sort().join(' ')}]`;
}

/** printUnstructuredContent: sorted fields, maps and lists one level deeper. */
function contentLines(level: number, content: Obj, prefix: string): string[] {
  const pad = '  '.repeat(level);
  const lines: string[] = [];
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.includes(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      lines.push(`${pad}${smartLabel(field)}:`);
      for (const child of value as unknown[])
        lines.push(
          ...(child !== null && typeof child === 'object' && !Array.isArray(child)
            ? contentLines(level + 1, child as Obj, path)
            : [`${pad}  ${scalar(child)}`]),
        );
    } else if (value !== null && typeof value === 'object') {
      lines.push(`${pad}${smartLabel(field)}:`, ...contentLines(level + 1, value as Obj, path));
    } else lines.push(`${pad}${smartLabel(field)}:\t${scalar(value)}`);
  }
  return lines;
}

/** genericDescriber's text; `showEvents` false leaves the Events out. */
export function genericText(state: ClusterState, obj: ApiObject, showEvents: boolean): string {
  const lines = [
    `Name:\t${obj.metadata.name}`,
    `Namespace:\t${obj.metadata.namespace ?? ''}`,
    ...multiline('Labels', obj.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', obj.metadata.annotations ?? {}),
    ...contentLines(0, obj, ''),
  ];
  return describedText(state, lines, showEvents ? refOf(obj) : null);
}
