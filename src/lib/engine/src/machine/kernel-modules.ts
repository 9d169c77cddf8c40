/**
 * Kernel modules of the simulated Ubuntu 24.04 machines (kernel 6.8): the ones kubeadm's pages
 * name (`overlay`, `br_netfilter`), what `modprobe` pulls in as dependencies (modules.dep of
 * linux-modules-6.8.0: br_netfilter → bridge → stp, llc) and the sizes `lsmod` prints.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { getMachine, updateMachine } from '../state/create.ts';

/** One loadable module: its size in bytes and the modules it needs first. */
interface ModuleInfo {
  readonly size: number;
  readonly deps: readonly string[];
}

/** Modules this simulator knows, as /lib/modules/6.8.0-*-generic ships them. */
export const KNOWN_MODULES: Readonly<Record<string, ModuleInfo>> = {
  overlay: { size: 212992, deps: [] },
  br_netfilter: { size: 32768, deps: ['bridge'] },
  bridge: { size: 421888, deps: ['stp', 'llc'] },
  stp: { size: 12288, deps: ['llc'] },
  llc: { size: 16384, deps: [] },
  ip_vs: { size: 237568, deps: ['nf_conntrack'] },
  nf_conntrack: { size: 196608, deps: [] },
};

/** Loaded at boot on a machine running containerd (its overlayfs snapshotter mounts overlay). */
export const BOOT_MODULES: readonly string[] = ['overlay'];

/** Modules loaded on `m`, in load order. */
export function loadedModules(m: Machine): readonly string[] {
  return m.modules ?? BOOT_MODULES;
}

function withDeps(name: string, into: string[]): void {
  for (const d of KNOWN_MODULES[name]?.deps ?? []) withDeps(d, into);
  if (!into.includes(name)) into.push(name);
}

/** `modprobe MODULE`; unknown modules fail as modprobe does ("Module x not found in directory …"). */
export function applyModprobe(state: ClusterState, machine: string, module: string): Transition {
  const m = getMachine(state, machine);
  const name = module.replaceAll('-', '_');
  if (KNOWN_MODULES[name] === undefined) {
    return fail(
      new EngineError('UsageError', {
        message: `modprobe: FATAL: Module ${module} not found in directory /lib/modules/${m.kernel}`,
      }),
    );
  }
  const next = [...loadedModules(m)];
  withDeps(name, next);
  return ok(updateMachine(state, machine, (x) => ({ ...x, modules: next })));
}
