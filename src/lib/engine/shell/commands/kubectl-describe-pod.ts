/**
 * `kubectl describe pod`: the Pod's identity and placement, labels and annotations, status
 * (`Terminating (lasts …)` while it is being deleted), IPs, controller, containers with their
 * states, conditions, volumes, QoS class, node selectors, tolerations, and the Events about it
 * (a mirror Pod's are the static Pod's: kubectl asks for the UID in its config.mirror
 * annotation, and for no kind).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (PodDescriber.Describe,
 * describePod, describePodIPs, printController, describeTopologySpreadConstraints),
 * staging/src/k8s.io/kubectl/pkg/util/qos/qos.go (GetPodQOS; ComputePodQOS in
 * src/controllers/resource-fit.ts).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { humanDuration, rfc1123z } from '../format.ts';
import { parseTime, podQosClass } from '../../src/index.ts';
import { containerLines, resourceLines } from './kubectl-describe-containers.ts';
import { describedText, type DescribeSettings, type EventRef } from './kubectl-describe-events.ts';
import {
  annotationLines,
  controlledByLines,
  multiline,
  tolerationLines,
} from './kubectl-describe-maps.ts';
import { spreadLines } from './kubectl-describe-template.ts';
import { volumeLines } from './kubectl-describe-volumes.ts';
import { o, arr, text, type Obj } from './kubectl-describe-fields.ts';

const MIRROR = 'kubernetes.io/config.mirror';

/** GetPodQOS: the status's class, else ComputePodQOS over the spec. */
function podQos(pod: Obj): string {
  const recorded = text(o(pod['status'])['qosClass']);
  return recorded !== ''
    ? recorded
    : podQosClass(o(pod['spec']) as Parameters<typeof podQosClass>[0]);
}

/** The lines of describePod (without its Events). */
export function podLines(state: ClusterState, pod: ApiObject, minor: number): string[] {
  const spec = o(pod['spec']);
  const status = o(pod['status']);
  const md = pod.metadata;
  const lines = [`Name:\t${md.name}`, `Namespace:\t${md.namespace ?? ''}`];
  if (typeof spec['priority'] === 'number') lines.push(`Priority:\t${spec['priority']}`);
  if (text(spec['priorityClassName']) !== '')
    lines.push(`Priority Class Name:\t${text(spec['priorityClassName'])}`);
  if (text(spec['runtimeClassName']) !== '')
    lines.push(`Runtime Class Name:\t${text(spec['runtimeClassName'])}`);
  if (text(spec['serviceAccountName']) !== '')
    lines.push(`Service Account:\t${text(spec['serviceAccountName'])}`);
  const node = text(spec['nodeName']);
  lines.push(`Node:\t${node === '' ? '<none>' : `${node}/${text(status['hostIP'])}`}`);
  if (text(status['startTime']) !== '')
    lines.push(`Start Time:\t${rfc1123z(text(status['startTime']))}`);
  lines.push(
    ...multiline('Labels', md.labels ?? {}, '='),
    ...annotationLines('Annotations', md.annotations ?? {}),
  );
  const phase = text(status['phase']);
  const deleted = (md as { deletionTimestamp?: string }).deletionTimestamp;
  if (deleted !== undefined && phase !== 'Failed' && phase !== 'Succeeded') {
    const grace = (md as { deletionGracePeriodSeconds?: number }).deletionGracePeriodSeconds;
    lines.push(
      `Status:\tTerminating (lasts ${humanDuration(state.now - parseTime(deleted))})`,
      `Termination Grace Period:\t${grace ?? 0}s`,
    );
  } else lines.push(`Status:\t${phase}`);
  if (text(status['reason']) !== '') lines.push(`Reason:\t${text(status['reason'])}`);
  if (text(status['message']) !== '') lines.push(`Message:\t${text(status['message'])}`);
  const seccomp = o(o(spec['securityContext'])['seccompProfile']);
  if (text(seccomp['type']) !== '') {
    lines.push(`SeccompProfile:\t${text(seccomp['type'])}`);
    if (seccomp['type'] === 'Localhost')
      lines.push(`LocalhostProfile:\t${text(seccomp['localhostProfile'])}`);
  }
  lines.push(`IP:\t${text(status['podIP'])}`);
  const ips = arr(status['podIPs']);
  lines.push(
    ...(ips.length === 0
      ? ['IPs:\t<none>']
      : ['IPs:', ...ips.map((ip) => `  IP:\t${text(ip['ip'])}`)]),
  );
  lines.push(...controlledByLines(pod));
  if (text(status['nominatedNodeName']) !== '')
    lines.push(`NominatedNodeName:\t${text(status['nominatedNodeName'])}`);
  if (spec['resources'] !== undefined)
    lines.push('Resources:', ...resourceLines(o(spec['resources']), '  '));
  const pod_ = pod as unknown as Obj;
  if (arr(spec['initContainers']).length > 0)
    lines.push(
      ...containerLines(
        'Init Containers',
        arr(spec['initContainers']),
        arr(status['initContainerStatuses']),
        pod_,
        '',
        minor,
      ),
    );
  lines.push(
    ...containerLines(
      'Containers',
      arr(spec['containers']),
      arr(status['containerStatuses']),
      pod_,
      '',
      minor,
    ),
  );
  if (arr(spec['ephemeralContainers']).length > 0)
    lines.push(
      ...containerLines(
        'Ephemeral Containers',
        arr(spec['ephemeralContainers']),
        arr(status['ephemeralContainerStatuses']),
        pod_,
        '',
        minor,
      ),
    );
  const conditions = arr(status['conditions']);
  const gates = arr(spec['readinessGates']);
  if (gates.length > 0) {
    lines.push('Readiness Gates:', '  Type\tStatus');
    for (const g of gates) {
      const c = conditions.find((x) => x['type'] === g['conditionType']);
      lines.push(`  ${text(g['conditionType'])} \t${c ? text(c['status']) : '<none>'} `);
    }
  }
  if (conditions.length > 0)
    lines.push(
      'Conditions:',
      '  Type\tStatus',
      ...conditions.map((c) => `  ${text(c['type'])} \t${text(c['status'])} `),
    );
  lines.push(
    ...volumeLines(arr(spec['volumes']), ''),
    `QoS Class:\t${podQos(pod_)}`,
    ...multiline('Node-Selectors', o(spec['nodeSelector']), '='),
    ...tolerationLines('Tolerations', arr(spec['tolerations'])),
    ...spreadLines(arr(spec['topologySpreadConstraints']), ''),
  );
  return lines;
}

/** PodDescriber: the reference its Events are searched by (no kind; a mirror Pod's static UID). */
export function podEventRef(pod: ApiObject): EventRef {
  const mirror = pod.metadata.annotations?.[MIRROR];
  const uid = mirror ?? pod.metadata.uid;
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? '',
    ...(uid !== undefined ? { uid } : {}),
  };
}

/** The describe text of one Pod. */
export function podText(state: ClusterState, pod: ApiObject, settings: DescribeSettings): string {
  const lines = podLines(state, pod, settings.kubectlMinor);
  return describedText(
    state,
    lines,
    settings.showEvents ? podEventRef(pod) : null,
    settings.kubectlMinor,
  );
}
