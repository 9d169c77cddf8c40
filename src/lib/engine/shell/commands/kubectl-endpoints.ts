/**
 * `kubectl get endpoints [kubernetes]`: the default/kubernetes Endpoints the apiservers'
 * reconcilers maintain (src/ha/endpoints.ts), and `kubectl describe endpoints` of any.
 * describeEndpoints: addresses joined by commas, an unnamed port as `<unset>`
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go EndpointsDescriber).
 * The v1.33+ deprecation warning is the one kube-apiserver attaches to v1 Endpoints reads.
 */
import { clusterStart } from '../../src/index.ts';
import { endpointAddresses as addresses, type ClusterState } from '../../src/index.ts';
import type { ApiObject } from '../../src/index.ts';
import { formatTable, humanDuration } from '../format.ts';
import { describedText, refOf } from './kubectl-describe-events.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import type { Invocation } from '../types.ts';
import { readWarnings } from '../api/warnings.ts';

/** kube-apiserver's deprecation warning on v1 Endpoints reads (v1.33+), on stderr. */
export function endpointsWarning(inv: Invocation): void {
  for (const w of readWarnings(inv.ctx.state, '', 'endpoints')) inv.io.err(`Warning: ${w}`);
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

/** describeEndpoints' text for one Endpoints object; `showEvents` false leaves the Events out. */
export function endpointsText(state: ClusterState, ep: ApiObject, showEvents: boolean): string {
  const lines = [
    `Name:\t${ep.metadata.name}`,
    `Namespace:\t${ep.metadata.namespace ?? ''}`,
    ...multiline('Labels', ep.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', ep.metadata.annotations ?? {}),
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
  return describedText(state, lines, showEvents ? refOf(ep) : null);
}
