/**
 * Keys a reader writes with `etcdctl put` (outside what kube-apiserver keeps, or over one of its
 * keys) and removes with `etcdctl del`, as plain data on the cluster. Every write takes the next
 * etcd revision, the one the object store hands out as resourceVersion: etcd has one revision
 * for the whole keyspace. Deleting a key of a stored API object removes the object from the store
 * at once, as a raw etcd delete does (no finalizers, no graceful deletion: the API server is
 * bypassed).
 * upstream: etcd-io/etcd server/storage/mvcc/kvstore_txn.go (put: create_revision kept, version+1;
 * deleteRange), api/mvccpb/kv.proto (KeyValue)
 */
import type { Cluster, ClusterState, EtcdData, EtcdUserKey } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { EMPTY_STORE, writeStored, type ObjectStore } from '../store/buckets.ts';

/** A stored API object a registry key names. */
export interface RegistryObjectRef {
  readonly resource: string;
  readonly namespace: string | null;
  readonly name: string;
}

/** The reader's etcd data. */
export function etcdUserData(state: ClusterState): EtcdData {
  return state.cluster?.etcdData ?? { keys: {} };
}

function storeOf(c: Cluster): ObjectStore {
  return c.objects ?? EMPTY_STORE;
}

function withData(
  state: ClusterState,
  c: Cluster,
  data: EtcdData,
  store: ObjectStore,
): ClusterState {
  return { ...state, cluster: { ...c, objects: store, etcdData: data } };
}

/** `etcdctl put KEY VALUE`: the key at the next revision (version + 1 over an existing key). */
export function applyEtcdPut(state: ClusterState, key: string, value: string): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  const store = storeOf(c);
  const rev = store.rv + 1;
  const data = etcdUserData(state);
  const prev = Object.hasOwn(data.keys, key) ? data.keys[key] : undefined;
  const entry: EtcdUserKey = {
    value,
    createRevision: prev?.createRevision ?? rev,
    modRevision: rev,
    version: (prev?.version ?? 0) + 1,
  };
  return ok(
    withData(state, c, { ...data, keys: { ...data.keys, [key]: entry } }, { ...store, rv: rev }),
  );
}

/**
 * `etcdctl del`: removes the reader's keys and the stored objects of the registry keys given,
 * in one revision (a DeleteRange is one transaction).
 */
export function applyEtcdDelete(
  state: ClusterState,
  keys: readonly string[],
  objects: readonly RegistryObjectRef[],
): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  if (keys.length === 0 && objects.length === 0) return ok(state);
  let store = storeOf(c);
  const rev = store.rv + 1;
  for (const o of objects) store = writeStored(store, o.resource, o.namespace, o.name, null, rev);
  const data = etcdUserData(state);
  const kept = Object.fromEntries(Object.entries(data.keys).filter(([k]) => !keys.includes(k)));
  return ok(withData(state, c, { ...data, keys: kept }, { ...store, rv: rev }));
}

/** `etcdctl compaction REV`: remembered so later reads below it answer "compacted". */
export function applyEtcdCompaction(state: ClusterState, revision: number): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  const data = etcdUserData(state);
  return ok(withData(state, c, { ...data, compacted: revision }, storeOf(c)));
}

/** `etcdctl move-leader ID`: the member that leads from now on (etcd/model.ts etcdLeader). */
export function applyEtcdMoveLeader(state: ClusterState, id: string): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  return ok(withData(state, c, { ...etcdUserData(state), leader: id }, storeOf(c)));
}
