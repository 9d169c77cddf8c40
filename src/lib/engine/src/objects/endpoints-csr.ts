/**
 * The default/kubernetes Endpoints (the apiservers' endpoint reconciler, src/ha/endpoints.ts)
 * and CertificateSigningRequest objects (certificates.k8s.io/v1), derived from the state.
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { kubernetesEndpoints, runningApiservers } from '../ha/endpoints.ts';
import { clusterStart, meta } from './legacy-meta.ts';

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
 * CertificateSigningRequest objects. spec.request and status.certificate (the PEM blobs) are not
 * modelled and left out.
 */
export function csrObjects(state: ClusterState): Obj[] {
  return (state.cluster?.csrs ?? []).map((c) => {
    const serving = c.signerName === 'kubernetes.io/kubelet-serving';
    const bootstrap = c.requestor.startsWith('system:bootstrap:');
    const when = formatRfc3339(c.createdAt);
    const conditions =
      c.condition === 'Pending'
        ? []
        : c.condition === 'Denied'
          ? [
              {
                lastTransitionTime: when,
                lastUpdateTime: when,
                message: 'This CSR was denied by kubectl certificate deny.',
                reason: 'KubectlDeny',
                status: 'True',
                type: 'Denied',
              },
            ]
          : serving
            ? [
                {
                  lastTransitionTime: when,
                  lastUpdateTime: when,
                  message: 'This CSR was approved by kubectl certificate approve.',
                  reason: 'KubectlApprove',
                  status: 'True',
                  type: 'Approved',
                },
              ]
            : [
                {
                  lastTransitionTime: when,
                  lastUpdateTime: when,
                  message: 'Auto approving kubelet client certificate after SubjectAccessReview.',
                  reason: 'AutoApproved',
                  status: 'True',
                  type: 'Approved',
                },
              ];
    return {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: meta(c.name, null, c.createdAt),
      spec: {
        ...(c.requestedDurationMs !== null
          ? { expirationSeconds: Math.round(c.requestedDurationMs / 1000) }
          : {}),
        groups: bootstrap
          ? [
              'system:bootstrappers',
              'system:bootstrappers:kubeadm:default-node-token',
              'system:authenticated',
            ]
          : ['system:nodes', 'system:authenticated'],
        signerName: c.signerName,
        usages: serving
          ? ['digital signature', 'server auth']
          : ['digital signature', 'client auth'],
        username: c.requestor,
      },
      status: conditions.length > 0 ? { conditions } : {},
    };
  });
}
