/**
 * Named precondition states. Each is built deterministically from the empty state by applying
 * typed commands, each stage on top of the previous one, so a scenario is exactly what running
 * the guide up to that point produces.
 */
import { pkiScenarios } from './pki.ts';
import { lifecycleScenarios } from './lifecycle.ts';
import { teardownScenarios } from './teardown.ts';
import { conformanceScenarios } from './conformance.ts';
import type { ClusterState } from '../model/state.ts';
import type { Scenario, ScenarioShell } from './types.ts';
import { apply } from '../commands/apply.ts';
import { createEmptyState } from '../state/create.ts';
import { EngineError } from '../errors.ts';
import { DEFAULT_CLOCK_START, DEFAULT_SEED } from '../model/defaults.ts';
import { FLANNEL_URL } from '../kubectl/flannel.ts';
import { formatJoinCommand } from '../kubeadm/join-command.ts';
import { haScenarios } from './ha.ts';
import { haPreviousMinorReady, patchBehindBase, upgradeScenarios } from './upgrade.ts';
import { haUpgradeScenarios } from './upgrade-ha.ts';
import { rollbackScenarios } from './rollback.ts';
import { externalEtcdScenarios } from './external-etcd.ts';
import { preparePackagesCommands } from './repository.ts';
import { INSTALL_MACHINES, joinCommand } from './common.ts';
import {
  defaultReleaseMinor,
  releaseTrack,
  renderTemplate,
  trackVariables,
} from '../model/release-track.ts';

/** All scenarios, in guide order. */
export const scenarios: readonly Scenario[] = [
  {
    name: 'bare-machines',
    title: 'Three bare machines',
    description:
      'cp-1 (10.0.0.11), worker-1 (10.0.0.21) and worker-2 (10.0.0.22): Ubuntu 24.04, 2 CPUs, 4 GiB, containerd running, swap on, IP forwarding off, no Kubernetes packages.',
    base: null,
    steps: () => INSTALL_MACHINES.map((spec) => ({ type: 'machine.add', spec })),
  },
  {
    name: 'packages-installed',
    title: 'Packages installed',
    description:
      'Swap off, IP forwarding on, kubelet, kubeadm and kubectl installed and held on all three machines; the kubelet restarts every few seconds waiting for kubeadm.',
    base: 'bare-machines',
    steps: (_, t) => INSTALL_MACHINES.flatMap((m) => preparePackagesCommands(m.name, t.minor)),
  },
  {
    name: 'control-plane-initialized',
    title: 'Control plane initialised',
    description:
      'kubeadm init --pod-network-cidr=10.244.0.0/16 ran on cp-1 and admin.conf was copied to $HOME/.kube/config; no CNI yet, so cp-1 is NotReady.',
    base: 'packages-installed',
    steps: () => [
      { type: 'kubeadm.init', machine: 'cp-1', options: { podNetworkCidr: '10.244.0.0/16' } },
      { type: 'file.mkdir', machine: 'cp-1', path: '/root/.kube', parents: true },
      {
        type: 'file.copy',
        machine: 'cp-1',
        from: '/etc/kubernetes/admin.conf',
        to: '/root/.kube/config',
      },
    ],
  },
  {
    name: 'cni-installed',
    title: 'CNI installed',
    description: `Flannel applied from ${FLANNEL_URL}; cp-1 is Ready and CoreDNS is Running.`,
    base: 'control-plane-initialized',
    steps: () => [
      { type: 'clock.advance', ms: 60_000 },
      { type: 'kubectl.apply.flannel' },
      { type: 'clock.advance', ms: 30_000 },
    ],
  },
  {
    name: 'workers-joined',
    title: 'Workers joined',
    description:
      'worker-1 and worker-2 joined with the token from kubeadm init; all three nodes are Ready.',
    base: 'cni-installed',
    steps: (s) => [
      joinCommand(s, 'worker-1'),
      joinCommand(s, 'worker-2'),
      { type: 'clock.advance', ms: 60_000 },
    ],
  },
  ...haScenarios,
  ...pkiScenarios,
  ...upgradeScenarios,
  ...lifecycleScenarios,
  ...teardownScenarios,
  ...conformanceScenarios,
  patchBehindBase,
  haPreviousMinorReady,
  ...haUpgradeScenarios,
  ...rollbackScenarios,
  ...externalEtcdScenarios,
];

/** Lists the scenarios' names, titles and descriptions, with versions of the track `release`. */
export function listScenarios(
  release?: string,
): Array<{ name: string; title: string; description: string }> {
  const vars = trackVariables(releaseTrack(release));
  return scenarios.map(({ name, title, description }) => ({
    name,
    title: renderTemplate(title, vars),
    description: renderTemplate(description, vars),
  }));
}

const cache = new Map<string, ClusterState>();

/**
 * Builds the named scenario's state from the empty world for a release track (a minor such as
 * "v1.36"; default: the newest). Deterministic: same name, seed, start time and track → the same
 * state. @throws EngineError NoSuchScenario, NoSuchRelease
 */
export function buildScenario(
  name: string,
  seed = DEFAULT_SEED,
  start = Date.parse(DEFAULT_CLOCK_START),
  release: string = defaultReleaseMinor(),
): ClusterState {
  const track = releaseTrack(release);
  const key = `${name}|${seed}|${start}|${track.minor}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) throw new EngineError('NoSuchScenario', { name });
  let state = scenario.base
    ? buildScenario(scenario.base, seed, start, track.minor)
    : createEmptyState(start, seed);
  for (const command of scenario.steps(state, track)) {
    const t = apply(state, command);
    if (!t.ok)
      throw new EngineError('Internal', {
        message: `scenario ${name}: ${command.type}: ${t.error.message}`,
      });
    state = t.state;
  }
  cache.set(key, state);
  return state;
}

/** The shell context every scenario starts with: logged in as root on cp-1. */
export function scenarioShell(): ScenarioShell {
  return {
    machine: 'cp-1',
    env: {
      HOME: '/root',
      USER: 'root',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    },
  };
}

/** Re-exported for scenario authors who print the join command. */
export { formatJoinCommand };
export type { Scenario, ScenarioShell } from './types.ts';
