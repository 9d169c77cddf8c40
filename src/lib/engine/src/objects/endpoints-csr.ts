/**
 * The default/kubernetes Endpoints (the apiservers' endpoint reconciler, src/ha/endpoints.ts)
 * and CertificateSigningRequest objects (certificates.k8s.io/v1), derived from the state.
 */
import type { ClusterState } from '../model/state.ts';
import { kubernetesEndpoints, runningApiservers } from '../ha/endpoints.ts';
import { clusterStart, meta } from './legacy-meta.ts';
import { csrApiObject, csrList, storedCsrObject } from '../state/csrs.ts';

type Obj = Record<string, unknown>;

/** Addresses of default/kubernetes (the apiservers the reconciler keeps). */
export function endpointAddresses(state: ClusterState): string[] {
  // Before the first reconcile pass, each running apiserver has written itself once at startup.
  return (
    kubernetesEndpoints(state)?.addresses.slice() ??
    runningApiservers(state)
      .map((a) => a.ip)
      .sort()
  );
}

/** default/kubernetes, the only Endpoints object of a kubeadm cluster without workloads. */
export function endpointsObjects(state: ClusterState, namespace: string | null): Obj[] {
  if (namespace !== null && namespace !== 'default') return [];
  const ips = endpointAddresses(state);
  return [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('kubernetes', 'default', clusterStart(state), {
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      }),
      ...(ips.length > 0
        ? {
            subsets: [
              {
                addresses: ips.map((ip) => ({ ip })),
                ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
              },
            ],
          }
        : {}),
    },
  ];
}

/**
 * CertificateSigningRequest objects as the API serves them: the stored objects (state/csrs.ts)
 * without the simulator's own fields.
 */
export function csrObjects(state: ClusterState): Obj[] {
  return csrList(state).map((c) => {
    const { simulator: _sim, ...served } = storedCsrObject(state, c.name) ?? csrApiObject(c);
    return served;
  });
}
