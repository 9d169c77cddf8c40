/**
 * The endpoints of the kube-dns Service, as the endpoints and EndpointSlice controllers keep them
 * from the CoreDNS Pods it selects (kubernetes v1.35.0 pkg/controller/endpoint/
 * endpoints_controller.go syncService: ready Pods in addresses, others with an IP in
 * notReadyAddresses; pkg/controller/endpointslice/reconciler.go and util/controller_utils.go:
 * one slice per address type named `<service>-<5 random>`, ports in the Service's order,
 * labels kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by), and the
 * `default/kubernetes` EndpointSlice the apiserver's endpoint reconciler writes next to its
 * Endpoints (pkg/controlplane/reconcilers/endpointsadapter.go).
 */
import type { ClusterState } from '../model/state.ts';
import { parseTime } from '../clock.ts';
import { readStored } from '../store/buckets.ts';
import { listPods } from '../views/cluster.ts';
import { storedPodObject } from '../state/pods.ts';
import type { ApiObject } from '../store/types.ts';
import { clusterStart, meta } from './legacy-meta.ts';
import { endpointAddresses } from './endpoints-csr.ts';
import { endpointSliceName } from './selector-endpoints.ts';

type Obj = Record<string, unknown>;

/** The kube-dns Service's ports (kubeadm's CoreDNS manifest), in its order. */
const DNS_PORTS = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, protocol: 'TCP' },
] as const;

interface DnsEndpoint {
  readonly ip: string;
  readonly node: string;
  readonly pod: string;
  readonly uid: string;
  readonly ready: boolean;
}

/** The CoreDNS Pods with an IP, and whether each is ready. */
function dnsEndpoints(state: ClusterState): DnsEndpoint[] {
  return listPods(state, 'kube-system')
    .filter((r) => r.name.startsWith('coredns-') && r.ip !== '<none>')
    .map((r) => ({
      ip: r.ip,
      node: r.node,
      pod: r.name,
      uid: storedPodObject(state, 'kube-system', r.name)?.metadata.uid ?? '',
      ready: r.ready === '1/1',
    }));
}

function kubeDns(state: ClusterState): ApiObject | undefined {
  return readStored(state.cluster?.objects, 'services', 'kube-system', 'kube-dns');
}

const targetRef = (e: DnsEndpoint): Obj => ({
  kind: 'Pod',
  name: e.pod,
  namespace: 'kube-system',
  uid: e.uid,
});

/** kube-system/kube-dns Endpoints (none before the Service exists). */
export function kubeDnsEndpoints(state: ClusterState): Obj[] {
  const svc = kubeDns(state);
  if (!svc) return [];
  const eps = dnsEndpoints(state);
  const address = (e: DnsEndpoint): Obj => ({
    ip: e.ip,
    nodeName: e.node,
    targetRef: targetRef(e),
  });
  const ready = eps.filter((e) => e.ready).map(address);
  const notReady = eps.filter((e) => !e.ready).map(address);
  const created = parseTime(svc.metadata.creationTimestamp);
  return [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('kube-dns', 'kube-system', created, {
        labels: { ...svc.metadata.labels },
      }),
      ...(eps.length > 0
        ? {
            subsets: [
              {
                ...(ready.length > 0 ? { addresses: ready } : {}),
                ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
                ports: DNS_PORTS.map((p) => ({ ...p })),
              },
            ],
          }
        : {}),
    },
  ];
}

/** EndpointSlices of `namespace` (null: all): default/kubernetes and kube-system/kube-dns-…. */
export function endpointSliceObjects(state: ClusterState, namespace: string | null): ApiObject[] {
  if (!state.cluster) return [];
  const out: Obj[] = [];
  const conditions = (ready: boolean): Obj => ({ ready, serving: ready, terminating: false });
  if (namespace === null || namespace === 'default') {
    const ips = endpointAddresses(state);
    out.push({
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: conditions(true) })),
      kind: 'EndpointSlice',
      metadata: meta('kubernetes', 'default', clusterStart(state), {
        labels: { 'kubernetes.io/service-name': 'kubernetes' },
      }),
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
  }
  const svc = kubeDns(state);
  if (svc && (namespace === null || namespace === 'kube-system')) {
    const name = endpointSliceName('kube-dns', svc.metadata.uid);
    out.push({
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: dnsEndpoints(state).map((e) => ({
        addresses: [e.ip],
        conditions: conditions(e.ready),
        nodeName: e.node,
        targetRef: targetRef(e),
      })),
      kind: 'EndpointSlice',
      metadata: meta(name, 'kube-system', parseTime(svc.metadata.creationTimestamp), {
        generateName: 'kube-dns-',
        labels: {
          ...svc.metadata.labels,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          'kubernetes.io/service-name': 'kube-dns',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'Service',
            name: 'kube-dns',
            uid: svc.metadata.uid,
          },
        ],
      }),
      ports: DNS_PORTS.map((p) => ({ ...p })),
    });
  }
  return out as unknown as ApiObject[];
}
