/**
 * Namespace objects in the API object store: kube-apiserver creates default, kube-node-lease,
 * kube-public and kube-system; `kubectl create namespace`, add-on manifests (kube-flannel) and
 * tools (sonobuoy) add more; `kubectl delete namespace` marks one Terminating until the namespace
 * controller has emptied it. Readers and writers use these accessors and the compact
 * NamespaceMeta record (model/state.ts); the served Namespace is objects/namespace-object.ts.
 */
import type { ClusterState, NamespaceMeta } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { putObject, removeObject } from '../store/write.ts';
import { keepClientMeta } from '../store/update.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import type { ClusterView } from './nodes.ts';

const views = new WeakMap<ApiObject, NamespaceMeta>();
const lists = new WeakMap<object, readonly string[]>();

/** The compact record of a stored Namespace. */
function namespaceRecord(o: ApiObject): NamespaceMeta {
  const hit = views.get(o);
  if (hit) return hit;
  const record = o['simulator'] as unknown as NamespaceMeta;
  views.set(o, record);
  return record;
}

/** The Namespace as the API stores it (the namespace lifecycle admission's `kubernetes` finalizer). */
function storedNamespace(name: string, m: NamespaceMeta): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: formatRfc3339(m.createdAt),
      labels: { 'kubernetes.io/metadata.name': name },
      ...(m.deletedAt !== undefined ? { deletionTimestamp: formatRfc3339(m.deletedAt) } : {}),
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: m.deletedAt === undefined ? 'Active' : 'Terminating' },
    simulator: { ...m },
  };
}

/** The namespace's record (creation, deletion), or undefined when there is no such namespace. */
export function findNamespace(state: ClusterView, name: string): NamespaceMeta | undefined {
  const o = readStored(state.cluster?.objects, 'namespaces', null, name);
  return o ? namespaceRecord(o) : undefined;
}

/** The stored Namespace object (metadata as the API keeps it), or undefined. */
export function storedNamespaceObject(state: ClusterView, name: string): ApiObject | undefined {
  return readStored(state.cluster?.objects, 'namespaces', null, name);
}

/** True when the namespace exists (Active or Terminating). */
export function hasNamespace(state: ClusterView, name: string): boolean {
  return findNamespace(state, name) !== undefined;
}

/** Every namespace name, sorted. */
export function namespaceNames(state: ClusterView): readonly string[] {
  const table = state.cluster?.objects?.resources['namespaces'];
  if (!table) return [];
  const hit = lists.get(table);
  if (hit) return hit;
  const list = scanStored(state.cluster?.objects, 'namespaces')
    .map((o) => o.metadata.name)
    .sort();
  lists.set(table, list);
  return list;
}

/** A state with the namespace created or its record replaced. */
export function putNamespace(state: ClusterState, name: string, m: NamespaceMeta): ClusterState {
  const fresh = storedNamespace(name, m);
  return putObject(state, 'namespaces', keepClientMeta(fresh, storedNamespaceObject(state, name)));
}

/** A state without the namespace (the namespace controller removed its finalizer). */
export function removeNamespace(state: ClusterState, name: string): ClusterState {
  return removeObject(state, 'namespaces', null, name);
}
