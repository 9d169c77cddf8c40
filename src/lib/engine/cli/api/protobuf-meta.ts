/**
 * Reads what a write needs (apiVersion, kind, name, namespace) from a Kubernetes protobuf body:
 * kubectl's typed clients send built-in kinds as `application/vnd.kubernetes.protobuf`, the
 * `k8s\0` magic followed by a runtime.Unknown (1: TypeMeta{1 apiVersion, 2 kind}, 2: raw object
 * whose field 1 is ObjectMeta{1 name, 2 generateName, 3 namespace}).
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go,
 * staging/src/k8s.io/apimachinery/pkg/runtime/generated.proto (Unknown, TypeMeta),
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto (ObjectMeta).
 */

/** Length-delimited fields of one message by field number (other wire types skipped). */
export function fields(buf: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++] ?? 0;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0 || i >= buf.length) return v;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const wire = key % 8;
    const field = Math.floor(key / 8);
    if (wire === 0) varint();
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else if (wire === 2) {
      const len = varint();
      if (!out.has(field)) out.set(field, buf.subarray(i, i + len));
      i += len;
    } else break;
  }
  return out;
}

/** A protobuf string field as text ('' when absent). */
export const text = (b: Uint8Array | undefined): string => (b ? new TextDecoder().decode(b) : '');

/** The identity of the object in a protobuf body, or null when it is not one. */
export function protobufMeta(
  raw: Uint8Array,
): { apiVersion: string; kind: string; name: string; namespace: string } | null {
  if (raw.length < 4 || text(raw.subarray(0, 4)) !== 'k8s\0') return null;
  const unknown = fields(raw.subarray(4));
  const typeMeta = fields(unknown.get(1) ?? new Uint8Array());
  const meta = fields(fields(unknown.get(2) ?? new Uint8Array()).get(1) ?? new Uint8Array());
  return {
    apiVersion: text(typeMeta.get(1)),
    kind: text(typeMeta.get(2)),
    name: text(meta.get(1)),
    namespace: text(meta.get(3)),
  };
}
