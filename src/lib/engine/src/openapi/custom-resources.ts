/**
 * The schemas apiextensions-apiserver publishes for custom resources: per CRD version, the
 * version's openAPIV3Schema with the Kubernetes-native properties set on it (`apiVersion` and
 * `kind` from TypeMeta's definition, `metadata` referencing ObjectMeta with
 * PartialObjectMetadata's description) and the resource's group, version and kind; a bare
 * `{type: object}` when the version has no schema. The schema is named as kube-openapi names a
 * type without Go type: `<group reversed>.<version>.<Kind>` (util.ToRESTFriendlyName).
 *
 * upstream: staging/src/k8s.io/apiextensions-apiserver/pkg/controller/openapi/builder/builder.go
 * (buildKubeNative, addTypeMetaProperties, CRDCanonicalTypeNamer), kube-openapi pkg/util
 * (ToRESTFriendlyName).
 */
import type { ClusterState } from '../model/state.ts';
import { scanStored } from '../store/buckets.ts';
import { CRD_RESOURCE } from '../state/custom-resources.ts';
import type { OpenApiSchema, OpenApiSchemas } from './schemas.ts';

type Obj = Readonly<Record<string, unknown>>;

const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

/**
 * The TypeMeta and metadata properties every kind carries. Upstream's builder takes them from
 * TypeMeta's definition and PartialObjectMetadata's field doc, the same texts the built-in
 * kinds carry; they are read here from a built-in kind's schema.
 */
function nativeProperties(schemas: OpenApiSchemas): Record<string, unknown> {
  const props = obj(schemas['io.k8s.api.core.v1.Pod']?.['properties']) ?? {};
  return { apiVersion: props['apiVersion'], kind: props['kind'], metadata: props['metadata'] };
}

/** kube-openapi util.ToRESTFriendlyName of `group/version.Kind`. */
function restFriendlyName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

/** The custom resources' schemas of one group version, by name (none for a built-in group). */
export function customResourceSchemas(
  state: ClusterState,
  schemas: OpenApiSchemas,
  group: string,
  version: string,
): Record<string, OpenApiSchema> {
  const out: Record<string, OpenApiSchema> = {};
  for (const crd of scanStored(state.cluster?.objects, CRD_RESOURCE)) {
    const spec = obj(crd['spec']);
    const names = obj(spec?.['names']);
    if (spec?.['group'] !== group || typeof names?.['kind'] !== 'string') continue;
    const versions = Array.isArray(spec['versions']) ? (spec['versions'] as unknown[]) : [];
    const served = versions.map(obj).find((v) => v?.['name'] === version);
    if (!served) continue;
    const openApi = obj(obj(served['schema'])?.['openAPIV3Schema']);
    const kind = names['kind'];
    const gvk = { 'x-kubernetes-group-version-kind': [{ group, kind, version }] };
    out[restFriendlyName(group, version, kind)] = openApi
      ? {
          ...openApi,
          properties: { ...obj(openApi['properties']), ...nativeProperties(schemas) },
          ...gvk,
        }
      : { type: 'object', ...gvk };
  }
  return out;
}
