/**
 * `kubectl describe deployment|replicaset|daemonset|statefulset`: the controller's fields, the
 * count of its Pods by phase (those it controls that match its selector), its Pod template and
 * its Events; a Deployment names its old and new ReplicaSets.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeDeployment,
 * printReplicaSetsByLabels, describeReplicaSet, describeDaemonSet, describeStatefulSet,
 * describeVolumeClaimTemplates, getPodStatusForController),
 * staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go (GetAllReplicaSetsInChunks,
 * FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash).
 */
import {
  listObjects,
  matchesSelector,
  parseSelector,
  type ApiObject,
  type ClusterState,
} from '../../src/index.ts';
import { rfc1123z } from '../format.ts';
import { describedText, refOf, type DescribeSettings } from './kubectl-describe-events.ts';
import {
  annotationLines,
  controlledByLines,
  formatLabels,
  formatLabelSelector,
  multiline,
  selectorText,
} from './kubectl-describe-maps.ts';
import { podTemplateLines } from './kubectl-describe-template.ts';
import { o, arr, text, num, type Obj } from './kubectl-describe-fields.ts';

/** True when `owner` is the controller of `obj`. */
function controls(owner: ApiObject, obj: ApiObject): boolean {
  return (
    obj.metadata.ownerReferences?.some(
      (r) => r.controller === true && r.uid === owner.metadata.uid,
    ) === true
  );
}

/** getPodStatusForController: `N Running / N Waiting / N Succeeded / N Failed`. */
function podsStatus(state: ClusterState, owner: ApiObject): string {
  const reqs = parseSelector(selectorText(o(owner['spec'])['selector']));
  const pods = listObjects(state, 'pods', owner.metadata.namespace ?? 'default').filter(
    (p) =>
      Array.isArray(reqs) && matchesSelector(p.metadata.labels ?? {}, reqs) && controls(owner, p),
  );
  const count = (phase: string): number =>
    pods.filter((p) => o(p['status'])['phase'] === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

/** The `Conditions:` table of a Deployment or ReplicaSet (Type, Status, Reason). */
function conditionLines(status: Obj): string[] {
  const conditions = arr(status['conditions']);
  if (conditions.length === 0) return [];
  return [
    'Conditions:',
    '  Type\tStatus\tReason',
    '  ----\t------\t------',
    ...conditions.map((c) => `  ${text(c['type'])} \t${text(c['status'])}\t${text(c['reason'])}`),
  ];
}

/** A template compared without its pod-template-hash label (EqualIgnoreHash). */
function withoutHash(template: unknown): string {
  const t = o(template);
  const meta = o(t['metadata']);
  const { 'pod-template-hash': _hash, ...labels } = o(meta['labels']);
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Obj)[k])]),
          )
        : v;
  return JSON.stringify(canonical({ ...t, metadata: { ...meta, labels } }));
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, `<none>` for none. */
function replicaSetList(sets: readonly ApiObject[]): string {
  const list = sets
    .map(
      (rs) =>
        `${rs.metadata.name} (${num(o(rs['status'])['replicas'])}/${num(o(rs['spec'])['replicas'])} replicas created)`,
    )
    .join(', ');
  return list === '' ? '<none>' : list;
}

/** describeDeployment's text. */
export function deploymentText(
  state: ClusterState,
  d: ApiObject,
  settings: DescribeSettings,
): string {
  const spec = o(d['spec']);
  const status = o(d['status']);
  const strategy = o(spec['strategy']);
  const ru = strategy['rollingUpdate'];
  const owned = listObjects(state, 'replicasets.apps', d.metadata.namespace ?? 'default').filter(
    (rs) => controls(d, rs),
  );
  // FindNewReplicaSet takes the oldest matching one (ReplicaSetsByCreationTimestamp).
  const byAge = [...owned].sort(
    (a, b) =>
      Date.parse(a.metadata.creationTimestamp ?? '') -
        Date.parse(b.metadata.creationTimestamp ?? '') ||
      (a.metadata.name < b.metadata.name ? -1 : 1),
  );
  const wanted = withoutHash(spec['template']);
  const newRs = byAge.find((rs) => withoutHash(o(rs['spec'])['template']) === wanted);
  const old = owned.filter((rs) => rs !== newRs);
  const lines = [
    `Name:\t${d.metadata.name}`,
    `Namespace:\t${d.metadata.namespace ?? ''}`,
    `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp ?? '')}`,
    ...multiline('Labels', d.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', d.metadata.annotations ?? {}),
    `Selector:\t${selectorText(spec['selector'])}`,
    `Replicas:\t${num(spec['replicas'])} desired | ${num(status['updatedReplicas'])} updated | ${num(status['replicas'])} total | ${num(status['availableReplicas'])} available | ${num(status['unavailableReplicas'])} unavailable`,
    `StrategyType:\t${text(strategy['type'])}`,
    `MinReadySeconds:\t${num(spec['minReadySeconds'])}`,
    ...(ru !== undefined
      ? [
          `RollingUpdateStrategy:\t${text(o(ru)['maxUnavailable'])} max unavailable, ${text(o(ru)['maxSurge'])} max surge`,
        ]
      : []),
    ...podTemplateLines(spec['template'], settings.kubectlMinor),
    ...conditionLines(status),
    ...(owned.length > 0
      ? [
          `OldReplicaSets:\t${replicaSetList(old)}`,
          `NewReplicaSet:\t${replicaSetList(newRs ? [newRs] : [])}`,
        ]
      : []),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(d) : null);
}

/** describeReplicaSet's text. */
export function replicaSetText(
  state: ClusterState,
  rs: ApiObject,
  settings: DescribeSettings,
): string {
  const spec = o(rs['spec']);
  const status = o(rs['status']);
  const lines = [
    `Name:\t${rs.metadata.name}`,
    `Namespace:\t${rs.metadata.namespace ?? ''}`,
    `Selector:\t${formatLabelSelector(spec['selector'])}`,
    ...multiline('Labels', rs.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', rs.metadata.annotations ?? {}),
    ...controlledByLines(rs),
    `Replicas:\t${num(status['replicas'])} current / ${num(spec['replicas'])} desired`,
    `Pods Status:\t${podsStatus(state, rs)}`,
    ...podTemplateLines(spec['template'], settings.kubectlMinor),
    ...conditionLines(status),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(rs) : null);
}

/** describeDaemonSet's text. */
export function daemonSetText(
  state: ClusterState,
  ds: ApiObject,
  settings: DescribeSettings,
): string {
  const spec = o(ds['spec']);
  const status = o(ds['status']);
  const lines = [
    `Name:\t${ds.metadata.name}`,
    `Namespace:\t${ds.metadata.namespace ?? ''}`,
    `Selector:\t${selectorText(spec['selector'])}`,
    `Node-Selector:\t${formatLabels(o(o(o(spec['template'])['spec'])['nodeSelector']))}`,
    ...multiline('Labels', ds.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', ds.metadata.annotations ?? {}),
    `Desired Number of Nodes Scheduled: ${num(status['desiredNumberScheduled'])}`,
    `Current Number of Nodes Scheduled: ${num(status['currentNumberScheduled'])}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${num(status['updatedNumberScheduled'])}`,
    `Number of Nodes Scheduled with Available Pods: ${num(status['numberAvailable'])}`,
    `Number of Nodes Misscheduled: ${num(status['numberMisscheduled'])}`,
    `Pods Status:\t${podsStatus(state, ds)}`,
    ...podTemplateLines(spec['template'], settings.kubectlMinor),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(ds) : null);
}

/** describeVolumeClaimTemplates. */
function claimLines(templates: readonly Obj[]): string[] {
  if (templates.length === 0) return ['Volume Claims:\t<none>'];
  const lines = ['Volume Claims:'];
  for (const t of templates) {
    const meta = o(t['metadata']);
    const spec = o(t['spec']);
    const annotations = o(meta['annotations']);
    // GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName.
    const cls =
      text(annotations['volume.beta.kubernetes.io/storage-class']) ||
      text(spec['storageClassName']);
    const capacity = text(o(o(spec['resources'])['requests'])['storage']);
    lines.push(
      `  Name:\t${text(meta['name'])}`,
      `  StorageClass:\t${cls}`,
      ...multiline('  Labels', o(meta['labels']), '='),
      ...multiline('  Annotations', annotations, '='),
      `  Capacity:\t${capacity === '' ? '<default>' : capacity}`,
      `  Access Modes:\t[${arr(spec['accessModes']).map(text).join(' ')}]`,
    );
  }
  return lines;
}

/** describeStatefulSet's text. */
export function statefulSetText(
  state: ClusterState,
  sts: ApiObject,
  settings: DescribeSettings,
): string {
  const spec = o(sts['spec']);
  const status = o(sts['status']);
  const strategy = o(spec['updateStrategy']);
  const ru = o(strategy['rollingUpdate']);
  const lines = [
    `Name:\t${sts.metadata.name}`,
    `Namespace:\t${sts.metadata.namespace ?? ''}`,
    `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp ?? '')}`,
    `Selector:\t${selectorText(spec['selector'])}`,
    ...multiline('Labels', sts.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', sts.metadata.annotations ?? {}),
    `Replicas:\t${num(spec['replicas'])} desired | ${num(status['replicas'])} total`,
    `Update Strategy:\t${text(strategy['type'])}`,
    ...(ru['partition'] !== undefined
      ? [
          `  Partition:\t${text(ru['partition'])}`,
          ...(ru['maxUnavailable'] !== undefined
            ? [`  MaxUnavailable:\t${text(ru['maxUnavailable'])}`]
            : []),
        ]
      : []),
    `Pods Status:\t${podsStatus(state, sts)}`,
    ...podTemplateLines(spec['template'], settings.kubectlMinor),
    ...claimLines(arr(spec['volumeClaimTemplates'])),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(sts) : null);
}
