/**
 * The values `kubectl describe pod` shows for environment variables that come from the Pod
 * itself: a downward-API field (only the metadata fields fieldpath resolves; other field
 * labels print empty) and a container resource (rounded up to the divisor, default 1).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/util/fieldpath/fieldpath.go
 * (ExtractFieldPathAsString, FormatMap, SplitMaybeSubscriptedPath),
 * staging/src/k8s.io/kubectl/pkg/util/resource/resource.go (ExtractContainerResourceValue,
 * convertResourceCPUToString, convertResourceMemoryToString),
 * staging/src/k8s.io/apimachinery/pkg/api/resource/suffix.go (the quantity suffixes).
 */

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** FormatMap: `key="value"` lines, keys sorted. */
function formatMap(m: Obj): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${JSON.stringify(text(m[k]))}`)
    .join('\n');
}

/** ExtractFieldPathAsString on a Pod (errors, and unsupported paths, print as empty). */
export function fieldPathValue(pod: Obj, path: string): string {
  const md = o(pod['metadata']);
  const sub = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/.exec(path);
  if (sub) {
    const map = o(md[sub[1] === 'metadata.labels' ? 'labels' : 'annotations']);
    const key = sub[2] ?? '';
    return Object.hasOwn(map, key) ? text(map[key]) : '';
  }
  switch (path) {
    case 'metadata.annotations':
      return formatMap(o(md['annotations']));
    case 'metadata.labels':
      return formatMap(o(md['labels']));
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid':
      return text(md[path.slice('metadata.'.length)]);
    default:
      return '';
  }
}

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A resource.Quantity's value in base units (0 for text that is not a quantity). */
export function quantityValue(q: string): number {
  const m = /^([+-]?\d*\.?\d+)(?:([eE][+-]?\d+)|([a-zA-Z]*))$/.exec(q.trim());
  if (!m) return 0;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return Object.hasOwn(SUFFIX, suffix) ? base * (SUFFIX[suffix] ?? 1) : 0;
}

/** ExtractContainerResourceValue of `limits.cpu`, `requests.memory`… over the divisor. */
export function resourceFieldValue(container: Obj, ref: Obj): string {
  const resource = text(ref['resource']);
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests')) return '';
  const name = resource.slice(dot + 1);
  const amount = quantityValue(text(o(o(container['resources'])[kind])[name]) || '0');
  const divisor = quantityValue(text(ref['divisor']) || '1') || 1;
  // CPU compares milli-values, the others whole values, each rounded up.
  const ratio =
    name === 'cpu'
      ? Math.ceil(amount * 1000) / Math.ceil(divisor * 1000)
      : Math.ceil(amount) / Math.ceil(divisor);
  return String(Math.ceil(ratio));
}
