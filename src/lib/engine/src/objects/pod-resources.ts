/**
 * A Pod's resource requests or limits summed as the API helpers do, per resource name, each sum
 * keeping the Quantity format of its first non-zero addend (what `Quantity.Add` keeps, so the
 * printers show `350m`, `114Mi`): the scheduler's resource fit reads the numbers, `kubectl
 * describe node` prints them.
 *
 * upstream: staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests, PodLimits:
 * regular containers summed, restartable init containers added, the largest plain init container
 * plus the sidecars started before it, overhead; addResourceList/maxResourceList),
 * pkg/apis/core/v1/defaults.go (SetDefaults_Pod: a missing request defaults to the limit),
 * staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (Add).
 */
import { milliValue, quantityFormat, type QuantityFormat } from './quantity.ts';

type Obj = { readonly [k: string]: unknown };
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): readonly Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** A summed quantity: thousandths of its unit, and the format its first non-zero addend had. */
export interface Sum {
  readonly milli: number;
  readonly format: QuantityFormat;
}
/** Sums by resource name (`cpu`, `memory`, `ephemeral-storage`, …). */
export type List = Readonly<Record<string, Sum>>;

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
export function addSums(a: List, b: List): List {
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
export function podResourceSums(spec: Obj, key: 'requests' | 'limits'): List {
  let sum: List = {};
  let sidecars: List = {};
  let initMax: List = {};
  for (const c of arr(spec['containers'])) sum = addSums(sum, containerList(c, key));
  for (const c of arr(spec['initContainers'])) {
    const list = containerList(c, key);
    if (c['restartPolicy'] === 'Always') {
      sidecars = addSums(sidecars, list);
      sum = addSums(sum, list);
    } else initMax = max(initMax, addSums(list, sidecars));
  }
  const total = max(sum, initMax);
  const overhead: Record<string, Sum> = {};
  for (const [name, q] of Object.entries(o(spec['overhead'])))
    if (key === 'requests' || Object.hasOwn(total, name))
      overhead[name] = { milli: milliValue(q), format: quantityFormat(q) };
  return addSums(total, overhead);
}
