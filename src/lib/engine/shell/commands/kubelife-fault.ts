/**
 * `kubelife fault …`: inject and clear failures (HA / etcd guides).
 */
import { FAULT_KINDS, faultsOf, formatRfc3339, type FaultKind } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

/** Usage lines appended to `kubelife help`. */
export const FAULT_USAGE = `  kubelife fault KIND MACHINE    inject a fault: ${FAULT_KINDS.join(', ')}
  kubelife fault list            list injected faults
  kubelife fault clear [MACHINE] clear the faults of one machine, or all`;

/** Runs `kubelife fault ARGS…`. */
export function runFault(inv: Invocation, args: readonly string[]): number {
  const [kind, machine] = args;
  if (kind === 'list') {
    const faults = faultsOf(inv.ctx.state);
    if (faults.length === 0) {
      inv.io.out('no faults');
      return 0;
    }
    for (const f of faults)
      inv.io.out(`${f.kind.padEnd(18)}${f.machine.padEnd(12)}since ${formatRfc3339(f.since)}`);
    return 0;
  }
  if (kind === 'clear') {
    if (machine !== undefined && !findMachine(inv.ctx.state, machine)) {
      inv.io.err(`kubelife: no machine "${machine}"`);
      return 2;
    }
    inv.apply(machine === undefined ? { type: 'fault.clear' } : { type: 'fault.clear', machine });
    return 0;
  }
  if (kind === undefined || !FAULT_KINDS.includes(kind as FaultKind) || machine === undefined) {
    inv.io.err(`kubelife: usage:\n${FAULT_USAGE}`);
    return 2;
  }
  const t = inv.apply({ type: 'fault.inject', kind: kind as FaultKind, machine });
  if (!t.ok) {
    inv.io.err(t.error.message);
    return 2;
  }
  return 0;
}
