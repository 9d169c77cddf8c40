/**
 * Which Pods `kubectl logs TYPE/NAME` and `kubectl logs -l SELECTOR` read, as kubectl picks them.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/helpers.go (SelectorsForObject,
 * GetPodList/GetFirstPod: the Pods of the selector sorted by podutils.ByLogging),
 * staging/src/k8s.io/kubectl/pkg/util/podutils/podutils.go (ByLogging),
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go.
 */
import type { ApiObject } from '../store/types.ts';
import { labelSelectorRequirements, type LabelRequirement } from './labels.ts';

type Obj = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The kinds SelectorsForObject knows, each reading its selector from `spec.selector`. */
const LABEL_SELECTOR_KINDS = new Set([
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Deployment',
  'Job',
]);

/** Go's `%T` of the object kubectl decoded: `*v1.ConfigMap`, `*unstructured.Unstructured`. */
function goType(o: ApiObject, custom: boolean): string {
  if (custom) return '*unstructured.Unstructured';
  const version = o.apiVersion.split('/').pop() ?? o.apiVersion;
  return `*${version}.${o.kind}`;
}

/**
 * SelectorsForObject: the label requirements of the Pods an object runs, or the error kubectl
 * prints (`cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented`).
 */
export function podSelectorOf(
  o: ApiObject,
  custom: boolean,
): { ok: true; requirements: LabelRequirement[] } | { ok: false; message: string } {
  const spec = (o['spec'] as Obj | undefined) ?? {};
  const fail = (why: string) => ({
    ok: false as const,
    message: `cannot get the logs from ${goType(o, custom)}: ${why}`,
  });
  if (!custom && (o.kind === 'Service' || o.kind === 'ReplicationController')) {
    const set = (spec['selector'] as Readonly<Record<string, string>> | undefined) ?? {};
    if (o.kind === 'Service' && Object.keys(set).length === 0)
      return fail(`invalid service '${o.metadata.name}': Service is defined without a selector`);
    const requirements = labelSelectorRequirements({ matchLabels: set }) ?? [];
    return { ok: true, requirements };
  }
  if (custom || !LABEL_SELECTOR_KINDS.has(o.kind))
    return fail(`selector for ${goType(o, custom)} not implemented`);
  const requirements = labelSelectorRequirements(spec['selector']);
  if (requirements === null) return fail('invalid label selector');
  return { ok: true, requirements };
}

const PHASE_RANK: Readonly<Record<string, number>> = { Running: 0, Unknown: 1, Pending: 2 };

/** The Ready condition's transition time when the Pod is Ready, else null (podReadyTime). */
function readySince(p: ApiObject): number | null {
  const conditions = ((p['status'] as Obj | undefined)?.['conditions'] as Obj[] | undefined) ?? [];
  const ready = conditions.find((c) => c['type'] === 'Ready' && c['status'] === 'True');
  if (!ready) return null;
  const t = Date.parse(text(ready['lastTransitionTime']));
  return Number.isNaN(t) ? 0 : t;
}

function maxRestarts(p: ApiObject): number {
  const statuses =
    ((p['status'] as Obj | undefined)?.['containerStatuses'] as Obj[] | undefined) ?? [];
  return Math.max(0, ...statuses.map((s) => Number(s['restartCount'] ?? 0)));
}

/** Go's afterOrZero(t1, t2): t1 after t2, a zero time counting as after any other. */
const afterOrZero = (t1: number, t2: number): boolean =>
  t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2;

/**
 * podutils.ByLogging's Less: assigned before unassigned, Running < Unknown < Pending, ready
 * before not ready, ready longer first, more restarts first, older first.
 */
function lessByLogging(a: ApiObject, b: ApiObject): boolean {
  const nodeA = text((a['spec'] as Obj | undefined)?.['nodeName']);
  const nodeB = text((b['spec'] as Obj | undefined)?.['nodeName']);
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA !== '';
  const rank = (p: ApiObject): number => {
    const phase = text((p['status'] as Obj | undefined)?.['phase']);
    return Object.hasOwn(PHASE_RANK, phase) ? (PHASE_RANK[phase] ?? 0) : 0;
  };
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  const readyA = readySince(a);
  const readyB = readySince(b);
  if ((readyA !== null) !== (readyB !== null)) return readyA !== null;
  if (readyA !== null && readyB !== null && readyA !== readyB) return afterOrZero(readyB, readyA);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const bornA = Date.parse(a.metadata.creationTimestamp) || 0;
  const bornB = Date.parse(b.metadata.creationTimestamp) || 0;
  if (bornA !== bornB) return afterOrZero(bornB, bornA);
  return false;
}

/**
 * The Pods in kubectl's logging order. Go's sort.Sort is an insertion sort below 12 elements
 * (stable, list order kept among equals); a stable sort gives the same order there.
 */
export function podsByLogging(pods: readonly ApiObject[]): ApiObject[] {
  return [...pods].sort((a, b) => (lessByLogging(a, b) ? -1 : lessByLogging(b, a) ? 1 : 0));
}
