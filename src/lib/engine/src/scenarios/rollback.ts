/**
 * Rollback scenarios: a cluster upgraded to the newest minor gets an object of an API version
 * only that minor serves (scheduling.k8s.io/v1alpha3 Workload, src/apiserver/served-versions.ts),
 * then the control plane is downgraded one minor with `kubeadm upgrade apply --force`, then
 * upgraded back. Built by applying the commands the rollback guide's leaves run.
 */
import type { Command } from '../commands/types.ts';
import type { Scenario } from './index.ts';
import { PREVIOUS_VERSION, TARGET_VERSION } from './upgrade.ts';

/** The manifest the guide writes with a here-document (the file content, trailing newline included). */
export const WORKLOAD_MANIFEST = `apiVersion: scheduling.k8s.io/v1alpha3
kind: Workload
metadata:
  name: training
  namespace: default
`;

/** Rollback scenarios, in guide order. */
export const rollbackScenarios: readonly Scenario[] = [
  {
    name: 'rollback-downgraded',
    title: `Control plane downgraded to ${PREVIOUS_VERSION}`,
    description: `From the upgraded cluster (${TARGET_VERSION}): a Workload was applied in scheduling.k8s.io/v1alpha3 (served only from v1.37), then kubeadm upgrade apply ${PREVIOUS_VERSION} --force moved the control plane of cp-1 one minor down; etcd stayed on its newer version, kubelets still run ${TARGET_VERSION}.`,
    base: 'upgrade-workers-upgraded',
    steps: () => [
      {
        type: 'file.write',
        machine: 'cp-1',
        path: '/root/workload.yaml',
        content: WORKLOAD_MANIFEST,
      },
      {
        type: 'kubectl.apiobject.apply',
        manifest: {
          group: 'scheduling.k8s.io',
          kind: 'Workload',
          version: 'v1alpha3',
          name: 'training',
          namespace: 'default',
        },
      },
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: PREVIOUS_VERSION, force: true },
      },
    ],
  },
  {
    name: 'rollback-upgraded-back',
    title: `Control plane back on ${TARGET_VERSION}`,
    description: `The downgraded cluster upgraded again with kubeadm upgrade apply ${TARGET_VERSION}: the Workload stored in v1alpha3 is readable again.`,
    base: 'rollback-downgraded',
    steps: (): Command[] => [
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: TARGET_VERSION, yes: true },
      },
    ],
  },
];
