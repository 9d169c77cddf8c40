/**
 * The OpenAPI v3 group-version documents kube-apiserver serves at /openapi/v3/api/v1,
 * /openapi/v3/apis/<group>/<version>: the paths of the group version's resources (each operation
 * marked with the kind it serves) and the component schemas they use. `kubectl explain` finds a
 * resource's kind through its path, then the kind's schema through the kind
 * (kubectl pkg/explain/v2/templates/plaintext.tmpl).
 *
 * Only the list operation (GET) of each resource is published. The real documents also carry
 * the write operations; kubectl reads a PATCH operation's `fieldValidation` parameter as "the
 * server validates fields" (cli-runtime pkg/resource/query_param_verifier_v3.go) and an
 * application/strategic-merge-patch body as "patch with OpenAPI v3" (kubectl pkg/cmd/apply/
 * patcher.go), neither of which the simulated server does: without them kubectl validates and
 * patches as it did before these documents were served.
 *
 * upstream: kube-openapi pkg/spec3 (OpenAPI, Paths, Operation), pkg/handler3 (one document per
 * group version).
 */
import type { ClusterState } from '../model/state.ts';
import { discoveredGroups } from '../store/discovery.ts';
import { customResourceSchemas } from './custom-resources.ts';
import { schemaClosure, schemaNameOf, type OpenApiSchema, type OpenApiSchemas } from './schemas.ts';

/** A resource of the group version, as discovery lists it. */
export interface DocumentResource {
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** The URL path prefix of a group version (`/api/v1`, `/apis/apps/v1`). */
export function groupVersionPrefix(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/**
 * The v3 document of one group version, or null when none of its resources has a schema.
 * `serverVersion` is the info.version kube-apiserver reports (its git version).
 */
export function groupVersionDocument(
  schemas: OpenApiSchemas,
  group: string,
  version: string,
  resources: readonly DocumentResource[],
  serverVersion: string,
): Record<string, unknown> | null {
  const prefix = groupVersionPrefix(group, version);
  const paths: Record<string, unknown> = {};
  const roots: string[] = [];
  for (const r of resources) {
    const name = schemaNameOf(schemas, { group, version, kind: r.kind });
    if (name === null) continue;
    roots.push(name);
    const path = r.namespaced
      ? `${prefix}/namespaces/{namespace}/${r.plural}`
      : `${prefix}/${r.plural}`;
    paths[path] = {
      get: {
        description: `list or watch objects of kind ${r.kind}`,
        'x-kubernetes-action': 'list',
        'x-kubernetes-group-version-kind': { group, kind: r.kind, version },
      },
    };
  }
  if (roots.length === 0) return null;
  const components: Record<string, OpenApiSchema> = {};
  for (const name of schemaClosure(schemas, roots)) components[name] = schemas[name] ?? {};
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths,
    components: { schemas: components },
  };
}

/**
 * The document of a group version the cluster serves, from its discovery resources (custom
 * resources with their CRD's schema, custom-resources.ts), or null when it serves no such group version or none
 * of its resources has a schema. One source for `serve --api` and the simulated kubectl explain.
 */
export function servedDocument(
  state: ClusterState,
  schemas: OpenApiSchemas,
  group: string,
  version: string,
): Record<string, unknown> | null {
  const served = discoveredGroups(state)
    .find((g) => g.name === group)
    ?.versions.find((v) => v.version === version);
  if (!served) return null;
  const custom = customResourceSchemas(state, schemas, group, version);
  return groupVersionDocument(
    Object.keys(custom).length === 0 ? schemas : { ...schemas, ...custom },
    group,
    version,
    served.resources
      .filter((r) => !r.name.includes('/'))
      .map((r) => ({ plural: r.name, kind: r.kind, namespaced: r.namespaced })),
    state.cluster?.version ?? 'v0.0.0',
  );
}
