/**
 * The values `kubectl describe pod` shows for environment variables that come from the Pod
 * itself: a downward-API field (only the metadata fields fieldpath resolves; other field
 * labels print empty) and a container resource (rounded up to the divisor, default 1).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/util/fieldpath/fieldpath.go
 * (ExtractFieldPathAsString, FormatMap, SplitMaybeSubscriptedPath),
 * staging/src/k8s.io/kubectl/pkg/util/resource/resource.go (ExtractContainerResourceValue,
 * convertResourceCPUToString, convertResourceMemoryToString),
 * src/objects/quantity.ts (Quantity.MilliValue, Quantity.Value).
 */
import { milliValue, quantityValue } from '../../src/index.ts';
import { o, text, type Obj } from './kubectl-describe-fields.ts';

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

/** ExtractContainerResourceValue of `limits.cpu`, `requests.memory`… over the divisor. */
export function resourceFieldValue(container: Obj, ref: Obj): string {
  const resource = text(ref['resource']);
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests')) return '';
  const name = resource.slice(dot + 1);
  const amount = text(o(o(container['resources'])[kind])[name]) || '0';
  const divisor = text(ref['divisor']) || '1';
  // convertResourceCPUToString divides milli-values, the others whole values; rounded up.
  const ratio =
    name === 'cpu'
      ? milliValue(amount) / (milliValue(divisor) || 1)
      : quantityValue(amount) / (quantityValue(divisor) || 1);
  return String(Math.ceil(ratio));
}
