/**
 * `node scripts/generate-openapi.ts`: writes src/lib/engine/src/openapi/schemas-data.ts, the
 * OpenAPI v3 component schemas of the kinds the simulator serves (and every type they
 * reference), for `kubectl explain` and the served `/openapi/v3` documents.
 *
 * Source: the npm packages `kubernetes-models@4.5.0` ("Update schema version to v1.33.0", its
 * CHANGELOG) and `@kubernetes-models/apimachinery@2.1.0`, pinned devDependencies generated from
 * Kubernetes v1.33.0's OpenAPI spec. Their `.d.ts` files carry each definition's and field's
 * description (JSDoc), the field names, which fields are optional and the references between
 * definitions; their compiled JSON-schema validators (`_schemas/*.js`) are asked, by validating
 * probe values, what they check: integer or number (and int32), the enum values and their order,
 * the required list and its order. Nothing here is written by hand except the v3 shapes
 * kube-openapi gives the apimachinery scalar types (below, with their upstream sources).
 *
 * The package's JSDoc puts a backslash before every `*` of a description; the generator takes it out.
 *
 * The output is the v3 form kube-apiserver serves (kube-openapi pkg/builder3): a field that
 * references a definition and has its own description wraps the `$ref` in `allOf`;
 * `x-kubernetes-group-version-kind` marks the kinds.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { RESOURCE_CATALOG } from '../src/lib/engine/src/store/catalog.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'src/lib/engine/src/openapi/schemas-data.ts');
const require = createRequire(join(ROOT, 'package.json'));
const MODELS = dirname(require.resolve('kubernetes-models/package.json'));
const APIMACHINERY = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const version = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const SOURCE = `kubernetes-models@${version(MODELS)} and @kubernetes-models/apimachinery@${version(APIMACHINERY)}, generated from Kubernetes v1.33.0's OpenAPI spec`;

/**
 * The kinds whose schemas are served: every version of every resource of the simulator's catalog
 * (src/lib/engine/src/store/catalog.ts) that kubernetes-models has a model of, as its file.
 */
const KINDS = RESOURCE_CATALOG.flatMap((r) =>
  r.versions.map((v) => `${r.group === '' ? '' : `${r.group}/`}${v.version}/${r.kind}`),
).filter((k, i, all) => all.indexOf(k) === i && existsSync(join(MODELS, `${k}.d.ts`)));

/** The packages' camel-case definition ids, back to the OpenAPI names, outside io.k8s.api. */
const PREFIXES: readonly (readonly [string, string])[] = [
  [
    'IoK8sApiextensionsApiserverPkgApisApiextensionsV1',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
  ],
  [
    'IoK8sKubeAggregatorPkgApisApiregistrationV1',
    'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1',
  ],
  ['IoK8sApimachineryPkgApisMetaV1', 'io.k8s.apimachinery.pkg.apis.meta.v1'],
  ['IoK8sApimachineryPkgApiResource', 'io.k8s.apimachinery.pkg.api.resource'],
  ['IoK8sApimachineryPkgUtilIntstr', 'io.k8s.apimachinery.pkg.util.intstr'],
  ['IoK8sApimachineryPkgRuntime', 'io.k8s.apimachinery.pkg.runtime'],
];

/** `IoK8sApiAppsV1Deployment` → `io.k8s.api.apps.v1.Deployment` (one word per API package). */
function openApiName(id: string): string {
  for (const [camel, dotted] of PREFIXES)
    if (id.startsWith(camel) && /^[A-Z]/.test(id.slice(camel.length)))
      return `${dotted}.${id.slice(camel.length)}`;
  const m = /^IoK8sApi([A-Z][a-z]+)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(id);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`no OpenAPI name for ${id}`);
  return `io.k8s.api.${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}`;
}

/**
 * The apimachinery scalars, as kube-openapi's v3 builder publishes them: Time and MicroTime are
 * date-time strings (apimachinery pkg/apis/meta/v1 time.go, micro_time.go OpenAPISchemaType /
 * OpenAPISchemaFormat); IntOrString and Quantity are `oneOf` (intstr.go and quantity.go
 * OpenAPIV3OneOfTypes), which is why explain names them `<IntOrString>` / `<Quantity>`.
 */
const SCALARS: Readonly<Record<string, object>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
};

type Schema = Record<string, unknown>;
interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** A definition's file: its .d.ts, the package it is in and its camel-case id. */
interface DefFile {
  readonly dts: string;
  readonly pkg: string;
  readonly id: string;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** The text of a JSDoc comment, as the generator wrote the description into it. */
function jsdoc(text: string, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const last = ranges.at(-1);
  if (!last) return undefined;
  const raw = text.slice(last.pos, last.end);
  if (!raw.startsWith('/**')) return undefined;
  const lines = raw.slice(3, -2).split('\n').slice(1, -1);
  return lines
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .replaceAll('\\*', '*');
}

function validatorOf(file: DefFile): Validate {
  const mod = require(join(file.pkg, '_schemas', `${file.id}.js`)) as { validate: Validate };
  return mod.validate;
}

/** The errors the validator reports for `data`. */
function probe(v: Validate, data: unknown): AjvError[] {
  v(data);
  return v.errors ?? [];
}

const BAD = '\u0000not-an-enum-value';

/** What the validator says a primitive at `path` is: integer/number, int32, an enum. */
function primitive(
  v: Validate,
  wrap: (x: unknown) => unknown,
  path: string,
  tsType: string,
): Schema {
  if (tsType === 'boolean') return { type: 'boolean' };
  if (tsType === 'string') return { type: 'string' };
  if (tsType === 'number') {
    const asFraction = probe(v, wrap(0.5)).find((e) => e.instancePath === path);
    if (asFraction?.params['type'] !== 'integer') return { type: 'number', format: 'double' };
    const big = probe(v, wrap(2 ** 40)).find(
      (e) => e.instancePath === path && e.keyword === 'format',
    );
    return { type: 'integer', format: big ? String(big.params['format']) : 'int64' };
  }
  if (tsType === 'enum') {
    const e = probe(v, wrap(BAD)).find((x) => x.instancePath === path && x.keyword === 'enum');
    if (!e) throw new Error(`no enum at ${path}`);
    return { type: 'string', enum: e.params['allowedValues'] };
  }
  throw new Error(`unknown primitive ${tsType} at ${path}`);
}

/** The schemas of every definition reachable from the kinds. */
const schemas = new Map<string, Schema>();
const pending: DefFile[] = [];

function resolveImport(fromDts: string, spec: string): string {
  const base = spec.startsWith('.')
    ? join(dirname(fromDts), spec)
    : join(
        dirname(require.resolve(`${spec.split('/').slice(0, 2).join('/')}/package.json`)),
        spec.split('/').slice(2).join('/'),
      );
  return `${base.replace(/\.js$/, '')}.d.ts`;
}

function pkgOf(dts: string): string {
  return dts.startsWith(APIMACHINERY) ? APIMACHINERY : MODELS;
}

/** The camel-case id a .d.ts file exports its interface (or type) under. */
function exportedId(text: string): string {
  const m = /export (?:type )?\{ I\w+ as I(\w+)/.exec(text);
  if (!m?.[1]) throw new Error('no exported id');
  return m[1];
}

function enqueue(dts: string): string {
  const text = readFileSync(dts, 'utf8');
  const id = exportedId(text);
  const name = openApiName(id);
  if (!schemas.has(name) && !pending.some((p) => p.id === id))
    pending.push({ dts, pkg: pkgOf(dts), id });
  return name;
}

const TYPE_META = (() => {
  const dts = join(APIMACHINERY, 'apis/meta/v1/APIGroup.d.ts');
  const text = readFileSync(dts, 'utf8');
  const src = ts.createSourceFile(dts, text, ts.ScriptTarget.ES2022, true);
  const out: Record<string, string> = {};
  src.forEachChild((n) => {
    if (!ts.isInterfaceDeclaration(n)) return;
    for (const m of n.members)
      if (
        ts.isPropertySignature(m) &&
        ts.isStringLiteral(m.name) &&
        ['apiVersion', 'kind'].includes(m.name.text)
      )
        out[m.name.text] = jsdoc(text, m) ?? '';
  });
  return out;
})();

function define(file: DefFile): void {
  const text = readFileSync(file.dts, 'utf8');
  const src = ts.createSourceFile(file.dts, text, ts.ScriptTarget.ES2022, true);
  const name = openApiName(file.id);
  const imports = new Map<string, string>();
  let iface: ts.InterfaceDeclaration | undefined;
  let alias: ts.TypeAliasDeclaration | undefined;
  src.forEachChild((n) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const spec = n.moduleSpecifier.text;
      if (spec.startsWith('@kubernetes-models/base')) return;
      for (const el of (n.importClause?.namedBindings as ts.NamedImports | undefined)?.elements ??
        [])
        imports.set(el.name.text, resolveImport(file.dts, spec));
    }
    if (ts.isInterfaceDeclaration(n) && !iface) iface = n;
    if (ts.isTypeAliasDeclaration(n) && !alias) alias = n;
  });
  const decl = iface ?? alias;
  if (!decl) throw new Error(`no declaration in ${file.dts}`);
  const description = jsdoc(text, decl);
  const head: Schema = description !== undefined ? { description } : {};
  if (Object.hasOwn(SCALARS, name)) {
    schemas.set(name, { ...head, ...SCALARS[name] });
    return;
  }
  if (!iface) throw new Error(`unexpected alias ${name}`);
  const v = validatorOf(file);
  const selfName = iface.name.text;
  const typeOf = (node: ts.TypeNode, wrap: (x: unknown) => unknown, path: string): Schema => {
    if (ts.isTypeReferenceNode(node)) {
      const n = node.typeName.getText(src);
      if (n === 'Array' && node.typeArguments?.[0])
        return {
          type: 'array',
          items: typeOf(node.typeArguments[0], (x) => wrap([x]), `${path}/0`),
        };
      if (n === selfName) return ref(name);
      const target = imports.get(n);
      if (!target) throw new Error(`unresolved type ${n} in ${file.dts}`);
      return ref(enqueue(target));
    }
    if (ts.isArrayTypeNode(node))
      return { type: 'array', items: typeOf(node.elementType, (x) => wrap([x]), `${path}/0`) };
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      // The package inlines PersistentVolumeClaim into StatefulSetSpec.volumeClaimTemplates
      // (its scripts/generate.ts patchStatefulSetSpec); upstream the items are a $ref to it.
      if (!index && name === 'io.k8s.api.apps.v1.StatefulSetSpec')
        return ref(enqueue(join(MODELS, 'v1/PersistentVolumeClaim.d.ts')));
      if (!index) throw new Error(`type literal without index signature in ${file.dts}`);
      return {
        type: 'object',
        additionalProperties: typeOf(index.type, (x) => wrap({ k: x }), `${path}/k`),
      };
    }
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t)))
      return primitive(v, wrap, path, 'enum');
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string' };
    const kw = node.getText(src);
    if (kw === 'any' || kw === 'object') return { type: 'object' };
    return primitive(v, wrap, path, kw);
  };
  const properties: Record<string, Schema> = {};
  let gvk: { group: string; version: string; kind: string } | undefined;
  let apiVersion = '';
  for (const m of iface.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const prop =
      ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(src);
    const literal =
      ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)
        ? m.type.literal.text
        : undefined;
    if ((prop === 'apiVersion' || prop === 'kind') && literal !== undefined) {
      // A kind's apiVersion/kind: the package narrows them to literals; upstream they are the
      // TypeMeta strings every kind repeats.
      if (prop === 'apiVersion') apiVersion = literal;
      else gvk = { group: '', version: '', kind: literal };
      properties[prop] = { description: TYPE_META[prop], type: 'string' };
      continue;
    }
    const t = typeOf(m.type, (x) => ({ [prop]: x }), `/${prop}`);
    const doc = jsdoc(text, m);
    properties[prop] =
      doc === undefined
        ? t
        : '$ref' in t
          ? { allOf: [t], description: doc }
          : { description: doc, ...t };
  }
  const required = probe(v, {})
    .filter((e) => e.keyword === 'required' && e.instancePath === '')
    .map((e) => String(e.params['missingProperty']))
    .filter((p) => !(gvk && (p === 'apiVersion' || p === 'kind')));
  const schema: Schema = { ...head, type: 'object' };
  if (Object.keys(properties).length > 0) schema['properties'] = properties;
  if (required.length > 0) schema['required'] = required;
  if (gvk) {
    const [group, ver] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    schema['x-kubernetes-group-version-kind'] = [{ group, kind: gvk.kind, version: ver }];
  }
  schemas.set(name, schema);
}

for (const k of KINDS) enqueue(join(MODELS, `${k}.d.ts`));
while (pending.length > 0) {
  const next = pending.shift();
  if (next) define(next);
}

const sorted = Object.fromEntries([...schemas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
const json = JSON.stringify(sorted);
const text = `/**
 * GENERATED by scripts/generate-openapi.ts: do not edit. OpenAPI v3 component schemas
 * (${schemas.size} definitions) from ${SOURCE}.
 */

/** Where the schemas come from. */
export const SCHEMAS_SOURCE = ${JSON.stringify(SOURCE)};

/** The component schemas, by OpenAPI name, as one JSON text (parsed once, on first use). */
export const SCHEMAS_JSON = ${JSON.stringify(json)};
`;
// Formatted as the repository's Prettier check wants it, so the output is stable.
const options = (await prettier.resolveConfig(OUT)) ?? {};
writeFileSync(OUT, await prettier.format(text, { ...options, filepath: OUT }));
console.log(`${schemas.size} definitions, ${json.length} characters of JSON -> ${OUT}`);
