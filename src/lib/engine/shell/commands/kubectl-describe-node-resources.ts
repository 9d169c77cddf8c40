/**
 * The resource part of `kubectl describe node`: the node's non-terminated Pods with their CPU and
 * memory requests and limits as a share of the node's allocatable, then the totals ("Allocated
 * resources"), ephemeral storage and every hugepage size the node offers.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNodeResource,
 * getPodsTotalRequestsAndLimits), staging/src/k8s.io/component-helpers/resource/helpers.go
 * (PodRequests, PodLimits: src/objects/pod-resources.ts, shared with the scheduler),
 * staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (String()).
 */
import { parseTime } from '../../src/index.ts';
import type { ClusterState } from '../../src/index.ts';
import { formatQuantity, milliValue } from '../../src/objects/quantity.ts';
import { addSums, podResourceSums, type List, type Sum } from '../../src/objects/pod-resources.ts';
import { humanDuration } from '../format.ts';
import { o, text, type Obj } from './kubectl-describe-fields.ts';

const ZERO: Sum = { milli: 0, format: 'DecimalSI' };

const str = (s: Sum | undefined): string => formatQuantity(s?.milli ?? 0, s?.format ?? 'DecimalSI');

/** `int64(float64(part) / float64(whole) * 100)`, 0 of nothing. */
function pct(part: Sum | undefined, whole: number): string {
  return `${whole > 0 ? Math.trunc(((part?.milli ?? 0) / whole) * 100) : 0}%`;
}

/** "<q> (<n>%)" of a share of `whole` (thousandths). */
const share = (s: Sum | undefined, whole: number): string => `${str(s)} (${pct(s, whole)})`;

/** describeNodeResource's tab-separated lines for the node's non-terminated `pods`. */
export function nodeResourceLines(
  state: ClusterState,
  node: Obj,
  pods: readonly Obj[],
): readonly string[] {
  const status = o(node['status']);
  const allocatable = Object.keys(o(status['allocatable'])).length
    ? o(status['allocatable'])
    : o(status['capacity']);
  const whole = (name: string): number => milliValue(allocatable[name]);
  const lines: string[] = [
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
  ];
  let reqs: List = {};
  let limits: List = {};
  for (const pod of pods) {
    const md = o(pod['metadata']);
    const spec = o(pod['spec']);
    const req = podResourceSums(spec, 'requests');
    const lim = podResourceSums(spec, 'limits');
    reqs = addSums(reqs, req);
    limits = addSums(limits, lim);
    const created = text(md['creationTimestamp']);
    const age = created === '' ? '<unknown>' : humanDuration(state.now - parseTime(created));
    lines.push(
      `  ${text(md['namespace'])}\t${text(md['name'])}\t\t${share(req['cpu'], whole('cpu'))}\t${share(lim['cpu'], whole('cpu'))}\t${share(req['memory'], whole('memory'))}\t${share(lim['memory'], whole('memory'))}\t${age}`,
    );
  }
  const row = (name: string): string =>
    `  ${name}\t${share(reqs[name] ?? ZERO, whole(name))}\t${share(limits[name] ?? ZERO, whole(name))}`;
  const hugepages = Object.keys(allocatable)
    .filter((k) => k.startsWith('hugepages-'))
    .sort();
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    row('cpu'),
    row('memory'),
    row('ephemeral-storage'),
    ...hugepages.map(row),
  );
  return lines;
}
