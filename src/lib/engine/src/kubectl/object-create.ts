/**
 * `kubectl.object.create`: a client's new object (kubectl create configmap|secret|role…, a
 * POST), stored through the generic registry path (store/write.ts) after the checks the API
 * server makes first: the type is served, the namespace of a namespaced object exists and is
 * not being deleted, and no object of that name exists (AlreadyExists).
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create:
 * NewAlreadyExists), plugin/pkg/admission/namespace/lifecycle/admission.go (NotFound for a
 * missing namespace; "unable to create new content in namespace … because it is being
 * terminated").
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { findNamespace, putNamespace } from '../state/namespaces.ts';
import { getObject, resolveType } from '../store/read.ts';
import type { NewObject } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { allocateService } from './service-allocation.ts';
import { deletePod } from '../workloads/pod-deletion.ts';
import { batchFieldErrors, invalidMessage } from '../objects/batch-validation.ts';
import type { Json } from '../store/types.ts';
import { podAdmissionError } from '../store/pod-admission.ts';

type Obj = { readonly [k: string]: Json };

const WORKLOADS = new Set([
  'deployments.apps',
  'replicasets.apps',
  'daemonsets.apps',
  'statefulsets.apps',
  'pods',
  'jobs.batch',
  'cronjobs.batch',
]);

/** Applies one object creation. */
export function applyObjectCreate(
  state: ClusterState,
  resource: string,
  object: NewObject,
): Transition {
  const type = resolveType(state, resource);
  if (!type || type.custom) throw new EngineError('UnknownResourceType', { resource });
  const name = object.metadata.name;
  const namespace = type.namespaced ? (object.metadata.namespace ?? 'default') : null;
  if (namespace !== null) {
    const ns = findNamespace(state, namespace);
    if (!ns) throw new EngineError('NamespaceMissing', { namespace });
  }
  // The strategy's validation runs before the store looks for the name (objects/batch-validation.ts).
  const invalid = type.group === 'batch' ? batchFieldErrors(type.kind, object as Obj) : [];
  if (invalid.length > 0)
    throw new EngineError('UsageError', { message: invalidMessage(type.kind, name, invalid) });
  // Admission comes before the store looks for the name (store/pod-admission.ts).
  const refused =
    type.id === 'pods'
      ? podAdmissionError(state.cluster?.objects, {
          ...object,
          metadata: { ...object.metadata, namespace: namespace ?? 'default' },
        })
      : null;
  if (refused !== null) throw new EngineError('UsageError', { message: refused });
  if (getObject(state, type.id, namespace, name))
    throw new EngineError('ObjectAlreadyExists', { resource: type.id, name });
  // Namespaces keep their simulation record (state/namespaces.ts).
  if (type.id === 'namespaces') return ok(putNamespace(state, name, { createdAt: state.now }));
  const { creationTimestamp: _client, ...meta } = object.metadata;
  // Workloads a client creates are run by the simulator's controllers (controllers/workloads.ts).
  const managed = WORKLOADS.has(type.id)
    ? { simulator: { user: true, ...(type.id === 'pods' ? { createdAt: state.now } : {}) } }
    : {};
  const { status: _status, ...fields } = object;
  const placed: NewObject = {
    ...fields,
    // The Service strategy resets the status on create (an empty load balancer status).
    ...(type.id === 'services' ? { status: { loadBalancer: {} } } : {}),
    // The batch strategies reset the status to its empty struct (encoded as `status: {}`).
    ...(type.id === 'jobs.batch' || type.id === 'cronjobs.batch' ? { status: {} } : {}),
    metadata: { ...meta, ...(namespace !== null ? { namespace } : {}) },
    ...managed,
  };
  return ok(
    putObject(state, type.id, type.id === 'services' ? allocateService(state, placed) : placed),
  );
}

/**
 * Deletes a stored object a client may delete (the generic registry's Delete): gone at once, or
 * marked while finalizers remain; the garbage collector then removes what it owned
 * (controllers/workloads.ts). Pods are deleted gracefully with DeleteOptions.gracePeriodSeconds
 * `gracePeriodSeconds` (absent: their own), workloads/pod-deletion.ts; Nodes keep their own path.
 */
export function applyObjectDelete(
  state: ClusterState,
  resource: string,
  namespace: string | null,
  name: string,
  gracePeriodSeconds?: number,
): Transition {
  const type = resolveType(state, resource);
  if (!type || type.custom) throw new EngineError('UnknownResourceType', { resource });
  const ns = type.namespaced ? (namespace ?? 'default') : null;
  if (!getObject(state, type.id, ns, name))
    throw new EngineError('ObjectNotFound', { resource: type.id, name });
  // Pods terminate (workloads/pod-deletion.ts): Terminating until their kubelet is done.
  if (type.id === 'pods' && ns !== null) {
    const deleted = deletePod(state, ns, name, gracePeriodSeconds);
    if (deleted) return ok(deleted.state);
  }
  return ok(removeObject(state, type.id, ns, name));
}
