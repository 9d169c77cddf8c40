/**
 * Decodes the objects kubectl's typed clients send as `application/vnd.kubernetes.protobuf`
 * (the `k8s\0` magic, a runtime.Unknown whose field 2 is the object) into the JSON the API
 * serves, for the kinds the simulator creates from a POST. Each kind is a table of field numbers
 * from its generated.proto; empty strings are dropped as the JSON encoder's omitempty does.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go,
 * staging/src/k8s.io/api/core/v1/generated.proto (ConfigMap, Secret, ServiceAccount, Namespace,
 * Service, Pod), staging/src/k8s.io/api/rbac/v1/generated.proto, api/policy/v1/generated.proto
 * (PodDisruptionBudget), staging/src/k8s.io/api/apps/v1/
 * generated.proto (Deployment), staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto.
 */

import {
  PROTOBUF_KINDS as KINDS,
  PROTOBUF_POINTERS as POINTERS,
  protobufFields as rawFields,
  type ProtobufSchema as Schema,
} from '../../src/index.ts';

/** The wire reader lives in the core with the tables; re-exported for protobuf-meta.ts. */
export { rawFields };

type Obj = Record<string, unknown>;
const text = (v: number | Uint8Array): string =>
  typeof v === 'number' ? String(v) : new TextDecoder().decode(v);

function base64(v: number | Uint8Array): string {
  if (typeof v === 'number') return '';
  return Buffer.from(v).toString('base64');
}

function decode(buf: Uint8Array, schema: Schema): Obj {
  const out: Obj = {};
  for (const r of rawFields(buf)) {
    const spec = schema[r.field];
    if (!spec) continue;
    const [name, kind] = spec;
    if (kind === 'string') {
      const s = text(r.value);
      if (s !== '') out[name] = s;
    } else if (kind === 'bytes') out[name] = base64(r.value);
    else if (kind === 'bool') {
      // encoding/json omits false for the omitempty bools; pointer bools (immutable …) stay.
      if (r.value === 1 || POINTERS.has(name)) out[name] = r.value === 1;
    } else if (kind === 'int') {
      const n = typeof r.value === 'number' ? r.value : 0;
      if (n !== 0 || POINTERS.has(name)) out[name] = n;
    } else if (kind === 'strings')
      out[name] = [...((out[name] as string[] | undefined) ?? []), text(r.value)];
    else if (kind === 'map' || kind === 'bytesmap' || kind === 'quantitymap') {
      if (typeof r.value === 'number') continue;
      const entry = rawFields(r.value);
      const k = entry.find((e) => e.field === 1)?.value;
      const v = entry.find((e) => e.field === 2)?.value;
      const value =
        v === undefined
          ? ''
          : kind === 'bytesmap'
            ? base64(v)
            : kind === 'quantitymap'
              ? text(
                  typeof v === 'number'
                    ? v
                    : (rawFields(v).find((e) => e.field === 1)?.value ?? new Uint8Array()),
                )
              : text(v);
      out[name] = {
        ...(out[name] ?? {}),
        [k === undefined ? '' : text(k)]: value,
      };
    } else if (typeof r.value !== 'number') {
      const m = decode(r.value, kind.msg);
      out[name] = kind.repeated ? [...((out[name] as Obj[] | undefined) ?? []), m] : m;
    }
  }
  return out;
}

/** An IntOrString as JSON: the number, or the text (a port name, a percentage). */
function intOrString(o: Obj): unknown {
  return o['type'] === 1 ? (o['strVal'] ?? '') : (o['intVal'] ?? 0);
}

/**
 * The JSON object a protobuf body carries, or null when it is not protobuf or not a kind the
 * simulator decodes.
 */
export function protobufObject(raw: Uint8Array): Obj | null {
  if (raw.length < 4 || new TextDecoder().decode(raw.subarray(0, 4)) !== 'k8s\0') return null;
  const unknown = rawFields(raw.subarray(4));
  const typeMeta = unknown.find((r) => r.field === 1)?.value;
  const body = unknown.find((r) => r.field === 2)?.value;
  if (typeMeta === undefined || body === undefined || typeof typeMeta === 'number') return null;
  const tm = decode(typeMeta, { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] });
  const kind = typeof tm['kind'] === 'string' ? tm['kind'] : '';
  const schema = KINDS[kind];
  if (!schema || typeof body === 'number') return null;
  const o = { apiVersion: tm['apiVersion'], kind, ...decode(body, schema) };
  const ports = ((o as Obj)['spec'] as Obj | undefined)?.['ports'];
  if (kind === 'Service' && Array.isArray(ports))
    for (const p of ports as Obj[])
      if (p['targetPort'] !== undefined) p['targetPort'] = intOrString(p['targetPort'] as Obj);
  const spec = (o as Obj)['spec'] as Obj | undefined;
  if (kind === 'PodDisruptionBudget' && spec)
    for (const f of ['minAvailable', 'maxUnavailable'])
      if (spec[f] !== undefined) spec[f] = intOrString(spec[f] as Obj);
  return o;
}
