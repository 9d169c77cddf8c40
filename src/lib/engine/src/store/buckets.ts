/**
 * Storage of the API objects: per resource, a two-level table of 64 × 64 buckets chosen by a
 * hash of `namespace/name`. A write copies the resource table, two 64-entry levels and one leaf
 * (about n/4096 objects), never a map of every object, so one write costs about the same at 5
 * nodes and at 5,000 (architecture §3.10). The levels have array-index keys ("0"…"63"), which
 * V8 keeps as elements: copying them stays cheap, unlike string-keyed objects of many entries.
 * Plain JSON, like the rest of the state.
 */
import type { ApiObject } from './types.ts';
import { updateIndexes, type StoreIndexes } from './indexes.ts';

/** Fan-out of each level. */
export const FANOUT = 64;

/** One leaf: `namespace/name` → object. */
export type Leaf = Readonly<Record<string, ApiObject>>;

/** Objects of one resource: level-1 bucket → level-2 bucket → leaf. */
export type ResourceBuckets = Readonly<Record<string, Readonly<Record<string, Leaf>>>>;

/** The object store: the global resourceVersion and the objects of each resource. */
export interface ObjectStore {
  /** Last resourceVersion handed out (etcd's revision in a real cluster). */
  readonly rv: number;
  /** Resource (`plural` for the core group, `plural.group` otherwise) → its buckets. */
  readonly resources: Readonly<Record<string, ResourceBuckets>>;
  /** Secondary indexes (store/indexes.ts); absent until an indexed object is written. */
  readonly indexes?: StoreIndexes;
  /** The Leases' renewal rounds (objects/lease-renewals.ts); absent until a Lease is created. */
  readonly renewals?: LeaseRenewals;
  /**
   * What the configuration's writers last wrote (controllers/publishers.ts): `resource|ns/name`
   * → content hash; absent until they first wrote.
   */
  readonly published?: Readonly<Record<string, string>>;
}

/**
 * One renewal round: at `at` every holder alive renewed its Lease, the Lease with slot `i`
 * (below `slots`) taking resourceVersion `rv + i + 1` (the round took `slots` revisions).
 */
export interface RenewalRound {
  readonly rv: number;
  readonly at: number;
  readonly slots: number;
}

/** A Lease a client deleted, which its holder creates again at `due` (controllers/lease-holders.ts). */
export interface GoneLease {
  readonly namespace: string;
  readonly name: string;
  readonly due: number;
  /** Which component holds it (kubelet, leader election, apiserver identity), on which Node, its slot. */
  readonly holder: {
    readonly kind: 'node' | 'leader' | 'identity';
    readonly node: string;
    readonly slot: number;
  };
}

/** Renewals of the Leases their holders keep (objects/lease-renewals.ts). */
export interface LeaseRenewals {
  /** Slots handed out: the next Lease created gets this one. */
  readonly slots: number;
  /** Renewal rounds, oldest first (one per move of the clock). */
  readonly rounds: readonly RenewalRound[];
  /** Revisions every round so far took together. */
  readonly taken: number;
  /** Leases deleted by a client, waiting for their holder. */
  readonly gone?: readonly GoneLease[];
}

/** An empty store. */
export const EMPTY_STORE: ObjectStore = { rv: 0, resources: {} };

/** Key of an object inside its resource: `namespace/name` (`/name` when cluster-scoped). */
export function objectKey(namespace: string | null | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** FNV-1a of the key, reduced to the two bucket numbers. */
export function bucketOf(key: string): readonly [string, string] {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const u = h >>> 0;
  return [String(u % FANOUT), String(Math.floor(u / FANOUT) % FANOUT)];
}

/** The stored object, if any. */
export function readStored(
  store: ObjectStore | undefined,
  resource: string,
  namespace: string | null | undefined,
  name: string,
): ApiObject | undefined {
  const key = objectKey(namespace, name);
  const [b1, b2] = bucketOf(key);
  return store?.resources[resource]?.[b1]?.[b2]?.[key];
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
  for (const level of Object.values(buckets))
    for (const leaf of Object.values(level))
      for (const o of Object.values(leaf))
        if (namespace === undefined || namespace === null || o.metadata.namespace === namespace)
          out.push(o);
  return out;
}

/** The stored object under a store key (`namespace/name`), as the indexes list them. */
export function readByKey(
  store: ObjectStore | undefined,
  resource: string,
  key: string,
): ApiObject | undefined {
  const [b1, b2] = bucketOf(key);
  return store?.resources[resource]?.[b1]?.[b2]?.[key];
}

/**
 * The store's revision less the revisions Lease renewal rounds took: what names generated by the
 * controllers are drawn from, so they do not depend on how often the clock stepped.
 */
export function writeSequence(store: ObjectStore | undefined): number {
  return (store?.rv ?? 0) - (store?.renewals?.taken ?? 0);
}

/** Resources that hold at least one object. */
export function storedResources(store: ObjectStore | undefined): string[] {
  return Object.keys(store?.resources ?? {});
}

/**
 * Writes (or, with `object` null, removes) one object: copies only the touched leaf and the
 * tables above it. The caller has set the object's resourceVersion.
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
  const [b1, b2] = bucketOf(key);
  const buckets = store.resources[resource] ?? {};
  const level = buckets[b1] ?? {};
  const current = level[b2] ?? {};
  // One object literal per copy: V8 clones it in one step (copying first and assigning after
  // turns larger objects into slow dictionaries).
  const leaf = object === null ? without(current, key) : { ...current, [key]: object };
  const indexes = updateIndexes(store.indexes, resource, key, current[key], object);
  return {
    ...(store.renewals ? { renewals: store.renewals } : {}),
    ...(store.published ? { published: store.published } : {}),
    rv,
    resources: {
      ...store.resources,
      [resource]: { ...buckets, [b1]: { ...level, [b2]: leaf } },
    },
    ...(indexes ? { indexes } : {}),
  };
}

function without(bucket: Leaf, key: string): Leaf {
  // Rest destructuring of a computed key is slow in V8; rebuilding from entries is not.
  return Object.fromEntries(Object.entries(bucket).filter(([k]) => k !== key));
}
