/**
 * Encodes an object the way kube-apiserver writes built-in kinds to etcd: the `k8s\0` magic and a
 * runtime.Unknown {1: TypeMeta{1 apiVersion, 2 kind}, 2: the object's bytes, 3: contentEncoding,
 * 4: contentType}, the object encoded from the field tables of protobuf/schema.ts. Fields go out
 * in field-number order; gogo's generated Marshal writes non-pointer strings, ints and bools even
 * when empty, map entries sorted by key. The stored object has no resourceVersion (the etcd3
 * store's versioner clears it: apiserver/pkg/storage/etcd3/store.go, APIObjectVersioner
 * PrepareObjectForStorage). Kinds without a table carry their ObjectMeta only.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go
 * (Serializer.Encode, protoEncodingPrefix), apimachinery/pkg/runtime/generated.proto (Unknown),
 * apimachinery/pkg/apis/meta/v1/generated.proto (ObjectMeta, Time).
 */
import { fromBase64 as base64Bytes, utf8 as utf8Bytes } from '../pki/der.ts';
import { KINDS, META, POINTERS, type Schema } from './schema.ts';

/** ObjectMeta with the fields the server sets: uid 5, generation 7, creationTimestamp 8. */
const STORED_META: Schema = {
  ...META,
  5: ['uid', 'string'],
  7: ['generation', 'int'],
  8: ['creationTimestamp', 'time' as never],
  9: ['deletionTimestamp', 'time' as never],
  10: ['deletionGracePeriodSeconds', 'int'],
};

class Writer {
  readonly bytes: number[] = [];
  varint(n: number): void {
    let v = n < 0 ? 2 ** 64 + n : n;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }
  bytesField(field: number, b: readonly number[]): void {
    this.tag(field, 2);
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
  }
}

const utf8 = (s: string): number[] => [...utf8Bytes(s)];

/** RFC 3339 text → metav1.Time {1: seconds, 2: nanos}. */
function time(value: unknown): number[] {
  const w = new Writer();
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  w.tag(1, 0);
  w.varint(Number.isNaN(ms) ? 0 : Math.floor(ms / 1000));
  w.tag(2, 0);
  w.varint(0);
  return w.bytes;
}

/** base64 (JSON `[]byte`) → bytes. */
const fromBase64 = (s: string): number[] => [...base64Bytes(s)];

/** An IntOrString JSON value → its message {1 type, 2 intVal, 3 strVal}. */
function intOrString(v: unknown): Record<string, unknown> {
  return typeof v === 'string' ? { type: 1, strVal: v } : { type: 0, intVal: v ?? 0 };
}

const INT_OR_STRING_FIELDS = new Set(['targetPort', 'minAvailable', 'maxUnavailable', 'maxSurge']);

function message(o: Readonly<Record<string, unknown>>, schema: Schema): number[] {
  const w = new Writer();
  const numbers = Object.keys(schema)
    .map(Number)
    .sort((a, b) => a - b);
  for (const n of numbers) {
    const [name, kind] = schema[n] ?? ['', 'string'];
    const v = o[name];
    if (kind === 'string') w.bytesField(n, utf8(typeof v === 'string' ? v : ''));
    else if (kind === 'bytes') w.bytesField(n, fromBase64(typeof v === 'string' ? v : ''));
    else if (kind === 'bool' || kind === 'int') {
      if (v === undefined && POINTERS.has(name)) continue;
      w.tag(n, 0);
      w.varint(kind === 'bool' ? (v === true ? 1 : 0) : Number(v ?? 0));
    } else if ((kind as string) === 'time') {
      if (v !== undefined) w.bytesField(n, time(v));
    } else if (kind === 'strings') {
      for (const s of Array.isArray(v) ? (v as unknown[]) : []) w.bytesField(n, utf8(String(s)));
    } else if (kind === 'map' || kind === 'bytesmap' || kind === 'quantitymap') {
      const entries = Object.entries((v ?? {}) as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      for (const [k, x] of entries) {
        const e = new Writer();
        e.bytesField(1, utf8(k));
        const s = typeof x === 'string' || typeof x === 'number' ? String(x) : '';
        if (kind === 'bytesmap') e.bytesField(2, fromBase64(s));
        else if (kind === 'quantitymap')
          e.bytesField(2, message({ string: s }, { 1: ['string', 'string'] }));
        else e.bytesField(2, utf8(s));
        w.bytesField(n, e.bytes);
      }
    } else if (typeof kind === 'object') {
      if (v === undefined || v === null) continue;
      const items = kind.repeated ? (Array.isArray(v) ? (v as unknown[]) : []) : [v];
      for (const item of items) {
        const m = INT_OR_STRING_FIELDS.has(name) ? intOrString(item) : item;
        w.bytesField(n, message(m as Record<string, unknown>, kind.msg));
      }
    }
  }
  return w.bytes;
}

/** The bytes kube-apiserver stores in etcd for a built-in object. */
export function storedProtobuf(o: {
  readonly apiVersion: string;
  readonly kind: string;
  readonly [field: string]: unknown;
}): Uint8Array {
  const table = KINDS[o.kind];
  const schema: Schema = { ...(table ?? {}), 1: ['metadata', { msg: STORED_META }] };
  const { resourceVersion: _rv, ...meta } = (o['metadata'] ?? {}) as Record<string, unknown>;
  const body = message({ ...o, metadata: meta }, schema);
  const typeMeta = new Writer();
  typeMeta.bytesField(1, utf8(o.apiVersion));
  typeMeta.bytesField(2, utf8(o.kind));
  const unknown = new Writer();
  unknown.bytesField(1, typeMeta.bytes);
  unknown.bytesField(2, body);
  unknown.bytesField(3, []);
  unknown.bytesField(4, []);
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown.bytes]);
}
