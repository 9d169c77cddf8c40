/**
 * The keyspace an etcdctl request sees once connected: the header of the member that answered
 * and every key, in key order (etcd/keyspace.ts for kube-apiserver's keys).
 * upstream: etcd-io/etcd api/etcdserverpb/rpc.proto (ResponseHeader), server/etcdserver/api/v3rpc
 * (header filled by the serving member)
 */
import {
  etcdView,
  hasQuorum,
  registryKeyValues,
  type ClusterState,
  type EtcdKeyValue,
} from '../../src/index.ts';
import { utf8 } from '../../src/pki/der.ts';
import type { ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { connect, raftTerm } from './etcdctl-client.ts';
import type { EtcdHeader } from './etcdctl-kv-print.ts';

/** A pair as the client sees it; `user` for the keys a reader put (etcd/user-keys.ts). */
export type ClientKv = EtcdKeyValue & { readonly user?: boolean };

/** What a connected client reads. */
export interface OpenKeyspace {
  readonly header: EtcdHeader;
  readonly kvs: readonly ClientKv[];
  /** The revision of the last compaction (0: none). */
  readonly compacted: number;
}

/** The etcd revision: the store's global resourceVersion (the revision of the last write). */
export function currentRevision(inv: Invocation): number {
  return inv.ctx.state.cluster?.objects?.rv ?? 1;
}

/** Connects (TLS, endpoints, quorum) and reads the keyspace, or the client's error. */
export function openKeyspace(inv: Invocation, p: ParsedFlags): OpenKeyspace | string {
  const member = connect(inv, p);
  if (typeof member === 'string') return member;
  const e = etcdView(inv.ctx.state);
  // A linearizable read needs the leader's read index: without quorum it times out.
  if (!e || !hasQuorum(inv.ctx.state)) return 'context deadline exceeded';
  const header: EtcdHeader = {
    clusterId: e.clusterId,
    memberId: member.id,
    revision: currentRevision(inv),
    raftTerm: raftTerm(inv.ctx.state),
  };
  const data = inv.ctx.state.cluster?.etcdData;
  return { header, kvs: withUserKeys(inv.ctx.state), compacted: data?.compacted ?? 0 };
}

/** kube-apiserver's keys with the reader's over them (a put over a registry key replaces it). */
function withUserKeys(state: ClusterState): ClientKv[] {
  const keys = state.cluster?.etcdData?.keys ?? {};
  const user: ClientKv[] = Object.entries(keys).map(([key, k]) => ({
    key,
    value: utf8(k.value),
    createRevision: k.createRevision,
    modRevision: k.modRevision,
    version: k.version,
    lease: 0,
    user: true,
  }));
  if (user.length === 0) return registryKeyValues(state);
  const mine = new Set(user.map((kv) => kv.key));
  return [...registryKeyValues(state).filter((kv) => !mine.has(kv.key)), ...user].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}
