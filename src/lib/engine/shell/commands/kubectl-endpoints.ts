/**
 * `kubectl get endpoints [kubernetes]`: the default/kubernetes Endpoints the apiservers'
 * reconcilers maintain (src/ha/endpoints.ts), and `kubectl describe endpoints` of any.
 * The v1.33+ deprecation warning is the one kube-apiserver attaches to v1 Endpoints reads.
 */
import { clusterStart } from '../../src/index.ts';
import {
  endpointAddresses as addresses,
  parseVersion,
  type ClusterState,
} from '../../src/index.ts';
import { getObject, listObjects, type ApiObject } from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { str, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import { multiline } from './kubectl-describe-maps.ts';
import type { Invocation } from '../types.ts';

/** kube-apiserver's deprecation warning on v1 Endpoints reads (v1.33+), on stderr. */
export function endpointsWarning(inv: Invocation): void {
  const v = inv.ctx.state.cluster?.version ?? 'v1.33.0';
  if (parseVersion(v).minor >= 33)
    inv.io.err(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
    );
}

function created(state: ClusterState): number {
  return clusterStart(state);
}

/** Prints `kubectl get endpoints` for the default namespace (only the kubernetes Service exists). */
export function getEndpoints(inv: Invocation, names: readonly string[], namespace: string): number {
  endpointsWarning(inv);
  const state = inv.ctx.state;
  const missing = names.filter((n) => n !== 'kubernetes' || namespace !== 'default');
  for (const n of missing) inv.io.err(`Error from server (NotFound): endpoints "${n}" not found`);
  if (missing.length > 0 && missing.length === names.length) return 1;
  if (namespace !== 'default') {
    inv.io.err(`No resources found in ${namespace} namespace.`);
    return 0;
  }
  const eps = addresses(state)
    .map((ip) => `${ip}:6443`)
    .join(',');
  inv.io.out(
    formatTable(
      ['NAME', 'ENDPOINTS', 'AGE'],
      [['kubernetes', eps === '' ? '<none>' : eps, humanDuration(state.now - created(state))]],
    ),
  );
  return missing.length > 0 ? 1 : 0;
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** describeEndpoints' text for one Endpoints object. */
function endpointsText(ep: ApiObject): string {
  const lines = [
    `Name:\t${ep.metadata.name}`,
    `Namespace:\t${ep.metadata.namespace ?? ''}`,
    ...multiline('Labels', ep.metadata.labels ?? {}, '='),
    ...multiline('Annotations', ep.metadata.annotations ?? {}, ': '),
    'Subsets:',
  ];
  for (const subset of arr(ep['subsets'])) {
    const ips = (key: string): string =>
      arr(subset[key])
        .map((a) => String(a['ip']))
        .join(',') || '<none>';
    lines.push(
      `  Addresses:\t${ips('addresses')}`,
      `  NotReadyAddresses:\t${ips('notReadyAddresses')}`,
    );
    const ports = arr(subset['ports']);
    if (ports.length > 0) {
      lines.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------');
      for (const p of ports) {
        const name = typeof p['name'] === 'string' && p['name'] !== '' ? p['name'] : '<unset>';
        lines.push(`    ${name}\t${String(p['port'])}\t${String(p['protocol'])}`);
      }
    }
    lines.push('');
  }
  lines.push('Events:\t<none>');
  return formatTabwriter(lines, { minwidth: 0, tabwidth: 8, padding: 2 }).replace(/\n$/, '');
}

/**
 * Prints `kubectl describe endpoints [NAME…]` (every Endpoints of the namespace without names).
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (EndpointsDescriber,
 * describeEndpoints: addresses joined by commas, an unnamed port as `<unset>`).
 */
export function describeEndpoints(
  inv: Invocation,
  p: ParsedFlags,
  names: readonly string[],
): number {
  endpointsWarning(inv);
  const state = inv.ctx.state;
  const ns = str(p, 'namespace') ?? 'default';
  const found =
    names.length > 0
      ? names.map((n) => getObject(state, 'endpoints', ns, n) ?? n)
      : listObjects(state, 'endpoints', ns);
  let code = 0;
  const texts: string[] = [];
  for (const ep of found) {
    if (typeof ep === 'string') {
      inv.io.err(`Error from server (NotFound): endpoints "${ep}" not found`);
      code = 1;
    } else texts.push(endpointsText(ep));
  }
  if (texts.length > 0) inv.io.out(texts.join('\n\n\n'));
  return code;
}
