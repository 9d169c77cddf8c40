/**
 * `kubectl.object.update`: a client's change to one served object (label, annotate, taint,
 * patch), written back by the resource's update strategy (store/update.ts). The type must be
 * served; the object must exist.
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { getObject, resolveType } from '../store/read.ts';
import type { ApiObject } from '../store/types.ts';
import { updateServedObject } from '../store/update.ts';

/** Applies one object update. */
export function applyObjectUpdate(
  state: ClusterState,
  resource: string,
  object: ApiObject,
): Transition {
  const type = resolveType(state, resource);
  if (!type) throw new EngineError('UnknownResourceType', { resource });
  const ns = type.namespaced ? (object.metadata.namespace ?? null) : null;
  const live = getObject(state, type.id, ns, object.metadata.name);
  if (!live)
    throw new EngineError('ObjectNotFound', { resource: type.id, name: object.metadata.name });
  // A Job's Pod template is immutable (batch validation.go ValidateJobSpecUpdate). The API
  // server's message carries the Go %#v dump of the new template; it is elided here.
  const template = (o: ApiObject): string =>
    sortedJson((o['spec'] as { template?: unknown } | undefined)?.template);
  if (type.id === 'jobs.batch' && template(live) !== template(object))
    throw new EngineError('UsageError', {
      message: `Job.batch "${object.metadata.name}" is invalid: spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable`,
    });
  return ok(updateServedObject(state, type, object));
}

/** JSON with the keys of every object sorted (the same value however it was written). */
function sortedJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  const obj = v as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`)
    .join(',')}}`;
}
