/**
 * The three-way strategic merge patch `kubectl apply` sends
 * (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch,
 * v1.33): the changes from the live object to the new configuration (fields the configuration
 * does not name are left alone, so server defaults survive), plus the deletions from the last
 * applied configuration to the new one (fields the reader removed become null). Lists with a
 * patch merge key are diffed item by item (containers by name …); other lists are replaced when
 * the configuration's items are not already what the live list holds.
 */
import { MERGE_KEYS } from './patch.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when every field `want` names holds the same value in `have` (lists item by item). */
function covers(want: unknown, have: unknown): boolean {
  if (isObj(want)) return isObj(have) && Object.entries(want).every(([k, v]) => covers(v, have[k]));
  if (Array.isArray(want))
    return (
      Array.isArray(have) && want.length === have.length && want.every((v, i) => covers(v, have[i]))
    );
  return want === have;
}

/** The patch that turns `current` into something `modified` covers; undefined when it already is. */
function changes(field: string, modified: unknown, current: unknown): unknown {
  if (isObj(modified) && isObj(current)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(modified)) {
      const c = changes(k, v, current[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const key = MERGE_KEYS[field];
  if (key !== undefined && Array.isArray(modified) && Array.isArray(current)) {
    const items: unknown[] = [];
    for (const item of modified) {
      const live: unknown = isObj(item)
        ? (current as unknown[]).find((o) => isObj(o) && o[key] === item[key])
        : undefined;
      if (live === undefined || !isObj(item)) {
        items.push(item);
        continue;
      }
      const c = changes('', item, live);
      if (c !== undefined) items.push({ ...(c as Obj), [key]: item[key] });
    }
    return items.length > 0 ? items : undefined;
  }
  return covers(modified, current) ? undefined : modified;
}

/** null for every field the last configuration had, the new one drops and the live object holds. */
function deletions(original: unknown, modified: unknown, current: unknown): Obj {
  const out: Obj = {};
  if (!isObj(original) || !isObj(modified) || !isObj(current)) return out;
  for (const [k, v] of Object.entries(original)) {
    if (!(k in modified)) {
      if (k in current) out[k] = null;
    } else if (isObj(v)) {
      const sub = deletions(v, modified[k], current[k]);
      if (Object.keys(sub).length > 0) out[k] = sub;
    }
  }
  return out;
}

function mergeInto(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const have = out[k];
    out[k] = isObj(have) && isObj(v) ? mergeInto(have, v) : v;
  }
  return out;
}

/**
 * CreateThreeWayMergePatch(original, modified, current): `{}` when the live object already is
 * what the configuration says (kubectl then prints `unchanged`).
 */
export function threeWayPatch(original: unknown, modified: Obj, current: object): Obj {
  const changed = (changes('', modified, current) ?? {}) as Obj;
  return mergeInto(changed, deletions(original, modified, current));
}
