/**
 * Upgrade scenarios: a cluster built with the track's previous minor's newest patch ({{prevVersion}}),
 * then the states after each leaf of the upgrade guide - kubeadm upgraded on cp-1, control plane
 * upgraded (cp-1's kubelet too), workers upgraded - and a patch-behind cluster. Each is built by
 * applying the typed commands the guide's snippets run. Versions come from the release track the
 * scenario is built for (release-track.ts); titles and descriptions use the same `{{variables}}` as
 * the guides.
 */
import { installPackagesCommands } from './repository.ts';
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { DEFAULT_PACKAGE_REVISION } from '../model/defaults.ts';
import { KUBERNETES_LIST, repositoryLine } from '../machine/apt-repository.ts';
import { HA_EXTRA_MACHINES, HA_HOSTS } from './ha.ts';
import { INSTALL_MACHINES, joinCommand } from './common.ts';

const deb = (version: string): string => `${version.replace(/^v/, '')}-${DEFAULT_PACKAGE_REVISION}`;

function prepare(
  minor: string,
  version: string,
  machines: readonly string[] = INSTALL_MACHINES.map((m) => m.name),
): Command[] {
  return machines
    .map((name) => ({ name }))
    .flatMap((m): Command[] => [
      { type: 'swap.off', machine: m.name },
      { type: 'sysctl.set', machine: m.name, key: 'net.ipv4.ip_forward', value: '1' },
      // install-kubeadm.md with the older minor's repository and pinned versions.
      ...installPackagesCommands(
        m.name,
        minor,
        ['kubelet', 'kubeadm', 'kubectl'].map((name) => ({ name, version: deb(version) })),
      ),
    ]);
}

/** kubeadm init on cp-1; `version` pins --kubernetes-version (else kubeadm resolves stable-1). */
const initCommands = (version?: string): Command[] => [
  {
    type: 'kubeadm.init',
    machine: 'cp-1',
    options: {
      podNetworkCidr: '10.244.0.0/16',
      ...(version === undefined ? {} : { kubernetesVersion: version }),
    },
  },
  { type: 'file.mkdir', machine: 'cp-1', path: '/root/.kube', parents: true },
  {
    type: 'file.copy',
    machine: 'cp-1',
    from: '/etc/kubernetes/admin.conf',
    to: '/root/.kube/config',
  },
  { type: 'clock.advance', ms: 60_000 },
  { type: 'kubectl.apply.flannel' },
  { type: 'clock.advance', ms: 30_000 },
];

function joinWorkers(state: ClusterState): Command[] {
  // A few weeks of running before the upgrade, so AGE columns look like a real cluster's.
  return [
    joinCommand(state, 'worker-1'),
    joinCommand(state, 'worker-2'),
    { type: 'clock.advance', ms: 60_000 },
    { type: 'clock.advance', ms: 21 * 86_400_000 },
  ];
}

/** The kubeadm-package step of the upgrade guide on one machine (repository switch included). */
export function upgradeKubeadmCommands(machine: string, version: string): Command[] {
  const minor = version.replace(/^v/, '').split('.').slice(0, 2).join('.');
  return [
    {
      type: 'file.write',
      machine,
      path: KUBERNETES_LIST,
      content: `${repositoryLine(`v${minor}`)}\n`,
    },
    { type: 'apt.update', machine },
    { type: 'apt.mark', machine, packages: ['kubeadm'], hold: false },
    { type: 'apt.update', machine },
    { type: 'apt.install', machine, packages: [{ name: 'kubeadm', version: deb(version) }] },
    { type: 'apt.mark', machine, packages: ['kubeadm'], hold: true },
  ];
}

/** Drain, kubelet/kubectl packages, restart, uncordon for one node (run from cp-1 where kubectl lives). */
export function upgradeKubeletCommands(machine: string, version: string): Command[] {
  return [
    {
      type: 'kubectl.drain',
      node: machine,
      options: { ignoreDaemonsets: true, deleteEmptydirData: false },
    },
    { type: 'apt.mark', machine, packages: ['kubelet', 'kubectl'], hold: false },
    { type: 'apt.update', machine },
    {
      type: 'apt.install',
      machine,
      packages: [
        { name: 'kubelet', version: deb(version) },
        { name: 'kubectl', version: deb(version) },
      ],
    },
    { type: 'apt.mark', machine, packages: ['kubelet', 'kubectl'], hold: true },
    { type: 'service', machine, unit: 'kubelet', action: 'daemon-reload' },
    { type: 'service', machine, unit: 'kubelet', action: 'restart' },
    { type: 'kubectl.cordon', node: machine, cordon: false },
  ];
}

/** Upgrade scenarios, in guide order. */
export const upgradeScenarios: readonly Scenario[] = [
  {
    name: 'previous-minor-control-plane',
    title: 'Control plane on {{prevVersion}}',
    description:
      'cp-1 initialised with kubeadm {{prevVersion}} from the {{prevMinor}} package repository, flannel applied; workers have the {{prevMinor}} packages but have not joined.',
    base: 'bare-machines',
    steps: (_, t) => [...prepare(t.prevMinor, t.prevVersion), ...initCommands()],
  },
  {
    name: 'cluster-previous-minor',
    title: 'Cluster on {{prevVersion}}',
    description:
      "cp-1, worker-1 and worker-2 on {{prevVersion}} (previous minor's newest patch), flannel, all Ready; packages held; apt source names the {{prevMinor}} repository.",
    base: 'previous-minor-control-plane',
    steps: (s) => joinWorkers(s),
  },
  {
    name: 'upgrade-kubeadm-upgraded',
    title: 'kubeadm upgraded on cp-1',
    description:
      "cp-1's apt source switched to {{minor}} and kubeadm {{version}} installed and held; the cluster still runs {{prevVersion}}.",
    base: 'cluster-previous-minor',
    steps: (_, t) => upgradeKubeadmCommands('cp-1', t.version),
  },
  {
    name: 'upgrade-control-plane-upgraded',
    title: 'Control plane upgraded',
    description:
      'kubeadm upgrade apply {{version}} ran on cp-1, then cp-1 was drained, its kubelet and kubectl upgraded and restarted, and uncordoned; workers still run {{prevVersion}} kubelets.',
    base: 'upgrade-kubeadm-upgraded',
    steps: (_, t) => [
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: t.version, yes: true },
      },
      ...upgradeKubeletCommands('cp-1', t.version),
    ],
  },
  {
    name: 'upgrade-workers-upgraded',
    title: 'Workers upgraded',
    description:
      'worker-1 then worker-2: kubeadm {{version}}, kubeadm upgrade node, drained, kubelet/kubectl upgraded and restarted, uncordoned. Every node runs {{version}}.',
    base: 'upgrade-control-plane-upgraded',
    steps: (_, t) =>
      ['worker-1', 'worker-2'].flatMap((w): Command[] => [
        ...upgradeKubeadmCommands(w, t.version),
        { type: 'kubeadm.upgrade.node', machine: w, options: {} },
        ...upgradeKubeletCommands(w, t.version),
      ]),
  },
  {
    name: 'cluster-patch-behind',
    title: 'Cluster on {{patchBehind}}',
    description:
      'cp-1, worker-1 and worker-2 on {{patchBehind}}, behind {{version}} in the same minor, from the {{minor}} repository; packages held.',
    base: 'patch-behind-control-plane',
    steps: (s) => joinWorkers(s),
  },
];

/**
 * The HA machines of the HA guide (cp-1..3 behind lb's k8s-api.example.internal, two workers), but
 * with the previous minor's packages: where a highly available cluster is created to be upgraded
 * (the lifecycle golden test and HA upgrade walk-throughs).
 */
export const haPreviousMinorReady: Scenario = {
  name: 'ha-previous-minor-ready',
  title: 'HA machines with {{prevVersion}} packages',
  description:
    'cp-1, cp-2, cp-3, worker-1 and worker-2 prepared with the {{prevMinor}} repository and {{prevVersion}} packages held; lb (10.0.0.10) balances k8s-api.example.internal:6443. No cluster yet.',
  base: 'bare-machines',
  steps: (_, t) => [
    ...HA_EXTRA_MACHINES.map((spec): Command => ({ type: 'machine.add', spec })),
    ...prepare(t.prevMinor, t.prevVersion, ['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2']),
    ...['cp-1', 'cp-2', 'cp-3', 'lb', 'worker-1', 'worker-2'].map((m): Command => ({
      type: 'file.write',
      machine: m,
      path: '/etc/hosts',
      content: HA_HOSTS,
    })),
  ],
};

/** Intermediate scenario of the patch-behind cluster (listed after the main chain). */
export const patchBehindBase: Scenario = {
  name: 'patch-behind-control-plane',
  title: 'Control plane on {{patchBehind}}',
  description:
    'cp-1 initialised with kubeadm {{patchBehind}} and --kubernetes-version {{patchBehind}}, flannel applied; workers have {{patchBehind}} packages but have not joined.',
  base: 'bare-machines',
  // kubeadm {{patchBehind}} would resolve stable-1 to the newest patch of its minor: pin it.
  steps: (_, t) => [...prepare(t.minor, t.patchBehind), ...initCommands(t.patchBehind)],
};
