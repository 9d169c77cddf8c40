/**
 * The three patch types the API server applies to an object (PATCH with content types
 * application/merge-patch+json, application/strategic-merge-patch+json,
 * application/json-patch+json): RFC 7386 JSON merge patch; the strategic merge patch, which
 * merges lists that declare a patch merge key (containers by name, …) instead of replacing them
 * and honours the `$patch`, `$setElementOrder`, `$retainKeys` and `$deleteFromPrimitiveList`
 * directives; RFC 6902 JSON patch. Pure functions of JSON values.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatch per type),
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go, the `patchMergeKey` tags of
 * staging/src/k8s.io/api/core/v1/types.go, github.com/evanphx/json-patch (merge.go, patch.go).
 */

type Obj = Record<string, unknown>;

/** The patch types kubectl's `--type` names. */
export type PatchType = 'json' | 'merge' | 'strategic';

/** A patched value, or why the patch could not apply (the API server's message). */
export type PatchResult = { ok: true; value: unknown } | { ok: false; message: string };

/** A JSON value as text (patch operation fields are strings). */
const asText = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * The merge key of a list field in the strategic merge patch (the `patchMergeKey` tags of the
 * core and apps types); lists without one are replaced whole (taints, args, finalizers …).
 */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
};

/** Lists of primitives the strategic patch merges as sets (`patchStrategy:"merge"`). */
const MERGED_PRIMITIVES = new Set(['finalizers']);

function strategicList(field: string, target: unknown, patch: readonly unknown[]): unknown[] {
  const key = MERGE_KEYS[field];
  const base = Array.isArray(target) ? [...(target as unknown[])] : [];
  if (key === undefined) {
    if (!MERGED_PRIMITIVES.has(field)) return patch.filter((v) => !isObj(v) || !('$patch' in v));
    return [...base, ...patch.filter((v) => !base.includes(v))];
  }
  if (patch.some((v) => isObj(v) && v['$patch'] === 'replace'))
    return patch.filter((v) => !(isObj(v) && v['$patch'] === 'replace'));
  let out = base;
  for (const item of patch) {
    if (!isObj(item)) continue;
    const at = out.findIndex((o) => isObj(o) && o[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out = out.filter((_, i) => i !== at);
      continue;
    }
    if (at >= 0) out[at] = strategicPatch(out[at], item);
    else out = [...out, strategicPatch({}, item)];
  }
  return out;
}

/** Strategic merge patch (strategicpatch.StrategicMergePatch) over the fields' merge keys. */
export function strategicPatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const { $patch: _replace, ...rest } = patch;
    return rest;
  }
  if (patch['$patch'] === 'delete') return undefined;
  const out: Obj = isObj(target) ? { ...target } : {};
  const retain = patch['$retainKeys'];
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(v) ? v : [];
      const list = out[field];
      if (Array.isArray(list)) out[field] = list.filter((x: unknown) => !drop.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = strategicList(k, out[k], v);
    else if (isObj(v)) {
      const merged = strategicPatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  if (Array.isArray(retain))
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

/** RFC 6901 pointer tokens. */
function pointer(path: string): string[] | null {
  if (path === '') return [];
  if (!path.startsWith('/')) return null;
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function clone(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function getAt(doc: unknown, tokens: readonly string[]): unknown {
  let v = doc;
  for (const t of tokens) {
    if (Array.isArray(v)) v = v[Number(t)];
    else if (isObj(v)) v = v[t];
    else return undefined;
  }
  return v;
}

/**
 * Applies one add/remove/replace at `tokens` of a cloned document; the error text of
 * evanphx/json-patch v5 (as kubectl v1.32.4 prints it) when it cannot.
 */
function edit(
  doc: unknown,
  tokens: readonly string[],
  op: 'add' | 'remove' | 'replace',
  path: string,
  value?: unknown,
): string | null {
  const parent = getAt(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1] ?? '';
  const missingPath = `${op} operation does not apply: doc is missing path: "${path}": missing value`;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    const bad = !Number.isInteger(i) || i < 0 || i > parent.length;
    if (bad || (op !== 'add' && i >= parent.length))
      return op === 'remove'
        ? `error in remove for path: '${path}': Unable to access invalid index: ${last}: invalid index referenced`
        : missingPath;
    if (op === 'add') parent.splice(i, 0, value);
    else if (op === 'remove') parent.splice(i, 1);
    else parent[i] = value;
    return null;
  }
  if (!isObj(parent)) return missingPath;
  if (op === 'remove') {
    if (!(last in parent))
      return `error in remove for path: '${path}': Unable to remove nonexistent key: ${last}: missing value`;
    delete parent[last];
  } else parent[last] = value;
  return null;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test), as evanphx/json-patch applies it. */
export function jsonPatch(target: unknown, patch: unknown): PatchResult {
  if (!Array.isArray(patch))
    return {
      ok: false,
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    };
  let doc = clone(target);
  for (const raw of patch) {
    const op = isObj(raw) ? raw : {};
    const kind = asText(op['op']);
    const text = asText(op['path']);
    const path = pointer(text);
    if (path === null) return { ok: false, message: `invalid JSON Pointer: ${text}` };
    if (kind === 'test') {
      if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(op['value']))
        return { ok: false, message: `testing value ${text} failed: test failed` };
      continue;
    }
    if (kind === 'move' || kind === 'copy') {
      const fromText = asText(op['from']);
      const from = pointer(fromText);
      const value = from === null ? undefined : clone(getAt(doc, from));
      if (from === null || value === undefined)
        return {
          ok: false,
          message: `${kind} operation does not apply: doc is missing from path: "${fromText}": missing value`,
        };
      const failed =
        (kind === 'move' ? edit(doc, from, 'remove', fromText) : null) ??
        edit(doc, path, 'add', text, value);
      if (failed !== null) return { ok: false, message: failed };
      continue;
    }
    if (kind !== 'add' && kind !== 'remove' && kind !== 'replace')
      return { ok: false, message: `Unexpected kind: ${kind}` };
    if (path.length === 0) {
      doc = kind === 'remove' ? null : clone(op['value']);
      continue;
    }
    const failed = edit(doc, path, kind, text, clone(op['value']));
    if (failed !== null) return { ok: false, message: failed };
  }
  return { ok: true, value: doc };
}

/** Applies a patch of `type` to an object, as the API server's PATCH handler does. */
export function applyPatch(target: unknown, type: PatchType, patch: unknown): PatchResult {
  if (type === 'json') return jsonPatch(target, patch);
  if (!isObj(patch))
    return {
      ok: false,
      message: 'json: cannot unmarshal array into Go value of type unstructured.detector',
    };
  return {
    ok: true,
    value: type === 'merge' ? mergePatch(target, patch) : strategicPatch(target, patch),
  };
}
