/**
 * The etcd keyspace kube-apiserver writes, generated from the API object store: one key per
 * object, `/registry/<prefix>/<namespace>/<name>` (cluster-scoped: no namespace), where the prefix
 * is the resource's plural, or its special prefix (SpecialDefaultResourcePrefixes: nodes →
 * minions, services → services/specs, endpoints → services/endpoints, replicationcontrollers →
 * controllers, ingresses → ingress), or `<group>/<plural>` for the groups served by
 * apiextensions-apiserver and kube-aggregator (CRDs, APIServices) and for custom resources.
 * Values: built-in kinds in protobuf (`k8s\0`), CRDs, APIServices and custom resources in JSON.
 * mod_revision is the object's resourceVersion (etcd's revision of its last write).
 *
 * upstream: pkg/kubeapiserver/default_storage_factory_builder.go (SpecialDefaultResourcePrefixes),
 * staging/src/k8s.io/apiserver/pkg/server/storage/storage_factory.go (ResourcePrefix),
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (NamespaceKeyFunc,
 * NoNamespaceKeyFunc), staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/
 * customresource_handler.go (CR prefix "/" + group + "/" + plural), cmd/kube-apiserver/app/
 * aggregator.go and apiextensions.go (JSON storage media type for their groups).
 */
import type { ClusterState } from '../model/state.ts';
import { catalogFor, resourceId } from '../store/catalog.ts';
import { listTyped, resolveType, servingMinor } from '../store/read.ts';
import { crdList, crdName } from '../state/custom-resources.ts';
import type { ApiObject } from '../store/types.ts';
import { storedProtobuf } from '../protobuf/encode.ts';
import { utf8 } from '../pki/der.ts';
import { readStored } from '../store/buckets.ts';

/** One key-value pair as etcd's mvccpb.KeyValue holds it. */
export interface EtcdKeyValue {
  readonly key: string;
  readonly value: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  readonly lease: number;
  /** The stored object the key holds (absent for objects the simulator computes from its state). */
  readonly object?: {
    readonly resource: string;
    readonly namespace: string | null;
    readonly name: string;
  };
}

/** SpecialDefaultResourcePrefixes (group/resource → prefix). */
const SPECIAL: Readonly<Record<string, string>> = {
  '/replicationcontrollers': 'controllers',
  '/endpoints': 'services/endpoints',
  '/nodes': 'minions',
  '/services': 'services/specs',
  'extensions/ingresses': 'ingress',
  'networking.k8s.io/ingresses': 'ingress',
};

/** Groups whose servers store JSON under `<group>/<plural>`. */
const JSON_GROUPS = new Set(['apiextensions.k8s.io', 'apiregistration.k8s.io']);

/** The storage prefix of a resource, below /registry/. */
export function registryPrefix(group: string, plural: string, custom = false): string {
  const special = SPECIAL[`${group}/${plural}`];
  if (special !== undefined) return special;
  return custom || JSON_GROUPS.has(group) ? `${group}/${plural}` : plural;
}

function keyValue(
  o: ApiObject,
  prefix: string,
  json: boolean,
  resource: string | null,
): EtcdKeyValue {
  const ns = o.metadata.namespace;
  const key = `/registry/${prefix}/${ns ? `${ns}/` : ''}${o.metadata.name}`;
  const rv = Number(o.metadata.resourceVersion) || 1;
  const { resourceVersion: _rv, ...meta } = o.metadata;
  // The JSON serializer (json.Encoder) ends the value with a newline.
  const value = json ? utf8(`${JSON.stringify({ ...o, metadata: meta })}\n`) : storedProtobuf(o);
  const object =
    resource === null ? undefined : { resource, namespace: ns ?? null, name: o.metadata.name };
  return {
    key,
    value,
    createRevision: rv,
    modRevision: rv,
    version: 1,
    lease: 0,
    ...(object ? { object } : {}),
  };
}

/**
 * Every /registry key of the cluster's objects, in byte order of the keys (etcd's range order).
 * Resources served in two groups (core and events.k8s.io Events) share one storage: listed once.
 */
export function registryKeyValues(state: ClusterState): EtcdKeyValue[] {
  if (!state.cluster) return [];
  const out: EtcdKeyValue[] = [];
  const seen = new Set<string>();
  for (const r of catalogFor(servingMinor(state))) {
    if (!r.verbs.includes('watch') || r.modelled === false) continue;
    const prefix = registryPrefix(r.group, r.plural);
    if (seen.has(prefix) || (r.group === 'events.k8s.io' && r.plural === 'events')) continue;
    seen.add(prefix);
    const t = resolveType(state, resourceId(r));
    if (!t || t.custom) continue;
    const objects = state.cluster.objects;
    for (const o of listTyped(state, t, null)) {
      const stored = readStored(objects, t.id, o.metadata.namespace ?? null, o.metadata.name);
      out.push(keyValue(o, prefix, JSON_GROUPS.has(r.group), stored ? t.id : null));
    }
  }
  for (const crd of crdList(state)) {
    const t = resolveType(state, crdName(crd));
    if (!t?.custom) continue;
    for (const o of listTyped(state, t, null))
      out.push(keyValue(o, registryPrefix(t.group, t.plural, true), true, null));
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
