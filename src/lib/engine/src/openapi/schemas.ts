/**
 * The OpenAPI v3 schemas of the kinds the simulator serves (generated into schemas-data.ts by
 * scripts/generate-openapi.ts from Kubernetes v1.33.0's spec), loaded on first use: the data is
 * a separate module imported dynamically, so a page that never runs `kubectl explain` and a
 * server that is never asked for `/openapi/v3` do not load it.
 *
 * upstream: kube-openapi pkg/spec3 (components.schemas), the x-kubernetes-group-version-kind
 * extension kube-apiserver puts on every kind's schema.
 */

/** One schema object of components.schemas (JSON as served). */
export type OpenApiSchema = Readonly<Record<string, unknown>>;

/** Every component schema by its OpenAPI name (`io.k8s.api.core.v1.Pod`). */
export type OpenApiSchemas = Readonly<Record<string, OpenApiSchema>>;

/** A group, version and kind as x-kubernetes-group-version-kind lists them. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

let loading: Promise<OpenApiSchemas> | undefined;

/** The component schemas, parsed once per process (the first call imports the data module). */
export function loadOpenApiSchemas(): Promise<OpenApiSchemas> {
  loading ??= import('./schemas-data.ts').then((m) => JSON.parse(m.SCHEMAS_JSON) as OpenApiSchemas);
  return loading;
}

/** The GVKs a schema is marked with (x-kubernetes-group-version-kind), none for nested types. */
export function schemaKinds(schema: OpenApiSchema): GroupVersionKind[] {
  const list = schema['x-kubernetes-group-version-kind'];
  return Array.isArray(list) ? (list as GroupVersionKind[]) : [];
}

/** The OpenAPI name of the schema of `gvk`, or null when none is generated for it. */
export function schemaNameOf(schemas: OpenApiSchemas, gvk: GroupVersionKind): string | null {
  for (const name of Object.keys(schemas).sort()) {
    const s = schemas[name];
    if (
      s &&
      schemaKinds(s).some(
        (k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind,
      )
    )
      return name;
  }
  return null;
}

const REF_PREFIX = '#/components/schemas/';

/** The names `schema` references ($ref anywhere inside it). */
function refsOf(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) refsOf(v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX))
      out.add(v.slice(REF_PREFIX.length));
    else refsOf(v, out);
  }
}

/** The named schemas and every schema they reference, transitively, by name. */
export function schemaClosure(schemas: OpenApiSchemas, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.pop() as string;
    if (seen.has(name) || !Object.hasOwn(schemas, name)) continue;
    seen.add(name);
    const refs = new Set<string>();
    refsOf(schemas[name], refs);
    todo.push(...refs);
  }
  return [...seen].sort();
}
