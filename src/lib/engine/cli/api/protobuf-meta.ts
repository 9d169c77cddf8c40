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
import { rawFields } from './protobuf-object.ts';

/** The first length-delimited field of each number in one message. */
export function fields(buf: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  for (const r of rawFields(buf))
    if (typeof r.value !== 'number' && !out.has(r.field)) out.set(r.field, r.value);
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

/**
 * True when a protobuf body's DeleteOptions ask for a dry run: the body itself (a DELETE's
 * metav1.DeleteOptions, `at` = []) or the DeleteOptions inside it (an Eviction's field 2,
 * `at` = [2]); DeleteOptions field 5 is dryRun.
 */
export function protobufDryRun(raw: Uint8Array, at: readonly number[]): boolean {
  if (raw.length < 4 || text(raw.subarray(0, 4)) !== 'k8s\0') return false;
  // runtime.Unknown field 2: the object's own bytes.
  let message = fields(raw.subarray(4)).get(2) ?? new Uint8Array();
  for (const field of at) message = fields(message).get(field) ?? new Uint8Array();
  return fields(message).has(5);
}

/**
 * The gracePeriodSeconds of a protobuf body's DeleteOptions (`at` as for
 * {@link protobufDryRun}; DeleteOptions field 1, an int64), or undefined when it has none.
 */
export function protobufGracePeriod(raw: Uint8Array, at: readonly number[]): number | undefined {
  if (raw.length < 4 || text(raw.subarray(0, 4)) !== 'k8s\0') return undefined;
  let message = fields(raw.subarray(4)).get(2) ?? new Uint8Array();
  for (const field of at) message = fields(message).get(field) ?? new Uint8Array();
  const grace = rawFields(message).find((r) => r.field === 1)?.value;
  return typeof grace === 'number' ? grace : undefined;
}
