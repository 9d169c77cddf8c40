/**
 * The keyspace an etcdctl request sees once connected: the header of the member that answered
 * and every key, in key order (etcd/keyspace.ts for kube-apiserver's keys).
 * upstream: etcd-io/etcd api/etcdserverpb/rpc.proto (ResponseHeader), server/etcdserver/api/v3rpc
 * (header filled by the serving member)
 */
import { etcdView, hasQuorum, registryKeyValues, type EtcdKeyValue } from '../../src/index.ts';
import type { ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { connect, raftTerm } from './etcdctl-client.ts';
import type { EtcdHeader } from './etcdctl-kv-print.ts';

/** What a connected client reads. */
export interface OpenKeyspace {
  readonly header: EtcdHeader;
  readonly kvs: readonly EtcdKeyValue[];
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
  return { header, kvs: registryKeyValues(inv.ctx.state) };
}
