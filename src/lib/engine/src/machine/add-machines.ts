/**
 * `kubelife machine add --count N [--prefix P] [--packages]`: many machines at once, for scripts
 * and benchmarks that need a big cluster. Each machine is prepared exactly like the scenarios'
 * machines (machine/create.ts: Ubuntu, 2 CPUs, 4 GiB, containerd running, swap on); with a
 * release minor, also like the `packages-installed` scenario: swap off, IP forwarding on, the
 * pkgs.k8s.io repository of that minor configured, kubelet, kubeadm and kubectl installed and
 * held, the kubelet enabled (install-kubeadm.md). The machines are provisioned side by side, so
 * the simulated clock does not move.
 *
 * The preparation commands touch nothing but the machine (no clock, no RNG), so they run once on
 * a template machine that is then stamped with each name, IP and /etc/hostname: adding 5,000
 * machines costs one preparation plus 5,000 small copies, and gives what running the commands on
 * every machine gives (tests/unit/machine/add-machines.test.ts compares the two).
 */
import type { ClusterState, Machine } from '../model/state.ts';
import type { Command, MachineSpec } from '../commands/types.ts';
import { ok, fail, type Transition } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import { emptyKeyed, getKeyed, setKeyed, setManyKeyed } from '../model/keyed-map.ts';
import { hasMachine, machineList } from '../state/machines.ts';
import { createMachine } from './create.ts';
import { productUuid } from './os-files.ts';
import { preparePackagesCommands } from '../scenarios/repository.ts';
import { INSTALL_MACHINES } from '../scenarios/common.ts';

/** Most machines one command adds. */
export const MAX_MACHINE_COUNT = 10_000;
/** Prefix of the names when none is given: node-1, node-2, … */
export const DEFAULT_MACHINE_PREFIX = 'node';

/** What `kubelife machine add` asks for. */
export interface AddMachinesRequest {
  readonly count: number;
  readonly prefix: string;
  /** Release minor ("v1.37") whose kubeadm, kubelet and kubectl get installed; absent = bare. */
  readonly packagesMinor?: string;
}

// RFC 1123 label, as a host name and a Kubernetes node name must be.
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A worker of the scenarios' size (scenarios/common.ts INSTALL_MACHINES). */
const spec = (name: string, ip: string): MachineSpec => ({
  name,
  ip,
  cpus: INSTALL_MACHINES[1]?.cpus ?? 2,
  memoryMiB: INSTALL_MACHINES[1]?.memoryMiB ?? 4096,
});

/** `count` free addresses from 10.0.1.1 on (10.0.0.x is the scenarios'), skipping .0 and .255. */
function freeAddresses(used: ReadonlySet<string>, count: number): string[] {
  const out: string[] = [];
  for (let n = 256; out.length < count && n < 65_535; n++) {
    const last = n % 256;
    if (last === 0 || last === 255) continue;
    const ip = `10.0.${Math.floor(n / 256)}.${last}`;
    if (!used.has(ip)) out.push(ip);
  }
  return out;
}

/** Checks the request; the error names the bad flag and what a good value looks like. */
function validate(state: ClusterState, r: AddMachinesRequest): EngineError | null {
  if (!Number.isSafeInteger(r.count) || r.count < 1 || r.count > MAX_MACHINE_COUNT)
    return new EngineError('InvalidMachineCount', {
      count: String(r.count),
      max: MAX_MACHINE_COUNT,
    });
  const longest = `${r.prefix}-${r.count}`;
  if (!LABEL.test(r.prefix) || longest.length > 63)
    return new EngineError('InvalidMachineName', { prefix: r.prefix });
  for (let i = 1; i <= r.count; i++) {
    const name = `${r.prefix}-${i}`;
    if (hasMachine(state, name)) return new EngineError('MachineExists', { machine: name });
  }
  return null;
}

/**
 * Adds `count` machines `prefix-1` … `prefix-count`. `run` applies one command (the dispatcher),
 * passed in so this module does not import the dispatcher that imports it.
 */
export function applyAddMachines(
  state: ClusterState,
  r: AddMachinesRequest,
  run: (state: ClusterState, command: Command) => Transition,
): Transition {
  const invalid = validate(state, r);
  if (invalid) return fail(invalid);
  const used = new Set(machineList(state).map((m) => m.ip));
  const ips = freeAddresses(used, r.count);
  if (ips.length < r.count)
    return fail(
      new EngineError('InvalidMachineCount', { count: String(r.count), max: ips.length }),
    );
  const first = `${r.prefix}-1`;
  let template: Machine = createMachine(spec(first, ips[0] ?? ''), state.now);
  if (r.packagesMinor !== undefined) {
    // A scratch world holding only the template: the commands read and write that machine alone.
    let scratch: ClusterState = { ...state, machines: setKeyed(emptyKeyed(), first, template) };
    for (const command of preparePackagesCommands(first, r.packagesMinor)) {
      const t = run(scratch, command);
      if (!t.ok) return fail(t.error);
      scratch = t.state;
    }
    template = getKeyed(scratch.machines, first) ?? template;
  }
  const added: [string, Machine][] = [];
  for (let i = 1; i <= r.count; i++) {
    const name = `${r.prefix}-${i}`;
    const ip = ips[i - 1] ?? '';
    added.push([
      name,
      {
        ...template,
        name,
        ip,
        // Identity differs per machine: host name and the DMI product UUID (machine/os-files.ts).
        files: {
          ...template.files,
          '/etc/hostname': `${name}\n`,
          '/sys/class/dmi/id/product_uuid': `${productUuid({ name, ip })}\n`,
        },
      },
    ]);
  }
  const machines = setManyKeyed(state.machines, added);
  const last = `${r.prefix}-${r.count}`;
  const range =
    r.count === 1
      ? `${first} (${ips[0] ?? ''})`
      : `${first} … ${last} (${ips[0] ?? ''} … ${ips[r.count - 1] ?? ''})`;
  const version = template.packages.kubeadm?.version;
  const what =
    version === undefined ? '' : `, kubeadm, kubelet and kubectl v${version} installed and held`;
  return ok({ ...state, machines }, [
    text(`added ${r.count} machine${r.count === 1 ? '' : 's'}: ${range}${what}`),
  ]);
}
