/**
 * Metadata of the objects still derived from the compact cluster state at read time (Nodes, Pods,
 * Namespaces, ConfigMaps, CSRs, custom resources): uid and resourceVersion come from a hash of
 * the object's identity, so repeated reads agree. Objects in the store (store/write.ts) carry
 * the real global resourceVersion instead.
 */
import { nodeList } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { uuidV4 } from '../model/uuid.ts';

type Obj = Record<string, unknown>;

/**
 * Derived identities already computed (pure functions of their seed): a listing of 10,000 Pods
 * hashes each identity once per session, not once per listing. Bounded: cleared when full.
 */
const remembered = new Map<string, string>();
const REMEMBER_AT_MOST = 100_000;

function remember(key: string, compute: () => string): string {
  let v = remembered.get(key);
  if (v === undefined) {
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    v = compute();
    remembered.set(key, v);
  }
  return v;
}

/** A stable UID derived from the object's identity. */
export function uid(seed: string): string {
  return remember(`uid:${seed}`, () => uuidV4(hash64(seed) + hash64(`${seed}#2`)));
}
/** A stable resourceVersion derived from the object's identity. */
export function legacyRv(seed: string): string {
  return remember(`rv:${seed}`, () =>
    String((parseInt(hash64(seed).slice(0, 6), 16) % 900000) + 1000),
  );
}
/** ObjectMeta with the fields the API server always sets (keys in the order kubectl's YAML sorts them). */
export function meta(
  name: string,
  namespace: string | null,
  created: number,
  extra: Obj = {},
): Obj {
  return {
    creationTimestamp: formatRfc3339(created),
    ...extra,
    name,
    ...(namespace ? { namespace } : {}),
    resourceVersion: legacyRv(`${namespace}/${name}`),
    uid: uid(`${namespace}/${name}/${created}`),
  };
}

/** When the cluster started: its first node's registration. */
export function clusterStart(state: ClusterState): number {
  const c = state.cluster;
  if (!c) return state.now;
  let first = state.now;
  for (const n of nodeList(state)) first = Math.min(first, n.createdAt);
  return first;
}
