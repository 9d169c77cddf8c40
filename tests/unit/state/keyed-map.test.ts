// The keyed map behind state.machines: a persistent map that stays plain JSON and copies one
// bucket per write (src/lib/engine/src/model/keyed-map.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUCKET_LOAD,
  deleteKeyed,
  emptyKeyed,
  findKeyed,
  getKeyed,
  hasKeyed,
  isKeyedMap,
  keyedEntries,
  keyedFromRecord,
  keyedKeys,
  keyedToRecord,
  keyedValues,
  setKeyed,
  setManyKeyed,
  updateKeyed,
  type KeyedMap,
} from '../../../src/lib/engine/src/model/keyed-map.ts';

const fill = (n: number): KeyedMap<number> => {
  let map = emptyKeyed<number>();
  for (let i = 0; i < n; i++) map = setKeyed(map, `node-${i}`, i);
  return map;
};

type Op = { op: 'set'; key: string; value: number } | { op: 'delete'; key: string };

const keys = fc.oneof(
  fc.constantFrom('a', 'b', 'cp-1', 'worker-1', '__proto__', 'constructor', '1', '10'),
  fc.string({ maxLength: 6 }),
);
const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), key: keys, value: fc.integer() }),
    fc.record({ op: fc.constant('delete' as const), key: keys }),
  ),
  { maxLength: 300 },
);

describe('keyed map', () => {
  it('reads back what was written and forgets what was deleted', () => {
    let map = setKeyed(emptyKeyed<string>(), 'cp-1', 'a');

    map = setKeyed(map, 'worker-1', 'b');
    map = deleteKeyed(map, 'cp-1');

    expect(getKeyed(map, 'worker-1')).toBe('b');
    expect(getKeyed(map, 'cp-1')).toBeUndefined();
    expect(hasKeyed(map, 'cp-1')).toBe(false);
    expect(map.size).toBe(1);
  });

  it('iterates a small map in insertion order, like the record it replaces', () => {
    const names = ['cp-1', 'worker-1', 'worker-2', 'cp-2', 'lb'];

    const map = names.reduce((m, n, i) => setKeyed(m, n, i), emptyKeyed<number>());

    expect(keyedKeys(map)).toEqual(names);
    expect(keyedValues(map)).toEqual([0, 1, 2, 3, 4]);
    expect(map.buckets).toHaveLength(1);
  });

  it('grows its bucket table as it fills, keeping buckets small', () => {
    const map = fill(5000);

    const largest = Math.max(...map.buckets.map((b) => Object.keys(b).length));

    expect(map.size).toBe(5000);
    expect(map.buckets.length).toBeGreaterThanOrEqual(5000 / BUCKET_LOAD);
    expect(largest).toBeLessThan(4 * BUCKET_LOAD);
  });

  it('shares every bucket but one with the map it was written from', () => {
    const before = fill(5000);

    const after = setKeyed(before, 'node-17', -1);

    const changed = after.buckets.filter((b, i) => b !== before.buckets[i]);
    expect(changed).toHaveLength(1);
    expect(getKeyed(before, 'node-17')).toBe(17);
    expect(getKeyed(after, 'node-17')).toBe(-1);
  });

  it('returns the same map when a write changes nothing', () => {
    const map = fill(40);

    expect(setKeyed(map, 'node-3', 3)).toBe(map);
    expect(deleteKeyed(map, 'absent')).toBe(map);
    expect(updateKeyed(map, 'absent', (v) => v + 1)).toBe(map);
  });

  it('survives a JSON round trip unchanged', () => {
    const map = setKeyed(fill(100), '__proto__', 7);

    const copy = JSON.parse(JSON.stringify(map)) as KeyedMap<number>;

    expect(isKeyedMap(copy)).toBe(true);
    expect(keyedEntries(copy)).toEqual(keyedEntries(map));
    expect(getKeyed(copy, '__proto__')).toBe(7);
  });

  it('tells a keyed map from a plain record', () => {
    expect(isKeyedMap(fill(3))).toBe(true);
    expect(isKeyedMap({ 'cp-1': { name: 'cp-1' } })).toBe(false);
    expect(isKeyedMap({ size: 1, buckets: [{}, {}, {}] })).toBe(false);
    expect(isKeyedMap(null)).toBe(false);
  });

  it('finds the first value a test accepts', () => {
    const map = fill(300);

    expect(findKeyed(map, (v) => v === 250)).toBe(250);
    expect(findKeyed(map, (v) => v < 0)).toBeUndefined();
  });

  it('behaves like a Map under any sequence of writes and deletes (property)', () => {
    fc.assert(
      fc.property(ops, (sequence: Op[]) => {
        let map = emptyKeyed<number>();
        const model = new Map<string, number>();
        for (const o of sequence) {
          if (o.op === 'set') {
            map = setKeyed(map, o.key, o.value);
            model.set(o.key, o.value);
          } else {
            map = deleteKeyed(map, o.key);
            model.delete(o.key);
          }
        }
        expect(map.size).toBe(model.size);
        expect(new Map(keyedEntries(map))).toEqual(model);
        for (const [k, v] of model) expect(getKeyed(map, k)).toBe(v);
        expect(keyedToRecord(keyedFromRecord(keyedToRecord(map)))).toEqual(keyedToRecord(map));
      }),
    );
  });

  it('never changes a map it was written from (property)', () => {
    fc.assert(
      fc.property(ops, ops, (first: Op[], second: Op[]) => {
        const apply = (start: KeyedMap<number>, sequence: Op[]): KeyedMap<number> =>
          sequence.reduce(
            (m, o) => (o.op === 'set' ? setKeyed(m, o.key, o.value) : deleteKeyed(m, o.key)),
            start,
          );
        const base = apply(emptyKeyed(), first);
        const snapshot = JSON.stringify(base);

        apply(base, second);

        expect(JSON.stringify(base)).toBe(snapshot);
      }),
    );
  });

  it('iterates in the same order whether built one write at a time or from a record', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 200 }),
        (names) => {
          const record = Object.fromEntries(names.map((n, i) => [n, i]));

          const built = names.reduce((m, n, i) => setKeyed(m, n, i), emptyKeyed<number>());

          expect(keyedFromRecord(record).buckets.length).toBe(built.buckets.length);
          expect(new Map(keyedEntries(keyedFromRecord(record)))).toEqual(
            new Map(keyedEntries(built)),
          );
        },
      ),
    );
  });

  it('sets many entries at once exactly as setting them one by one would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.integer()), { maxLength: 200 }),
        fc.array(fc.tuple(keys, fc.integer()), { maxLength: 400 }),
        (before, added) => {
          const start = before.reduce((m, [k, v]) => setKeyed(m, k, v), emptyKeyed<number>());
          const oneByOne = added.reduce((m, [k, v]) => setKeyed(m, k, v), start);

          const many = setManyKeyed(start, added);

          expect(many).toEqual(oneByOne);
          expect(keyedEntries(many)).toEqual(keyedEntries(oneByOne));
        },
      ),
    );
  });
});
