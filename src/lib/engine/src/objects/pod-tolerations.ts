/**
 * spec.tolerations of the cluster's own Pods as the API serves them: what their manifest asks
 * for, plus what the component that made the Pod adds.
 *
 * upstream (kubernetes v1.35.0):
 * - static Pods' mirror Pods: pkg/kubelet/config/common.go applyDefaults ("Applying the default
 *   Taint tolerations to static pods, so they are not evicted when there are node problems":
 *   operator Exists, effect NoExecute);
 * - DaemonSet Pods (kube-proxy, flannel): pkg/controller/daemon/util/daemonset_util.go
 *   AddOrUpdateDaemonPodTolerations (not-ready and unreachable NoExecute forever; disk-pressure,
 *   memory-pressure, pid-pressure, unschedulable NoSchedule; network-unavailable for
 *   hostNetwork Pods);
 * - other Pods (CoreDNS): plugin/pkg/admission/defaulttolerationseconds (not-ready and
 *   unreachable NoExecute for 300 s unless the Pod already tolerates them).
 */
import type { ClusterState, PodObject } from '../model/state.ts';
import { readStored } from '../store/buckets.ts';
import type { Toleration } from '../controllers/tolerations.ts';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** AddOrUpdateTolerationInPodSpec: add `t` unless an identical toleration is there. */
function addOrUpdate(list: readonly Toleration[], t: Toleration): Toleration[] {
  const same = (x: Toleration) =>
    (x.key ?? '') === (t.key ?? '') &&
    (x.operator ?? 'Equal') === (t.operator ?? 'Equal') &&
    (x.value ?? '') === (t.value ?? '') &&
    (x.effect ?? '') === (t.effect ?? '');
  return list.some(same) ? list.map((x) => (same(x) ? t : x)) : [...list, t];
}

/** The DaemonSet controller's tolerations on top of the template's. */
export function daemonPodTolerations(
  template: readonly Toleration[],
  hostNetwork: boolean,
): Toleration[] {
  const exists = (key: string, effect: string): Toleration => ({ effect, key, operator: 'Exists' });
  return [
    exists(NOT_READY, 'NoExecute'),
    exists(UNREACHABLE, 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ].reduce(addOrUpdate, [...template]);
}

/** The DefaultTolerationSeconds admission plugin's tolerations (300 s) on top of `own`. */
export function defaultTolerationSeconds(own: readonly Toleration[]): Toleration[] {
  const covers = (key: string) =>
    own.some(
      (t) =>
        ((t.key ?? '') === key || (t.key ?? '') === '') &&
        ((t.effect ?? '') === 'NoExecute' || (t.effect ?? '') === ''),
    );
  const add = (key: string): Toleration[] =>
    covers(key) ? [] : [{ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 }];
  return [...own, ...add(NOT_READY), ...add(UNREACHABLE)];
}

function templateTolerations(
  state: ClusterState,
  resource: string,
  namespace: string,
  name: string,
): Toleration[] {
  const o = readStored(state.cluster?.objects, resource, namespace, name);
  const spec = (o?.['spec'] as { template?: { spec?: { tolerations?: Toleration[] } } })?.template
    ?.spec;
  return [...(spec?.tolerations ?? [])];
}

/** The tolerations the API serves for one of the cluster's own Pods. */
export function systemPodTolerations(state: ClusterState, p: PodObject): Toleration[] {
  switch (p.app) {
    case 'kube-proxy':
      return daemonPodTolerations(
        templateTolerations(state, 'daemonsets.apps', 'kube-system', 'kube-proxy'),
        true,
      );
    case 'kube-flannel':
      return daemonPodTolerations(
        templateTolerations(state, 'daemonsets.apps', 'kube-flannel', 'kube-flannel-ds'),
        true,
      );
    case 'coredns':
      return defaultTolerationSeconds(
        templateTolerations(state, 'deployments.apps', 'kube-system', 'coredns'),
      );
    default:
      return [{ effect: 'NoExecute', operator: 'Exists' }];
  }
}
