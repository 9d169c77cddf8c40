/**
 * `kubectl describe` of the cluster-policy kinds: PodDisruptionBudget (its bound and the
 * disruption controller's counts), PriorityClass (value, default, preemption) and StorageClass
 * (provisioner, parameters, reclaim and binding modes).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (describePodDisruptionBudgetV1, describePriorityClass, describeStorageClass, printBoolPtr),
 * staging/src/k8s.io/kubectl/pkg/util/storage/storage.go (IsDefaultAnnotationText).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { describedText, refOf, type DescribeSettings } from './kubectl-describe-events.ts';
import { formatLabels, formatLabelSelector } from './kubectl-describe-maps.ts';
import { o, arr, text, num } from './kubectl-describe-fields.ts';

/** describePodDisruptionBudgetV1's text. */
export function pdbText(state: ClusterState, pdb: ApiObject, settings: DescribeSettings): string {
  const spec = o(pdb['spec']);
  const status = o(pdb['status']);
  const lines = [
    `Name:\t${pdb.metadata.name}`,
    `Namespace:\t${pdb.metadata.namespace ?? ''}`,
    ...(spec['minAvailable'] !== undefined
      ? [`Min available:\t${text(spec['minAvailable'])}`]
      : spec['maxUnavailable'] !== undefined
        ? [`Max unavailable:\t${text(spec['maxUnavailable'])}`]
        : []),
    `Selector:\t${spec['selector'] !== undefined ? formatLabelSelector(spec['selector']) : '<unset>'}`,
    'Status:',
    `    Allowed disruptions:\t${num(status['disruptionsAllowed'])}`,
    `    Current:\t${num(status['currentHealthy'])}`,
    `    Desired:\t${num(status['desiredHealthy'])}`,
    `    Total:\t${num(status['expectedPods'])}`,
  ];
  return describedText(state, lines, settings.showEvents ? refOf(pdb) : null);
}

/** describePriorityClass's text. */
export function priorityClassText(
  state: ClusterState,
  pc: ApiObject,
  settings: DescribeSettings,
): string {
  const lines = [
    `Name:\t${pc.metadata.name}`,
    `Value:\t${num(pc['value'])}`,
    `GlobalDefault:\t${pc['globalDefault'] === true}`,
    `PreemptionPolicy:\t${text(pc['preemptionPolicy'])}`,
    `Description:\t${text(pc['description'])}`,
    `Annotations:\t${formatLabels(pc.metadata.annotations ?? {})}`,
  ];
  return describedText(state, lines, settings.showEvents ? refOf(pc) : null);
}

/** IsDefaultAnnotationText: `Yes` when the (beta) is-default-class annotation says true. */
function isDefaultClass(sc: ApiObject): string {
  const a = sc.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
    ? 'Yes'
    : 'No';
}

/** describeStorageClass's text (allowed topologies left out: nothing here sets them). */
export function storageClassText(
  state: ClusterState,
  sc: ApiObject,
  settings: DescribeSettings,
): string {
  const options = arr(sc['mountOptions']).map(text);
  const expansion = sc['allowVolumeExpansion'];
  const lines = [
    `Name:\t${sc.metadata.name}`,
    `IsDefaultClass:\t${isDefaultClass(sc)}`,
    `Annotations:\t${formatLabels(sc.metadata.annotations ?? {})}`,
    `Provisioner:\t${text(sc['provisioner'])}`,
    `Parameters:\t${formatLabels(o(sc['parameters']))}`,
    `AllowVolumeExpansion:\t${typeof expansion === 'boolean' ? (expansion ? 'True' : 'False') : '<unset>'}`,
    ...(options.length === 0
      ? ['MountOptions:\t<none>']
      : ['MountOptions:', ...options.map((m) => `  ${m}`)]),
    ...(sc['reclaimPolicy'] !== undefined ? [`ReclaimPolicy:\t${text(sc['reclaimPolicy'])}`] : []),
    ...(sc['volumeBindingMode'] !== undefined
      ? [`VolumeBindingMode:\t${text(sc['volumeBindingMode'])}`]
      : []),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(sc) : null);
}
