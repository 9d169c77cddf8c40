/**
 * An update of an object as the API serves it (what PATCH and PUT hand the registry after
 * applying the patch), written back to the store by the resource's update strategy
 * (staging/src/k8s.io/apiserver/pkg/registry/rest/update.go: PrepareForUpdate keeps what a
 * client may not change):
 *
 * - every resource: uid, creationTimestamp and deletionTimestamp stay the server's; status is
 *   the status subresource's (not written by an update of the main resource);
 * - Nodes, Pods and Namespaces are served as views of what the machines report: their update
 *   writes the metadata a client owns (labels, annotations) and, for Nodes, spec.taints and
 *   spec.unschedulable; the taints the node lifecycle controller keeps from the conditions
 *   (not-ready, unreachable, unschedulable) are its own and stay derived
 *   (pkg/controller/nodelifecycle/node_lifecycle_controller.go);
 * - every other resource stores the updated object, which from then on answers for it (also
 *   for objects that were derived from the compact state until written).
 */
import type { ClusterState } from '../model/state.ts';
import { readStored } from './buckets.ts';
import type { ResourceType } from './read.ts';
import type { ApiObject, Json, NewObject } from './types.ts';
import { putObject } from './write.ts';
import { nodeSimulatorAfter } from '../state/nodes.ts';

type Obj = Record<string, unknown>;

/** Taint keys the node lifecycle controller derives from a Node's conditions and spec. */
export const CONTROLLER_TAINTS: ReadonlySet<string> = new Set([
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/unschedulable',
]);

/** Resources whose served objects are views; their update keeps the stored simulation fields. */
const VIEW_FIELDS: Readonly<Record<string, readonly string[]>> = {
  nodes: ['taints', 'unschedulable'],
  // A Pod's containers take only a new image (the rest of a running Pod's spec is immutable).
  pods: ['tolerations', 'nodeSelector', 'containers.image'],
  namespaces: [],
};

function userMeta(o: ApiObject): Obj {
  const { labels, annotations } = o.metadata;
  return {
    ...(labels !== undefined && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(annotations !== undefined && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}

function viewUpdate(stored: ApiObject, after: ApiObject, fields: readonly string[]): NewObject {
  const { labels: _l, annotations: _a, ...meta } = stored.metadata;
  const spec: Obj = { ...((stored['spec'] as Obj | undefined) ?? {}) };
  const next = (after['spec'] as Obj | undefined) ?? {};
  for (const f of fields) {
    if (f === 'containers.image') {
      const images = new Map(
        ((next['containers'] ?? []) as Obj[]).map((c) => [c['name'], c['image']] as const),
      );
      const own = spec['containers'];
      if (Array.isArray(own))
        spec['containers'] = (own as Obj[]).map((c) =>
          images.get(c['name']) !== undefined ? { ...c, image: images.get(c['name']) ?? null } : c,
        );
      continue;
    }
    let v = next[f];
    if (f === 'taints' && Array.isArray(v))
      v = v.filter((t: unknown) => !CONTROLLER_TAINTS.has(String((t as Obj)['key'])));
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) delete spec[f];
    else spec[f] = v;
  }
  return {
    ...stored,
    metadata: { ...meta, ...userMeta(after) },
    spec: spec as Json,
  };
}

/**
 * A state with `after` (the served object of `type` after a client's change) written back.
 * Unchanged for a type the store does not keep (custom resources).
 */
export function updateServedObject(
  state: ClusterState,
  type: ResourceType,
  after: ApiObject,
): ClusterState {
  if (type.custom) return state;
  const ns = type.namespaced ? (after.metadata.namespace ?? null) : null;
  const stored = readStored(state.cluster?.objects, type.id, ns, after.metadata.name);
  const fields = VIEW_FIELDS[type.id];
  if (fields === undefined) return putStored(state, type, stored, after);
  if (!stored) return state;
  const update = viewUpdate(stored, after, fields);
  // The kubelet records a cordon or uncordon it sees (objects/node-schedulable-events.ts).
  const unschedulable = (update['spec'] as Obj | undefined)?.['unschedulable'] === true;
  return putObject(
    state,
    type.id,
    type.id === 'nodes'
      ? { ...update, simulator: nodeSimulatorAfter(state, stored, unschedulable) }
      : update,
  );
}

/** The update of a resource the store keeps as written: the server's fields stay its own. */
function putStored(
  state: ClusterState,
  type: ResourceType,
  stored: ApiObject | undefined,
  after: ApiObject,
): ClusterState {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp,
    deletionTimestamp: _d,
    ...meta
  } = after.metadata;
  const keep = stored?.metadata;
  const object = {
    ...after,
    metadata: {
      ...meta,
      ...(keep?.creationTimestamp !== undefined || creationTimestamp !== undefined
        ? { creationTimestamp: keep?.creationTimestamp ?? creationTimestamp }
        : {}),
      ...(keep?.deletionTimestamp !== undefined
        ? { deletionTimestamp: keep.deletionTimestamp }
        : {}),
    },
    ...(stored && stored['status'] !== undefined ? { status: stored['status'] } : {}),
    ...(stored && stored['simulator'] !== undefined ? { simulator: stored['simulator'] } : {}),
  } as unknown as NewObject;
  return putObject(state, type.id, object);
}

/**
 * `fresh` (an object a component rewrites from its own record) with the labels and annotations
 * clients set on the stored `existing` one: a rewrite by the simulation does not undo
 * `kubectl label` or `kubectl annotate`.
 */
export function keepClientMeta(fresh: NewObject, existing: ApiObject | undefined): NewObject {
  if (!existing) return fresh;
  const { labels, annotations } = existing.metadata;
  return {
    ...fresh,
    metadata: {
      ...fresh.metadata,
      ...(labels !== undefined ? { labels } : {}),
      ...(annotations !== undefined ? { annotations } : {}),
    },
  };
}
