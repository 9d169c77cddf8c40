/**
 * Scenarios of the configuration, teardown and conformance guides, each built by applying the
 * same typed commands the leaves run.
 */
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';

/** The kubeadm configuration file the config guide writes with a heredoc, for a release. */
export const guideKubeadmConfig = (version: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 10.0.0.11
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: ${version}
networking:
  podSubnet: 10.244.0.0/16
`;

/** Scenarios appended to the scenario list. */
/**
 * Namespace `shop` holding a Widget (widgets.example.com) whose finalizer example.com/cleanup
 * belonged to an operator that has since been uninstalled; an hour passes.
 */
export function orphanedFinalizerSteps(): Command[] {
  return [
    { type: 'kubectl.namespace.create', name: 'shop' },
    {
      type: 'kubectl.cr.create',
      resource: {
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
        plural: 'widgets',
        namespace: 'shop',
        name: 'storefront',
        finalizers: ['example.com/cleanup'],
      },
    },
    { type: 'clock.advance', ms: 3_600_000 },
  ];
}

export const lifecycleScenarios: readonly Scenario[] = [
  {
    name: 'config-initialized',
    title: 'Control plane initialised from a config file',
    description:
      'packages-installed, then kubeadm-config.yaml written on cp-1 and `kubeadm init --config kubeadm-config.yaml`; admin.conf copied to $HOME/.kube/config. No CNI, no workers.',
    base: 'packages-installed',
    steps: (_, t) => [
      {
        type: 'file.write',
        machine: 'cp-1',
        path: '/root/kubeadm-config.yaml',
        content: guideKubeadmConfig(t.version),
      },
      {
        type: 'kubeadm.init',
        machine: 'cp-1',
        options: {
          kubernetesVersion: t.version,
          podNetworkCidr: '10.244.0.0/16',
          advertiseAddress: '10.0.0.11',
          uploadCerts: false,
          skipPhases: [],
          ignorePreflightErrors: [],
        },
      },
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
    name: 'orphaned-finalizer',
    title: 'A namespace with an orphaned finalizer',
    description:
      'workers-joined, plus namespace shop holding a Widget (widgets.example.com) whose finalizer example.com/cleanup belonged to an operator that has been uninstalled.',
    base: 'workers-joined',
    steps: orphanedFinalizerSteps,
  },
];
