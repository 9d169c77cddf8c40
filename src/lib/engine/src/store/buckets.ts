/**
 * Storage of the API objects: per resource, a fixed number of buckets chosen by a hash of
 * `namespace/name`. A write copies the resource table (one entry per resource kind), that
 * resource's bucket table (BUCKETS entries) and one bucket (about n/BUCKETS objects), never a
 * map of every object, so one write costs about the same at 5 nodes and at 5,000 (architecture
 * §3.10). Plain JSON, like the rest of the state.
 */
import type { ApiObject } from './types.ts';

/** Buckets per resource: at 5,000 Leases a bucket holds about 80 objects. */
export const BUCKETS = 64;

/** Objects of one resource: bucket number → `namespace/name` → object. */
export type ResourceBuckets = Readonly<Record<string, Readonly<Record<string, ApiObject>>>>;

/** The object store: the global resourceVersion and the objects of each resource. */
export interface ObjectStore {
  /** Last resourceVersion handed out (etcd's revision in a real cluster). */
  readonly rv: number;
  /** Resource (`plural` for the core group, `plural.group` otherwise) → its buckets. */
  readonly resources: Readonly<Record<string, ResourceBuckets>>;
}

/** An empty store. */
export const EMPTY_STORE: ObjectStore = { rv: 0, resources: {} };

/** Key of an object inside its resource: `namespace/name` (`/name` when cluster-scoped). */
export function objectKey(namespace: string | null | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** FNV-1a of the key, reduced to a bucket number. */
export function bucketOf(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return String((h >>> 0) % BUCKETS);
}

/** The stored object, if any. */
export function readStored(
  store: ObjectStore | undefined,
  resource: string,
  namespace: string | null | undefined,
  name: string,
): ApiObject | undefined {
  const key = objectKey(namespace, name);
  return store?.resources[resource]?.[bucketOf(key)]?.[key];
}

/** Every stored object of a resource (in one namespace when given), in no particular order. */
export function scanStored(
  store: ObjectStore | undefined,
  resource: string,
  namespace?: string | null,
): ApiObject[] {
  const buckets = store?.resources[resource];
  if (!buckets) return [];
  const out: ApiObject[] = [];
  for (const bucket of Object.values(buckets))
    for (const o of Object.values(bucket))
      if (namespace === undefined || namespace === null || o.metadata.namespace === namespace)
        out.push(o);
  return out;
}

/** Resources that hold at least one object. */
export function storedResources(store: ObjectStore | undefined): string[] {
  return Object.keys(store?.resources ?? {});
}

/**
 * Writes (or, with `object` null, removes) one object: copies only the touched bucket and the
 * two small tables above it. The caller has set the object's resourceVersion.
 */
export function writeStored(
  store: ObjectStore,
  resource: string,
  namespace: string | null | undefined,
  name: string,
  object: ApiObject | null,
  rv: number,
): ObjectStore {
  const key = objectKey(namespace, name);
  const b = bucketOf(key);
  const buckets = store.resources[resource] ?? {};
  const bucket = { ...buckets[b] };
  if (object === null) delete bucket[key];
  else bucket[key] = object;
  return {
    rv,
    resources: { ...store.resources, [resource]: { ...buckets, [b]: bucket } },
  };
}
