/**
 * The ServiceAccounts kube-controller-manager creates in kube-system: kubeadm runs it with
 * `--use-service-account-credentials=true`, so each controller's client comes from
 * ClientBuilder.ClientOrDie(name) / NewClient(name), which creates the ServiceAccount
 * `kube-system/<name>` first (staging/src/k8s.io/controller-manager/pkg/clientbuilder). Which
 * controllers run follows kubeadm's `--controllers=*,bootstrapsigner,tokencleaner` and the
 * minor's default feature gates (cmd/kube-controller-manager/app/*.go descriptors):
 *
 * - node-ipam, node-lifecycle, taint-eviction and cloud-node-lifecycle share `node-controller`;
 *   the csrsigning, csrapproving and csrcleaner controllers share `certificate-controller`;
 * - `service-controller`: before v1.31 startServiceController built its client before finding
 *   no cloud provider; since v1.31 (KEP-2395) the descriptor configures nothing;
 * - `route-controller` never: it returns before building a client without a cloud provider;
 * - selinux-warning-controller is disabled by default, storage-version-gc needs alpha gates.
 *
 * They are stored when kubeadm init starts the control plane; an upgraded kube-controller-manager
 * adds the new minor's (kubeadm/api-objects/store-init.ts storeMissingBootstrapPolicy) and keeps
 * the old ones, as the real one does (nothing deletes them).
 */
import type { NewObject } from '../store/types.ts';

/** [ServiceAccount, first minor, last minor] of every controller client kubeadm's KCM builds. */
const CONTROLLER_ACCOUNTS: readonly (readonly [string, (number | undefined)?, number?])[] = [
  ['attachdetach-controller'],
  ['bootstrap-signer'],
  ['certificate-controller'],
  ['clusterrole-aggregation-controller'],
  ['cronjob-controller'],
  ['daemon-set-controller'],
  ['deployment-controller'],
  ['device-taint-eviction-controller', 36],
  ['disruption-controller'],
  ['endpoint-controller'],
  ['endpointslice-controller'],
  ['endpointslicemirroring-controller'],
  ['ephemeral-volume-controller', 21],
  ['expand-controller'],
  ['generic-garbage-collector'],
  ['horizontal-pod-autoscaler'],
  ['job-controller'],
  ['legacy-service-account-token-cleaner', 29],
  ['namespace-controller'],
  ['node-controller'],
  ['persistent-volume-binder'],
  ['pod-garbage-collector'],
  ['pv-protection-controller'],
  ['pvc-protection-controller'],
  ['replicaset-controller'],
  ['replication-controller'],
  ['resource-claim-controller', 34],
  ['resourcequota-controller'],
  ['root-ca-cert-publisher'],
  ['service-account-controller'],
  ['service-cidrs-controller', 33],
  ['service-controller', undefined, 30],
  ['statefulset-controller'],
  ['token-cleaner'],
  ['ttl-after-finished-controller', 21],
  ['ttl-controller'],
  ['validatingadmissionpolicy-status-controller', 30],
  ['volumeattributesclass-protection-controller', 34],
];

/** The controllers' ServiceAccount names of a 1.x minor, sorted. */
export function controllerServiceAccountNames(minor: number): string[] {
  return CONTROLLER_ACCOUNTS.filter(
    ([, since, until]) =>
      (since === undefined || minor >= since) && (until === undefined || minor <= until),
  ).map(([name]) => name);
}

/** The controllers' ServiceAccounts of a 1.x minor, as kube-controller-manager creates them. */
export function controllerServiceAccountObjects(
  created: string,
  minor: number,
): (readonly [resource: string, object: NewObject])[] {
  return controllerServiceAccountNames(minor).map((name) => [
    'serviceaccounts',
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace: 'kube-system', creationTimestamp: created },
    },
  ]);
}
