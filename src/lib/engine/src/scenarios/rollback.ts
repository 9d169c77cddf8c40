/**
 * Rollback scenarios: a cluster upgraded to the track's minor gets an object of an API version
 * only that minor serves (a scheduling.k8s.io Workload in {{workloadApi}}, e.g. v1alpha3 on v1.37;
 * src/apiserver/served-versions.ts),
 * then the control plane is downgraded one minor with `kubeadm upgrade apply --force`, then
 * upgraded back. Built by applying the commands the rollback guide's leaves run.
 */
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { trackVariables, type ReleaseTrack } from '../model/release-track.ts';

const workloadApiOf = (t: ReleaseTrack): string => trackVariables(t)['workloadApi'] ?? '';

/** The manifest the guide writes with a here-document (the file content, trailing newline included). */
export function workloadManifest(apiVersion: string): string {
  return `apiVersion: scheduling.k8s.io/${apiVersion}
kind: Workload
metadata:
  name: training
  namespace: default
`;
}

/** Rollback scenarios, in guide order. */
export const rollbackScenarios: readonly Scenario[] = [
  {
    name: 'rollback-downgraded',
    title: 'Control plane downgraded to {{prevVersion}}',
    description:
      'From the upgraded cluster ({{version}}): a Workload was applied in scheduling.k8s.io/{{workloadApi}} (not served by {{prevMinor}}), then kubeadm upgrade apply {{prevVersion}} --force moved the control plane of cp-1 one minor down; etcd stayed on its newer version, kubelets still run {{version}}.',
    base: 'upgrade-workers-upgraded',
    steps: (_, t) => [
      {
        type: 'file.write',
        machine: 'cp-1',
        path: '/root/workload.yaml',
        content: workloadManifest(workloadApiOf(t)),
      },
      {
        type: 'kubectl.apiobject.apply',
        manifest: {
          group: 'scheduling.k8s.io',
          kind: 'Workload',
          version: workloadApiOf(t),
          name: 'training',
          namespace: 'default',
        },
      },
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: t.prevVersion, force: true },
      },
    ],
  },
  {
    name: 'rollback-upgraded-back',
    title: 'Control plane back on {{version}}',
    description:
      'The downgraded cluster upgraded again with kubeadm upgrade apply {{version}}: the Workload stored in {{workloadApi}} is readable again.',
    base: 'rollback-downgraded',
    steps: (_, t): Command[] => [
      {
        type: 'kubeadm.upgrade.apply',
        machine: 'cp-1',
        options: { version: t.version, yes: true },
      },
    ],
  },
];
