/**
 * `kubelife fault …`: injected failures for the HA guides. Faults are data on the state; their
 * consequences are derived where they are observed (node status after the grace period, etcd
 * member health, quorum), so clearing a fault heals everything it caused.
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { faultsOf, type Fault, type FaultKind } from './model.ts';
import { findMachine } from '../state/machines.ts';

/** Every fault kind, in `kubelife fault list` order. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'machine-down',
  'etcd-member-lost',
  'disk-full',
  'kubelet-stopped',
];

/**
 * kube-controller-manager --node-monitor-grace-period: how long a node may stop posting status
 * before it is marked NotReady/Unknown. 40s for many releases; raised to 50s in v1.32
 * (kubernetes/kubernetes#124227) - we use 50s for the current releases.
 */
export const NODE_MONITOR_GRACE_MS = 50_000;

/** The state with `faults` replaced (kept absent when empty so fault-free states stay unchanged). */
export function withFaults(state: ClusterState, faults: readonly Fault[]): ClusterState {
  const { faults: _old, ...rest } = state as ClusterState & { faults?: readonly Fault[] };
  return (faults.length > 0 ? { ...rest, faults } : rest) as ClusterState;
}

/** Injects a fault on a machine. */
export function applyFaultInject(
  state: ClusterState,
  kind: FaultKind,
  machine: string,
): Transition {
  if (!findMachine(state, machine))
    return fail(new EngineError('UsageError', { message: `kubelife: no machine "${machine}"` }));
  if (faultsOf(state).some((f) => f.kind === kind && f.machine === machine)) return ok(state);
  return ok(withFaults(state, [...faultsOf(state), { kind, machine, since: state.now }]));
}

/** Clears the faults of one machine, or all faults. */
export function applyFaultClear(state: ClusterState, machine: string | undefined): Transition {
  return ok(
    withFaults(
      state,
      machine === undefined ? [] : faultsOf(state).filter((f) => f.machine !== machine),
    ),
  );
}

/**
 * True when the node's kubelet stopped reporting long enough ago that the node lifecycle
 * controller marked it NotReady: machine down or kubelet stopped for more than the grace period.
 */
export function nodeLostByFault(state: ClusterState, machine: string): boolean {
  return faultsOf(state).some(
    (f) =>
      f.machine === machine &&
      (f.kind === 'machine-down' || f.kind === 'kubelet-stopped') &&
      state.now - f.since > NODE_MONITOR_GRACE_MS,
  );
}
