/**
 * kubectl explain's default output: the `plaintext` template run over a group version's
 * OpenAPI v3 document, transcribed define by define (kubectl v1.33
 * staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl; its functions `wrap`,
 * `indent`, `resolveRef`, `throw` in pkg/explain/v2/funcs.go). Go templates range over maps in
 * sorted key order, and so do these loops. A `throw` ends the rendering: what the template wrote
 * at its top level before it stays on stdout, the rest (built by `include`) is dropped.
 */
import { wrapString } from '../go-wordwrap.ts';

type Schema = Readonly<Record<string, unknown>>;

/** What the template printed, and the error it threw (kubectl prints it, exit code 1). */
export interface ExplainResult {
  readonly out: string;
  readonly error?: string;
}

/** The resource kubectl resolved: its group, version and plural (a GroupVersionResource). */
export interface Gvr {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

const obj = (v: unknown): Schema | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const sortedKeys = (v: unknown): string[] => Object.keys(obj(v) ?? {}).sort();
const prop = (s: Schema | undefined, key: string): unknown =>
  s !== undefined && Object.hasOwn(s, key) ? s[key] : undefined;
/** Go template truthiness of a JSON value. */
const truthy = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.length > 0
    : v !== null && typeof v === 'object'
      ? Object.keys(v).length > 0
      : Boolean(v);

/** funcs.go indent: every line after a newline padded too. */
function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

/** An additionalProperties that is a schema (not the boolean form). */
const additional = (s: Schema): Schema | undefined => {
  const a = s['additionalProperties'];
  return typeof a === 'boolean' ? undefined : obj(a);
};

class ExplainError extends Error {}

/** One rendering of the template over `doc`. */
class Renderer {
  private readonly doc: Schema;
  private readonly recursive: boolean;

  constructor(doc: Schema, recursive: boolean) {
    this.doc = doc;
    this.recursive = recursive;
  }

  /** funcs.go resolveRef: a `#/…` fragment walked through the document, or undefined. */
  resolveRef(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: Schema | undefined = this.doc;
    for (const k of ref.slice(1).split('/')) {
      if (k === '') continue;
      cur = obj(prop(cur, k));
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  /** define "typeGuess". */
  typeGuess(s: Schema): string {
    const items = obj(s['items']);
    if (items && truthy(items)) return `[]${this.typeGuess(items)}`;
    const add = additional(s);
    if (add && truthy(add)) return `map[string]${this.typeGuess(add)}`;
    const allOf = Array.isArray(s['allOf']) ? (s['allOf'] as unknown[]) : [];
    if (allOf.length === 1 && !truthy(s['properties'])) return this.typeGuess(obj(allOf[0]) ?? {});
    const ref = s['$ref'];
    if (truthy(ref)) {
      const target = this.resolveRef(ref);
      if (!target || !truthy(target['type']) || target['type'] === 'object') {
        const name = str(ref).split('/').at(-1) ?? '';
        return (name.split('.').at(-1) ?? '') || 'Object';
      }
      return str(target['type']) || 'Object';
    }
    if (s['type'] === 'object') return 'Object';
    return str(s['type']) || 'Object';
  }

  /** define "extractEnum". */
  extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
    const values = Array.isArray(s['enum']) ? (s['enum'] as unknown[]) : [];
    if (values.length === 0) return '';
    const max = limit === 0 ? -1 : limit;
    let out = longView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
    for (const [i, v] of values.entries()) {
      if (max > -1 && i >= max) {
        out += ', ....';
        break;
      }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += `\n${indent(4, '')}`;
      out += v === '' ? '""' : typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }

  /** define "description": the schema's, then its allOf's, items' and map values'. */
  description(schema: Schema): string {
    const s = this.resolveRef(schema['$ref']) ?? schema;
    let out = truthy(s['description']) ? `${str(s['description'])}\n` : '';
    for (const sub of Array.isArray(s['allOf']) ? (s['allOf'] as unknown[]) : [])
      out += this.description(obj(sub) ?? {});
    const items = obj(s['items']);
    if (items && truthy(items)) out += this.description(items);
    const add = additional(s);
    if (add && truthy(add)) out += this.description(add);
    return out;
  }

  /** define "externalDocs". */
  externalDocs(s: Schema): string {
    const docs = obj(s['externalDocs']);
    if (!docs || !truthy(docs)) return '';
    let out = 'EXTERNAL DOCS:\n';
    if (truthy(docs['description']))
      out += `${indent(4, wrapString(str(docs['description']), 76))}\n`;
    if (truthy(docs['url'])) out += `${indent(4, `URL: ${str(docs['url'])}`)}\n`;
    return out;
  }

  /** define "fieldDetail": one field of `parent`, in one line when `short`. */
  fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const amount = level * 2;
    const field = obj(prop(obj(parent['properties']), name)) ?? {};
    const required = Array.isArray(parent['required']) && parent['required'].includes(name);
    let out = `${indent(amount, name)}\t<${this.typeGuess(field)}>`;
    if (required) out += ' -required-';
    out += this.extractEnum(field, false, 4, amount);
    out += '\n';
    if (short) return out;
    const text = truthy(field['description']) ? str(field['description']) : '<no description>';
    out += `${indent(amount + 2, wrapString(text, 78 - amount))}\n`;
    const docs = obj(field['externalDocs']);
    if (docs && truthy(docs)) {
      out += `\n${indent(amount + 2, 'EXTERNAL DOCS:')}\n`;
      if (truthy(docs['description']))
        out += `${indent(amount + 4, wrapString(str(docs['description']), 76 - amount))}\n`;
      if (truthy(docs['url'])) out += `${indent(amount + 4, `URL: ${str(docs['url'])}`)}\n`;
    }
    return `${out}\n`;
  }

  /** define "fieldList": the fields of a schema (and of its allOf, items, map values). */
  fieldList(schema: Schema, level: number, history: ReadonlySet<string>): string {
    const ref = str(schema['$ref']);
    if (ref !== '' && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const s = this.resolveRef(ref) ?? schema;
    let out = '';
    const props = obj(s['properties']);
    for (const k of sortedKeys(props)) {
      out += this.fieldDetail(k, s, this.recursive, level);
      if (this.recursive) out += this.fieldList(obj(prop(props, k)) ?? {}, level + 1, next);
    }
    for (const sub of Array.isArray(s['allOf']) ? (s['allOf'] as unknown[]) : [])
      out += this.fieldList(obj(sub) ?? {}, level, next);
    const items = obj(s['items']);
    if (items && truthy(items)) out += this.fieldList(items, level, next);
    const add = additional(s);
    if (add && truthy(add)) out += this.fieldList(add, level, next);
    return out;
  }

  /** define "output": follows the field path, then prints what it reached. */
  output(schema: Schema, path: readonly string[], history: ReadonlySet<string>): string {
    const ref = str(schema['$ref']);
    const next = new Set(history).add(ref);
    const s = this.resolveRef(ref) ?? schema;
    if (path.length === 0) {
      const text = this.description(s) || '<empty>';
      let out = `DESCRIPTION:\n${indent(4, wrapString(text, 76))}\n`;
      const docs = this.externalDocs(s);
      if (docs !== '') out += `\n${docs}`;
      const fields = this.fieldList(s, 1, new Set());
      if (fields !== '') out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref !== '' && history.has(ref)) return '';
    const [first = '', ...rest] = path;
    const props = obj(s['properties']);
    const sub = obj(prop(props, first));
    if (props && truthy(props) && sub && truthy(sub)) {
      let out = '';
      if (path.length === 1)
        out += `FIELD: ${first} <${this.typeGuess(sub)}>\n${this.extractEnum(sub, true, -1)}\n\n`;
      return out + this.output(sub, rest, new Set());
    }
    const items = obj(s['items']);
    if (items && truthy(items)) return this.output(items, path, next);
    const add = additional(s);
    if (add && truthy(add)) return this.output(add, path, next);
    for (const alt of Array.isArray(s['allOf']) ? (s['allOf'] as unknown[]) : []) {
      const out = this.output(obj(alt) ?? {}, path, next);
      if (out !== '') return out;
    }
    return '';
  }

  /** define "schema": the kind's schema found by its GVK, then "output" on it. */
  kindSchema(gvk: Schema, path: readonly string[]): string {
    const schemas = obj(prop(obj(this.doc['components']), 'schemas'));
    for (const name of sortedKeys(schemas)) {
      const s = obj(prop(schemas, name)) ?? {};
      const kinds = s['x-kubernetes-group-version-kind'];
      if (!Array.isArray(kinds) || !kinds.some((k) => sameGvk(obj(k), gvk))) continue;
      const out = this.output(s, path, new Set());
      if (out === '') throw new ExplainError(`error: field "${path.at(-1) ?? ''}" does not exist`);
      return out;
    }
    return '';
  }
}

function sameGvk(a: Schema | undefined, b: Schema): boolean {
  if (!a) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.join() === kb.join() && ka.every((k) => a[k] === b[k]);
}

/** Go's %v of the GVK map: `map[group:apps kind:Deployment version:v1]`. */
const goMap = (m: Schema): string =>
  `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${str(m[k])}`)
    .join(' ')}]`;

/** The kind a path's operation names (the template's search of the four resource paths). */
function findGvk(doc: Schema, gvr: Gvr): Schema | undefined {
  const prefix = gvr.group === '' ? '/api' : `/apis/${gvr.group}`;
  const base = `${prefix}/${gvr.version}`;
  const searches = [
    `${base}/${gvr.resource}`,
    `${base}/${gvr.resource}/{name}`,
    `${base}/namespaces/{namespace}/${gvr.resource}`,
    `${base}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  const paths = obj(doc['paths']);
  let gvk: unknown;
  for (const p of searches) {
    const element = obj(prop(paths, p));
    if (!element || !truthy(element)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = obj(prop(element, method));
      if (!op || !truthy(op)) continue;
      gvk = op['x-kubernetes-group-version-kind'];
      if (truthy(gvk)) break;
    }
  }
  return truthy(gvk) ? obj(gvk) : undefined;
}

/** The plaintext explanation of `gvr` (and `path` inside it) from its group version's document. */
export function renderExplain(
  doc: Schema,
  gvr: Gvr,
  path: readonly string[],
  recursive: boolean,
): ExplainResult {
  const gvk = findGvk(doc, gvr);
  if (!gvk)
    return {
      out: '',
      error: `error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`,
    };
  let out = '';
  if (truthy(gvk['group'])) out += `GROUP:      ${str(gvk['group'])}\n`;
  out += `KIND:       ${str(gvk['kind'])}\nVERSION:    ${str(gvk['version'])}\n\n`;
  let body: string;
  try {
    body = new Renderer(doc, recursive).kindSchema(gvk, path);
  } catch (error) {
    if (error instanceof ExplainError) return { out, error: error.message };
    throw error;
  }
  if (body === '') return { out, error: `error: GVK ${goMap(gvk)} not found in OpenAPI schema` };
  return { out: `${out}${body}\n` };
}
