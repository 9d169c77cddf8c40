/**
 * A persistent (immutable, structurally shared) string-keyed map that stays plain JSON: entries
 * live in hash buckets, `{ size, buckets: [{ key: value, … }, …] }`. A write copies the bucket
 * array (one pointer per bucket) and the one bucket the key hashes to, never the whole map, so a
 * transition that changes one entry of a 5,000-entry map costs the same as at 5 entries.
 *
 * The bucket count is a power of two that doubles when the map outgrows it (amortised O(1)
 * writes). Iteration order is deterministic: bucket by bucket, insertion order within a bucket.
 * A map of up to BUCKET_LOAD entries has one bucket, so small maps iterate in insertion order,
 * exactly like the plain records they replace.
 *
 * Values must be JSON data. Keys are arbitrary strings (integer-like keys iterate first within
 * their bucket, as in any JS object, before and after a JSON round trip alike).
 */

/** The JSON shape of a keyed map. Treat it as opaque; use the functions of this module. */
export interface KeyedMap<T> {
  readonly size: number;
  readonly buckets: readonly Readonly<Record<string, T>>[];
}

/** Entries per bucket (on average) before the bucket count doubles. */
export const BUCKET_LOAD = 16;

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** `o[key] = value` as an own data property, even for "__proto__" (as JSON.parse makes it). */
function put<T>(o: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  } else o[key] = value;
}

/** FNV-1a over the UTF-16 code units: cheap, stable across runs and platforms. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const slot = <T>(map: KeyedMap<T>, key: string): number => hash(key) & (map.buckets.length - 1);

/** The empty map (one empty bucket). */
export function emptyKeyed<T>(): KeyedMap<T> {
  return { size: 0, buckets: [{}] };
}

/** True when `value` has the shape of a keyed map (used by saved-state migrations). */
export function isKeyedMap(value: unknown): value is KeyedMap<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { size?: unknown; buckets?: unknown };
  return (
    typeof v.size === 'number' &&
    Array.isArray(v.buckets) &&
    v.buckets.length > 0 &&
    (v.buckets.length & (v.buckets.length - 1)) === 0
  );
}

/** The value under `key`, or undefined. O(1). */
export function getKeyed<T>(map: KeyedMap<T>, key: string): T | undefined {
  const bucket = map.buckets[slot(map, key)];
  return bucket !== undefined && has(bucket, key) ? bucket[key] : undefined;
}

/** True when `key` is present. O(1). */
export function hasKeyed<T>(map: KeyedMap<T>, key: string): boolean {
  const bucket = map.buckets[slot(map, key)];
  return bucket !== undefined && has(bucket, key);
}

/** Twice the buckets, each old bucket split in two by the next hash bit (order kept). */
function grow<T>(map: KeyedMap<T>): KeyedMap<T> {
  const width = map.buckets.length * 2;
  const buckets: Record<string, T>[] = Array.from({ length: width }, () => ({}));
  for (const bucket of map.buckets) {
    for (const key of Object.keys(bucket)) {
      const target = buckets[hash(key) & (width - 1)];
      if (target) put(target, key, bucket[key] as T);
    }
  }
  return { size: map.size, buckets };
}

/** A map with `key` set to `value`; the input is unchanged. Copies one bucket. */
export function setKeyed<T>(map: KeyedMap<T>, key: string, value: T): KeyedMap<T> {
  const i = slot(map, key);
  const bucket = map.buckets[i] ?? {};
  const added = !has(bucket, key);
  if (!added && bucket[key] === value) return map;
  const buckets = map.buckets.slice();
  const copy = { ...bucket };
  put(copy, key, value);
  buckets[i] = copy;
  const next = { size: map.size + (added ? 1 : 0), buckets };
  return next.size > BUCKET_LOAD * buckets.length ? grow(next) : next;
}

/**
 * A map with every `[key, value]` of `entries` set, in order: the same map as setting them one
 * by one, built in one pass (O(size + entries)) instead of one bucket-array copy per entry, so
 * adding 5,000 machines at once costs 10 times adding 500, not 100 times.
 */
export function setManyKeyed<T>(
  map: KeyedMap<T>,
  entries: readonly (readonly [string, T])[],
): KeyedMap<T> {
  if (entries.length <= BUCKET_LOAD)
    return entries.reduce<KeyedMap<T>>((m, [k, v]) => setKeyed(m, k, v), map);
  const record = keyedToRecord(map);
  for (const [k, v] of entries) put(record, k, v);
  return keyedFromRecord(record);
}

/** A map without `key` (the same map when absent). Copies one bucket. */
export function deleteKeyed<T>(map: KeyedMap<T>, key: string): KeyedMap<T> {
  const i = slot(map, key);
  const bucket = map.buckets[i];
  if (bucket === undefined || !has(bucket, key)) return map;
  const rest: Record<string, T> = {};
  for (const k of Object.keys(bucket)) if (k !== key) put(rest, k, bucket[k] as T);
  const buckets = map.buckets.slice();
  buckets[i] = rest;
  return { size: map.size - 1, buckets };
}

/** A map with `key` replaced by `update(current)`; unchanged when the key is absent. */
export function updateKeyed<T>(map: KeyedMap<T>, key: string, update: (v: T) => T): KeyedMap<T> {
  const current = getKeyed(map, key);
  return current === undefined ? map : setKeyed(map, key, update(current));
}

/** Every key, in iteration order. O(n). */
export function keyedKeys<T>(map: KeyedMap<T>): string[] {
  const out: string[] = [];
  for (const bucket of map.buckets) for (const key of Object.keys(bucket)) out.push(key);
  return out;
}

/** Every value, in iteration order. O(n). */
export function keyedValues<T>(map: KeyedMap<T>): T[] {
  const out: T[] = [];
  for (const bucket of map.buckets)
    for (const key of Object.keys(bucket)) out.push(bucket[key] as T);
  return out;
}

/** Every `[key, value]`, in iteration order. O(n). */
export function keyedEntries<T>(map: KeyedMap<T>): [string, T][] {
  const out: [string, T][] = [];
  for (const bucket of map.buckets) {
    for (const key of Object.keys(bucket)) out.push([key, bucket[key] as T]);
  }
  return out;
}

/** The first value `test` accepts, in iteration order, without building an array. */
export function findKeyed<T>(map: KeyedMap<T>, test: (v: T) => boolean): T | undefined {
  for (const bucket of map.buckets) {
    for (const key of Object.keys(bucket)) {
      const v = bucket[key] as T;
      if (test(v)) return v;
    }
  }
  return undefined;
}

/** A keyed map holding a record's entries (in the record's order within each bucket). */
export function keyedFromRecord<T>(record: Readonly<Record<string, T>>): KeyedMap<T> {
  let width = 1;
  const keys = Object.keys(record);
  while (keys.length > BUCKET_LOAD * width) width *= 2;
  const buckets: Record<string, T>[] = Array.from({ length: width }, () => ({}));
  for (const key of keys) {
    const target = buckets[hash(key) & (width - 1)];
    if (target) put(target, key, record[key] as T);
  }
  return { size: keys.length, buckets };
}

/** A plain record of the map's entries, in iteration order. O(n). */
export function keyedToRecord<T>(map: KeyedMap<T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const bucket of map.buckets) {
    for (const key of Object.keys(bucket)) put(out, key, bucket[key] as T);
  }
  return out;
}
