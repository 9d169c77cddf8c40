/**
 * Writes to the API object store, the generic registry path of kube-apiserver
 * (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go): create sets uid,
 * creationTimestamp, resourceVersion and generation; update keeps uid and creationTimestamp and
 * bumps resourceVersion (and generation when the spec changed); delete removes the object, or
 * only sets deletionTimestamp while finalizers remain. Every write takes the next global
 * resourceVersion. Pure: returns a new state, copying one bucket (store/buckets.ts).
 */
import type { Cluster, ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { uuidV4 } from '../model/uuid.ts';
import { EMPTY_STORE, readStored, writeStored, type ObjectStore } from './buckets.ts';
import type { ApiObject, NewObject } from './types.ts';
import { withDefaults } from './defaults.ts';
import { admitPod } from './pod-admission.ts';
import { prepareJobForCreate } from '../objects/job-strategy.ts';

/** A UUID derived from the object's identity and the resourceVersion that created it (no RNG draw). */
export function objectUid(resource: string, namespace: string, name: string, rv: number): string {
  const seed = `${resource}/${namespace}/${name}/${rv}`;
  const h = hash64(seed) + hash64(`${seed}#2`);
  return uuidV4(h);
}

function storeOf(c: Cluster): ObjectStore {
  return c.objects ?? EMPTY_STORE;
}

function withStore(state: ClusterState, c: Cluster, objects: ObjectStore): ClusterState {
  return { ...state, cluster: { ...c, objects } };
}

/** Marked as a reader's workload object (`simulator.user`, workloads/user-pod-mark.ts). */
function isUserWorkload(o: NewObject): boolean {
  return (o['simulator'] as { user?: boolean } | undefined)?.user === true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether the write changes the spec, for the generation. Binding a Pod to its node is the
 * binding subresource (pkg/registry/core/pod/storage/storage.go setPodNodeAndMetadata), which
 * writes nodeName without the Pod strategy that bumps the generation.
 */
function specChanged(resource: string, existing: ApiObject, object: NewObject): boolean {
  const before = existing['spec'];
  const after = object['spec'];
  if (resource === 'pods' && isSpec(before) && isSpec(after) && before['nodeName'] === undefined) {
    const { nodeName: _bound, ...rest } = after as Readonly<Record<string, unknown>>;
    return !sameJson(before, rest);
  }
  return !sameJson(before, after);
}

/**
 * Resources whose strategy sets no metadata.generation although they have a spec: Leases
 * (pkg/registry/coordination/lease/strategy.go PrepareForCreate is empty).
 */
const WITHOUT_GENERATION: ReadonlySet<string> = new Set(['leases.coordination.k8s.io']);

function isSpec(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Creates or replaces one object of `resource` (`plural` or `plural.group`), with the API's
 * defaults filled in (store/defaults.ts). A new object gets
 * its uid and creationTimestamp (from `metadata.creationTimestamp` when the writer backdates it,
 * otherwise the clock); a replaced one keeps them. No cluster: the state is returned unchanged.
 */
export function putObject(state: ClusterState, resource: string, written: NewObject): ClusterState {
  const c = state.cluster;
  const defaulted = withDefaults(written);
  if (!c) return state;
  const store = storeOf(c);
  const { name } = written.metadata;
  const namespace = written.metadata.namespace ?? '';
  const existing = readStored(store, resource, namespace, name);
  const rv = store.rv + 1;
  // A new Pod of a reader's workload goes through the admission chain (store/pod-admission.ts);
  // the cluster's own Pods are compact records served whole by objects/pod-object.ts.
  const admitted =
    resource === 'pods' && !existing && isUserWorkload(defaulted)
      ? admitPod(store, state.rng, defaulted)
      : { pod: defaulted, rng: state.rng };
  // The Job strategy generates the selector from the new uid (objects/job-strategy.ts).
  const object =
    resource === 'jobs.batch' && !existing
      ? prepareJobForCreate(defaulted, objectUid(resource, namespace, name, rv))
      : admitted.pod;
  const hasSpec = object['spec'] !== undefined && !WITHOUT_GENERATION.has(resource);
  const generation = existing?.metadata.generation ?? 1;
  const metadata = {
    ...object.metadata,
    creationTimestamp:
      existing?.metadata.creationTimestamp ??
      object.metadata.creationTimestamp ??
      formatRfc3339(state.now),
    ...(hasSpec
      ? {
          generation:
            existing && specChanged(resource, existing, object) ? generation + 1 : generation,
        }
      : {}),
    resourceVersion: String(rv),
    uid: existing?.metadata.uid ?? objectUid(resource, namespace, name, rv),
  };
  const stored = { ...object, metadata } as ApiObject;
  const drawn = admitted.rng === state.rng ? state : { ...state, rng: admitted.rng };
  return withStore(drawn, c, writeStored(store, resource, namespace, name, stored, rv));
}

/** Puts several objects in order (each takes the next resourceVersion). */
export function putObjects(
  state: ClusterState,
  objects: readonly (readonly [resource: string, object: NewObject])[],
): ClusterState {
  return objects.reduce((s, [resource, o]) => putObject(s, resource, o), state);
}

/**
 * Deletes one object: gone at once without finalizers, otherwise marked with deletionTimestamp
 * (the garbage collector or the finalizer's owner finishes it). Unknown objects: unchanged.
 */
export function removeObject(
  state: ClusterState,
  resource: string,
  namespace: string | null,
  name: string,
): ClusterState {
  const c = state.cluster;
  const existing = readStored(c?.objects, resource, namespace, name);
  if (!c || !existing) return state;
  const store = storeOf(c);
  const rv = store.rv + 1;
  const finalizers = existing.metadata.finalizers ?? [];
  if (finalizers.length === 0)
    return withStore(state, c, writeStored(store, resource, namespace, name, null, rv));
  // markAsDeleting (registry/store.go) also zeroes deletionGracePeriodSeconds; a Namespace's own
  // Delete (pkg/registry/core/namespace/storage/storage.go) sets only the timestamp.
  const grace =
    resource === 'namespaces'
      ? {}
      : { deletionGracePeriodSeconds: existing.metadata.deletionGracePeriodSeconds ?? 0 };
  const marked = {
    ...existing,
    metadata: {
      ...existing.metadata,
      deletionTimestamp: existing.metadata.deletionTimestamp ?? formatRfc3339(state.now),
      ...grace,
      resourceVersion: String(rv),
    },
  } as ApiObject;
  return withStore(state, c, writeStored(store, resource, namespace, name, marked, rv));
}

/**
 * A graceful delete (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete), as
 * for a Pod bound to a node: the object stays, with deletionTimestamp `at` + the grace period,
 * deletionGracePeriodSeconds, and its generation bumped; its kubelet removes it later.
 * `update` changes the rest of the object in the same write (the simulator's own fields).
 */
export function deleteGracefully(
  state: ClusterState,
  resource: string,
  namespace: string | null,
  name: string,
  at: number,
  graceSeconds: number,
  update: (o: ApiObject) => ApiObject = (o) => o,
): ClusterState {
  const c = state.cluster;
  const existing = readStored(c?.objects, resource, namespace, name);
  if (!c || !existing || existing.metadata.deletionTimestamp !== undefined) return state;
  const store = storeOf(c);
  const rv = store.rv + 1;
  const generation = existing.metadata.generation;
  const changed = update(existing);
  const marked = {
    ...changed,
    metadata: {
      ...changed.metadata,
      deletionGracePeriodSeconds: graceSeconds,
      deletionTimestamp: formatRfc3339(at + graceSeconds * 1000),
      ...(generation !== undefined && generation > 0 ? { generation: generation + 1 } : {}),
      resourceVersion: String(rv),
    },
  } as ApiObject;
  return withStore(state, c, writeStored(store, resource, namespace, name, marked, rv));
}
