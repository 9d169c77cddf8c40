/**
 * `kubelife machine add --count N [--prefix PREFIX] [--packages]`: add many machines at once
 * (src/machine/add-machines.ts), e.g. to join a few thousand workers with a script.
 */
import {
  DEFAULT_MACHINE_PREFIX,
  EngineError,
  MAX_MACHINE_COUNT,
  isEngineError,
} from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';

/** Usage lines appended to `kubelife help`. */
export const MACHINE_USAGE = `  kubelife machine add --count N [--prefix PREFIX] [--packages]
                                 add machines PREFIX-1 … PREFIX-N (default prefix "${DEFAULT_MACHINE_PREFIX}", N up to ${MAX_MACHINE_COUNT});
                                 --packages: swap off, IP forwarding on, kubeadm, kubelet and kubectl
                                 of this session's release installed and held, ready for kubeadm join`;

const FLAGS: readonly FlagSpec[] = [
  { name: 'count', type: 'string', usage: 'number of machines to add' },
  { name: 'prefix', type: 'string', usage: 'name prefix: machines are PREFIX-1 … PREFIX-N' },
  { name: 'packages', type: 'bool', usage: 'install kubeadm, kubelet and kubectl' },
];

/** Runs `kubelife machine ARGS…`. */
export function runMachine(inv: Invocation, args: readonly string[]): number {
  const [verb, ...rest] = args;
  if (verb !== 'add') {
    inv.io.err(`kubelife: usage:\n${MACHINE_USAGE}`);
    return 2;
  }
  let flags;
  try {
    flags = parseFlags(rest, FLAGS);
  } catch (error) {
    inv.io.err(`kubelife: ${isEngineError(error) ? error.message : String(error)}`);
    return 2;
  }
  if (flags.values['help'] === true) {
    inv.io.out(`Usage:\n${MACHINE_USAGE}`);
    return 0;
  }
  const count = flags.values['count'];
  if (typeof count !== 'string' || flags.positionals.length > 0) {
    inv.io.err(
      `kubelife: machine add needs --count N${flags.positionals.length > 0 ? ` (unexpected "${flags.positionals.join(' ')}")` : ''}\n${MACHINE_USAGE}`,
    );
    return 2;
  }
  // Digits only: "1e3", "0x10" or "-5" are not counts a reader would type.
  if (!/^[0-9]+$/.test(count)) {
    inv.io.err(
      `kubelife: ${new EngineError('InvalidMachineCount', { count, max: MAX_MACHINE_COUNT }).message}`,
    );
    return 2;
  }
  const prefix = flags.values['prefix'];
  const t = inv.apply({
    type: 'machines.add',
    count: Number(count),
    prefix: typeof prefix === 'string' ? prefix : DEFAULT_MACHINE_PREFIX,
    ...(flags.values['packages'] === true ? { packagesMinor: inv.ctx.release } : {}),
  });
  if (!t.ok) {
    inv.io.err(`kubelife: ${t.error.message}`);
    return t.error.exitCode;
  }
  return 0;
}
