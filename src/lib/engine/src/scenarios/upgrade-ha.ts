/**
 * HA upgrade scenarios: a cluster of the previous minor behind k8s-api.example.internal (three
 * stacked control planes, two workers), kubeadm upgraded on cp-1, then `kubeadm upgrade apply` on
 * cp-1. Built from ha-previous-minor-ready by applying the typed commands the upgrade guide's HA
 * leaf (other-control-planes.mdx) and the lifecycle transcript run.
 */
import type { Scenario } from './types.ts';
import { HA_ENDPOINT, haFirstControlPlaneSteps, haJoinAllSteps } from './ha.ts';
import { upgradeKubeadmCommands } from './upgrade.ts';

/** The HA upgrade scenarios, in guide order. */
export const haUpgradeScenarios: readonly Scenario[] = [
  {
    name: 'ha-previous-minor-first-control-plane',
    title: 'HA: first control plane on {{prevVersion}}',
    description: `ha-previous-minor-ready after kubeadm init --control-plane-endpoint ${HA_ENDPOINT} --upload-certs --pod-network-cidr=10.244.0.0/16 on cp-1, kubeconfig copied, Flannel applied.`,
    base: 'ha-previous-minor-ready',
    steps: haFirstControlPlaneSteps,
  },
  {
    name: 'ha-previous-minor-cluster',
    title: 'HA cluster on {{prevVersion}}',
    description: `cp-1, cp-2, cp-3 (stacked etcd) and worker-1/2 on {{prevVersion}} behind ${HA_ENDPOINT}, Flannel, all Ready; packages held; three weeks old.`,
    base: 'ha-previous-minor-first-control-plane',
    steps: (s) => [...haJoinAllSteps(s), { type: 'clock.advance', ms: 21 * 86_400_000 }],
  },
  {
    name: 'ha-kubeadm-upgraded',
    title: 'HA: kubeadm upgraded on cp-1',
    description: `ha-previous-minor-cluster with cp-1's apt source switched to the next minor and kubeadm {{version}} installed and held.`,
    base: 'ha-previous-minor-cluster',
    steps: (_, t) => upgradeKubeadmCommands('cp-1', t.version),
  },
  {
    name: 'ha-first-control-plane-upgraded',
    title: 'HA: first control plane upgraded',
    description:
      'ha-kubeadm-upgraded after kubeadm upgrade apply {{version}} -y on cp-1: its static Pods run {{version}}; addons wait for cp-2 and cp-3.',
    base: 'ha-kubeadm-upgraded',
    steps: (_, t) => [
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: t.version, yes: true },
      },
    ],
  },
];
