/**
 * CustomResourceDefinitions and their instances in the API object store. A CRD is stored under
 * `customresourcedefinitions.apiextensions.k8s.io` named `<plural>.<group>`; its instances under
 * the resource `<plural>.<group>`, like any other resource. A CRD outlives its instances (and the
 * operator that installed it), so kubectl keeps knowing the type after the last object goes.
 * Readers and writers use the compact records of model/state.ts.
 */
import type { ClusterState, CustomResource, CustomResourceDefinition } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { putObject, removeObject } from '../store/write.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import type { ClusterView } from './nodes.ts';

/** The store id of CustomResourceDefinitions. */
export const CRD_RESOURCE = 'customresourcedefinitions.apiextensions.k8s.io';

/** `<plural>.<group>`: how kubectl names a custom resource type (and the CRD's name). */
export function crdName(crd: Pick<CustomResourceDefinition, 'plural' | 'group'>): string {
  return `${crd.plural}.${crd.group}`;
}

interface CrdSpec {
  readonly group: string;
  readonly names: { readonly kind: string; readonly plural: string };
  readonly versions: readonly { readonly name: string }[];
}

/** The compact record of a stored CRD. */
function crdRecord(o: ApiObject): CustomResourceDefinition {
  const spec = o['spec'] as unknown as CrdSpec;
  return {
    group: spec.group,
    version: spec.versions[0]?.name ?? '',
    kind: spec.names.kind,
    plural: spec.names.plural,
  };
}

/** The compact record of a stored custom resource. */
function crRecord(o: ApiObject, crd: CustomResourceDefinition): CustomResource {
  const sim = o['simulator'] as { readonly createdAt: number; readonly deletedAt?: number };
  return {
    ...crd,
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    createdAt: sim.createdAt,
    finalizers: o.metadata.finalizers ?? [],
    ...(sim.deletedAt !== undefined ? { deletedAt: sim.deletedAt } : {}),
  };
}

/** Every installed CRD, by name. */
export function crdList(state: ClusterView): CustomResourceDefinition[] {
  return scanStored(state.cluster?.objects, CRD_RESOURCE)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map(crdRecord);
}

/** The instances of a CRD, in every namespace, sorted by namespace and name. */
export function customResourcesOf(
  state: ClusterView,
  crd: CustomResourceDefinition,
): CustomResource[] {
  return scanStored(state.cluster?.objects, crdName(crd))
    .map((o) => crRecord(o, crd))
    .sort((a, b) => {
      const ka = `${a.namespace}/${a.name}`;
      const kb = `${b.namespace}/${b.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/** Every custom resource of every installed CRD. */
export function allCustomResources(state: ClusterView): CustomResource[] {
  return crdList(state).flatMap((crd) => customResourcesOf(state, crd));
}

/** The custom resource under `crKey` (`<plural>.<group>/<namespace>/<name>`), or undefined. */
export function findCustomResource(state: ClusterView, key: string): CustomResource | undefined {
  const [type = '', namespace = '', name = ''] = key.split('/');
  const crdObject = readStored(state.cluster?.objects, CRD_RESOURCE, null, type);
  const o = readStored(state.cluster?.objects, type, namespace, name);
  return crdObject && o ? crRecord(o, crdRecord(crdObject)) : undefined;
}

/** A state with the CRD installed (apiextensions.k8s.io/v1, namespaced, one served version). */
export function putCrd(state: ClusterState, crd: CustomResourceDefinition): ClusterState {
  const name = crdName(crd);
  if (readStored(state.cluster?.objects, CRD_RESOURCE, null, name)) return state;
  const singular = crd.kind.toLowerCase();
  const object: NewObject = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name },
    spec: {
      group: crd.group,
      names: { kind: crd.kind, listKind: `${crd.kind}List`, plural: crd.plural, singular },
      scope: 'Namespaced',
      versions: [{ name: crd.version, served: true, storage: true }],
    },
  };
  return putObject(state, CRD_RESOURCE, object);
}

/** A state with the custom resource (and its CRD) stored. */
export function putCustomResource(state: ClusterState, r: CustomResource): ClusterState {
  const crd: CustomResourceDefinition = {
    group: r.group,
    version: r.version,
    kind: r.kind,
    plural: r.plural,
  };
  const object: NewObject = {
    apiVersion: `${r.group}/${r.version}`,
    kind: r.kind,
    metadata: {
      name: r.name,
      namespace: r.namespace,
      creationTimestamp: formatRfc3339(r.createdAt),
      ...(r.finalizers.length > 0 ? { finalizers: [...r.finalizers] } : {}),
      ...(r.deletedAt !== undefined ? { deletionTimestamp: formatRfc3339(r.deletedAt) } : {}),
    },
    spec: { size: 1 },
    simulator: {
      createdAt: r.createdAt,
      ...(r.deletedAt !== undefined ? { deletedAt: r.deletedAt } : {}),
    },
  };
  return putObject(putCrd(state, crd), crdName(crd), object);
}

/** A state without the custom resource (its finalizers are gone). */
export function removeCustomResource(state: ClusterState, r: CustomResource): ClusterState {
  const cleared = putCustomResource(state, { ...r, finalizers: [] });
  return removeObject(cleared, crdName(r), r.namespace, r.name);
}
