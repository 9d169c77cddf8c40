/**
 * The resource part of `kubectl describe node`: the node's non-terminated Pods with their CPU and
 * memory requests and limits as a share of the node's allocatable, then the totals ("Allocated
 * resources"), ephemeral storage and every hugepage size the node offers.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNodeResource,
 * getPodsTotalRequestsAndLimits), staging/src/k8s.io/component-helpers/resource/helpers.go
 * (PodRequests, PodLimits: regular containers summed, restartable init containers added, the
 * largest plain init container, overhead; addResourceList/maxResourceList keep the format of the
 * quantity they start from), staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (Add
 * keeps the receiver's format once it is non-zero; String()).
 */
import { parseTime } from '../../src/index.ts';
import type { ClusterState } from '../../src/index.ts';
import {
  formatQuantity,
  milliValue,
  quantityFormat,
  type QuantityFormat,
} from '../../src/objects/quantity.ts';
import { humanDuration } from '../format.ts';
import { arr, o, text, type Obj } from './kubectl-describe-fields.ts';

/** A summed quantity: thousandths of its unit, and the format its first non-zero addend had. */
interface Sum {
  readonly milli: number;
  readonly format: QuantityFormat;
}
type List = Readonly<Record<string, Sum>>;

const ZERO: Sum = { milli: 0, format: 'DecimalSI' };

/** A container's requests or limits as sums; a limit stands in for a missing request. */
function containerList(c: Obj, key: 'requests' | 'limits'): List {
  const res = o(c['resources']);
  const list = { ...o(res['limits']), ...(key === 'requests' ? o(res['requests']) : {}) };
  const out: Record<string, Sum> = {};
  for (const [name, q] of Object.entries(list))
    out[name] = { milli: milliValue(q), format: quantityFormat(q) };
  return out;
}

/** addResourceList: add each quantity, the first non-zero addend setting the format. */
function add(a: List, b: List): List {
  const out: Record<string, Sum> = { ...a };
  for (const [name, q] of Object.entries(b)) {
    const have = out[name];
    out[name] =
      have === undefined
        ? q
        : { milli: have.milli + q.milli, format: have.milli === 0 ? q.format : have.format };
  }
  return out;
}

/** maxResourceList: the larger quantity of each resource, with its own format. */
function max(a: List, b: List): List {
  const out: Record<string, Sum> = { ...a };
  for (const [name, q] of Object.entries(b)) {
    const have = out[name];
    if (have === undefined || q.milli > have.milli) out[name] = q;
  }
  return out;
}

/** PodRequests or PodLimits of a Pod's spec (limits get overhead only where they are set). */
function podList(spec: Obj, key: 'requests' | 'limits'): List {
  let sum: List = {};
  let sidecars: List = {};
  let initMax: List = {};
  for (const c of arr(spec['containers'])) sum = add(sum, containerList(c, key));
  for (const c of arr(spec['initContainers'])) {
    const list = containerList(c, key);
    if (c['restartPolicy'] === 'Always') {
      sidecars = add(sidecars, list);
      sum = add(sum, list);
    } else initMax = max(initMax, add(list, sidecars));
  }
  const total = max(sum, initMax);
  const overhead: Record<string, Sum> = {};
  for (const [name, q] of Object.entries(o(spec['overhead'])))
    if (key === 'requests' || Object.hasOwn(total, name))
      overhead[name] = { milli: milliValue(q), format: quantityFormat(q) };
  return add(total, overhead);
}

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
    const req = podList(spec, 'requests');
    const lim = podList(spec, 'limits');
    reqs = add(reqs, req);
    limits = add(limits, lim);
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
