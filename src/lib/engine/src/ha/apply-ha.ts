/**
 * Transitions of the HA / etcd / faults area, and the hook that runs after every command so that
 * derived cluster behaviour follows the files and the clock: a restored etcd data dir is picked up
 * when the etcd manifest points at it, and the apiservers reconcile the kubernetes Endpoints as
 * simulated time passes.
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import { type Transition, ok } from '../commands/result.ts';
import { applyFaultClear, applyFaultInject } from '../etcd/faults.ts';
import {
  applyMemberAdd,
  applyMemberRemove,
  applySnapshotRestore,
  applySnapshotSave,
  syncEtcdDataDir,
} from '../etcd/ops.ts';
import { reconcileKubernetesEndpoints } from './endpoints.ts';
import { advancedTime } from '../clock.ts';

/** Commands this module handles. */
export type HaCommand = Extract<
  Command,
  {
    type:
      | 'fault.inject'
      | 'fault.clear'
      | 'etcd.member.add'
      | 'etcd.member.remove'
      | 'etcd.snapshot.save'
      | 'etcd.snapshot.restore';
  }
>;

/** Applies one HA-area command. */
export function applyHaCommand(state: ClusterState, c: HaCommand): Transition {
  switch (c.type) {
    case 'fault.inject':
      return applyFaultInject(state, c.kind, c.machine);
    case 'fault.clear':
      return applyFaultClear(state, c.machine);
    case 'etcd.member.add':
      return applyMemberAdd(state, c.name, c.peerURL, c.learner);
    case 'etcd.member.remove':
      return applyMemberRemove(state, c.id);
    case 'etcd.snapshot.save':
      return applySnapshotSave(state, c.machine, c.path);
    case 'etcd.snapshot.restore':
      return applySnapshotRestore(state, c.machine, c);
  }
}

/** Advances the clock, letting the apiservers reconcile the kubernetes Endpoints meanwhile. */
export function advanceClock(state: ClusterState, ms: number): ClusterState {
  const now = advancedTime(state.now, ms);
  return reconcileKubernetesEndpoints({ ...state, now }, state.now, now);
}

/**
 * Runs after every successful transition: file changes on a machine may switch its etcd to a
 * restored data dir (static Pods follow their manifests).
 */
export function afterCommand(command: Command, t: Transition): Transition {
  if (!t.ok || !('machine' in command) || typeof command.machine !== 'string') return t;
  if (!command.type.startsWith('file.')) return t;
  const next = syncEtcdDataDir(t.state, command.machine);
  return next === t.state ? t : ok(next, t.events);
}
