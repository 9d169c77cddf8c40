/**
 * `kubectl get endpoints [kubernetes]` and `kubectl describe endpoints kubernetes`: the
 * default/kubernetes Endpoints the apiservers' reconcilers maintain (src/ha/endpoints.ts).
 * The v1.33+ deprecation warning is the one kube-apiserver attaches to v1 Endpoints reads.
 */
import { clusterStart } from '../../src/index.ts';
import {
  endpointAddresses as addresses,
  parseVersion,
  type ClusterState,
} from '../../src/index.ts';
import { formatTable, humanDuration } from '../format.ts';
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

/** Prints `kubectl describe endpoints kubernetes`. */
export function describeEndpoints(inv: Invocation): number {
  endpointsWarning(inv);
  const ips = addresses(inv.ctx.state);
  inv.io.out(
    [
      'Name:         kubernetes',
      'Namespace:    default',
      'Labels:       endpointslice.kubernetes.io/skip-mirror=true',
      'Annotations:  <none>',
      'Subsets:',
      `  Addresses:          ${ips.length > 0 ? ips.join(',') : '<none>'}`,
      '  NotReadyAddresses:  <none>',
      '  Ports:',
      '    Name   Port  Protocol',
      '    ----   ----  --------',
      '    https  6443  TCP',
      '',
      'Events:  <none>',
    ].join('\n'),
  );
  return 0;
}
