/**
 * DescribePodTemplate: the Pod template of a workload (Deployment, ReplicaSet, DaemonSet,
 * StatefulSet, Job, CronJob): its labels and annotations, service account, containers without
 * statuses, volumes, topology spread constraints, priority class, node selectors and
 * tolerations, indented under `Pod Template:`.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (DescribePodTemplate,
 * describeContainers with nil statuses, describeVolumes with space "  ",
 * printTolerationsMultilineWithIndent).
 */
import { containerLines } from './kubectl-describe-containers.ts';
import {
  annotationLines,
  formatLabelSelector,
  multiline,
  tolerationLines,
} from './kubectl-describe-maps.ts';
import { volumeLines } from './kubectl-describe-volumes.ts';
import { o, arr, text, type Obj } from './kubectl-describe-fields.ts';

/**
 * describeTopologySpreadConstraints: sorted by topology key, one a line, `space` being the
 * template's indent ("  ") or none for a Pod.
 */
export function spreadLines(constraints: readonly Obj[], space: string): string[] {
  const sorted = [...constraints].sort((a, b) =>
    text(a['topologyKey']) < text(b['topologyKey']) ? -1 : 1,
  );
  return sorted.map((c, i) => {
    const selector =
      c['labelSelector'] !== undefined
        ? ` for selector ${formatLabelSelector(c['labelSelector'])}`
        : '';
    return `${space}${i === 0 ? 'Topology Spread Constraints:' : ''}\t${text(c['topologyKey'])}:${text(c['whenUnsatisfiable'])} when max skew ${text(c['maxSkew'])} is exceeded${selector}`;
  });
}

/** DescribePodTemplate's lines, as kubectl v1.`minor` prints them. */
export function podTemplateLines(template: unknown, minor: number): string[] {
  const t = o(template);
  const meta = o(t['metadata']);
  const spec = o(t['spec']);
  const annotations = o(meta['annotations']);
  const init = arr(spec['initContainers']);
  return [
    'Pod Template:',
    ...multiline('  Labels', o(meta['labels']), '='),
    ...(Object.keys(annotations).length > 0 ? annotationLines('  Annotations', annotations) : []),
    ...(text(spec['serviceAccountName']) !== ''
      ? [`  Service Account:\t${text(spec['serviceAccountName'])}`]
      : []),
    ...(init.length > 0 ? containerLines('Init Containers', init, null, null, '  ', minor) : []),
    ...containerLines('Containers', arr(spec['containers']), null, null, '  ', minor),
    ...volumeLines(arr(spec['volumes']), '  '),
    ...spreadLines(arr(spec['topologySpreadConstraints']), '  '),
    ...(text(spec['priorityClassName']) !== ''
      ? [`  Priority Class Name:\t${text(spec['priorityClassName'])}`]
      : []),
    ...multiline('  Node-Selectors', o(spec['nodeSelector']), '='),
    ...tolerationLines('  Tolerations', arr(spec['tolerations'])),
  ];
}
