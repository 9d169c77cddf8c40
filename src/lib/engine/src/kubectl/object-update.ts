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
  if (!getObject(state, type.id, ns, object.metadata.name))
    throw new EngineError('ObjectNotFound', { resource: type.id, name: object.metadata.name });
  return ok(updateServedObject(state, type, object));
}
