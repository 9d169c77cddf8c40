/**
 * Scenarios of the teardown guide (src/content/guides/teardown/): the HA cluster taken apart node
 * by node in the order k/website create-cluster-kubeadm.md "Clean up" gives (drain, reset on the
 * machine, then delete the Node), starting with a namespace stuck in Terminating. Each scenario applies exactly the
 * typed commands its leaf runs, on top of the previous one, so a leaf's `produces` is the state its
 * steps reach.
 */
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { crKey } from '../kubectl/objects.ts';
import { orphanedFinalizerSteps } from './lifecycle.ts';

const DRAIN = { ignoreDaemonsets: true, deleteEmptydirData: true } as const;

/** The manual cleanup kubeadm reset asks for: CNI config and iptables rules (IPVS is empty here). */
function cleanLeftovers(machine: string, kubeconfig: boolean): Command[] {
  return [
    { type: 'file.remove', machine, path: '/etc/cni/net.d', recursive: true },
    { type: 'netfilter.flush', machine },
    ...(kubeconfig
      ? [{ type: 'file.remove', machine, path: '/root/.kube', recursive: true } as const]
      : []),
  ];
}

/** drain → kubeadm reset on the machine → kubectl delete node. */
function removeNode(name: string): Command[] {
  return [
    { type: 'kubectl.drain', node: name, options: DRAIN },
    { type: 'kubeadm.reset', machine: name },
    { type: 'kubectl.node.delete', name },
  ];
}

/** The teardown scenarios, in guide order. */
export const teardownScenarios: readonly Scenario[] = [
  {
    name: 'teardown-stuck-namespace',
    title: 'HA cluster with an orphaned finalizer',
    description:
      'ha-three-control-planes plus namespace shop holding a Widget (widgets.example.com) whose finalizer example.com/cleanup belonged to an operator that has been uninstalled (as in orphaned-finalizer).',
    base: 'ha-three-control-planes',
    steps: orphanedFinalizerSteps,
  },
  {
    name: 'teardown-namespace-gone',
    title: 'Stuck namespace removed',
    description:
      'teardown-stuck-namespace after namespace shop was deleted, got stuck in Terminating, and the orphaned example.com/cleanup finalizer was removed from Widget storefront.',
    base: 'teardown-stuck-namespace',
    steps: () => [
      { type: 'kubectl.namespace.delete', name: 'shop' },
      {
        type: 'kubectl.cr.finalizers',
        key: crKey({
          plural: 'widgets',
          group: 'example.com',
          namespace: 'shop',
          name: 'storefront',
        }),
        finalizers: [],
      },
    ],
  },
  {
    name: 'teardown-worker-removed',
    title: 'worker-2 removed',
    description:
      'teardown-namespace-gone after worker-2 was drained, reset with kubeadm reset and its Node deleted; its CNI config and iptables rules are still on the machine.',
    base: 'teardown-namespace-gone',
    steps: () => removeNode('worker-2'),
  },
  {
    name: 'teardown-worker-cleaned',
    title: 'worker-2 cleaned',
    description:
      'teardown-worker-removed after the leftovers kubeadm reset names were removed on worker-2: /etc/cni/net.d and the KUBE-* iptables chains.',
    base: 'teardown-worker-removed',
    steps: () => cleanLeftovers('worker-2', false),
  },
  {
    name: 'teardown-control-plane-removed',
    title: 'cp-3 removed',
    description:
      'teardown-worker-cleaned after cp-3 was drained and reset (its etcd member removed by kubeadm reset), its Node deleted and its leftovers cleaned.',
    base: 'teardown-worker-cleaned',
    steps: () => [...removeNode('cp-3'), ...cleanLeftovers('cp-3', false)],
  },
  {
    name: 'teardown-cluster-gone',
    title: 'Cluster torn down',
    description:
      'teardown-control-plane-removed after worker-1, then cp-2, were removed and cleaned, and cp-1 was reset last; no Kubernetes state is left on any machine (packages stay installed).',
    base: 'teardown-control-plane-removed',
    steps: () => [
      ...removeNode('worker-1'),
      ...cleanLeftovers('worker-1', false),
      ...removeNode('cp-2'),
      ...cleanLeftovers('cp-2', false),
      { type: 'kubeadm.reset', machine: 'cp-1' },
      ...cleanLeftovers('cp-1', true),
    ],
  },
];
