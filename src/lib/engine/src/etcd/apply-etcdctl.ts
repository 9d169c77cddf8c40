/**
 * Transitions of what etcdctl does to etcd itself: the reader's keys (put, del), compaction,
 * leadership transfer and member promote/update.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/{put,del,compaction,move_leader,member}_command.go
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import type { Transition } from '../commands/result.ts';
import {
  applyEtcdCompaction,
  applyEtcdDelete,
  applyEtcdMoveLeader,
  applyEtcdPut,
} from './user-keys.ts';
import { applyMemberPromote, applyMemberUpdate } from './member-change.ts';

/** Commands this module handles. */
export type EtcdctlCommand = Extract<
  Command,
  {
    type:
      | 'etcd.kv.put'
      | 'etcd.kv.delete'
      | 'etcd.compaction'
      | 'etcd.move-leader'
      | 'etcd.member.promote'
      | 'etcd.member.update';
  }
>;

/** Applies one etcdctl command to the state. */
export function applyEtcdctl(state: ClusterState, c: EtcdctlCommand): Transition {
  switch (c.type) {
    case 'etcd.kv.put':
      return applyEtcdPut(state, c.key, c.value);
    case 'etcd.kv.delete':
      return applyEtcdDelete(state, c.keys, c.objects);
    case 'etcd.compaction':
      return applyEtcdCompaction(state, c.revision);
    case 'etcd.move-leader':
      return applyEtcdMoveLeader(state, c.id);
    case 'etcd.member.promote':
      return applyMemberPromote(state, c.id);
    case 'etcd.member.update':
      return applyMemberUpdate(state, c.id, c.peerURL);
  }
}
