/**
 * The Endpoints and EndpointSlices of a reader's Services (`kubectl expose`, `create service`,
 * an applied Service with a selector), as the endpoints and EndpointSlice controllers keep them
 * from the Pods the selector matches: Pods with an IP that are not terminating, the ready ones
 * in `addresses`, the others in `notReadyAddresses` (one subset), every Service port with its
 * targetPort resolved against the Pod (a named targetPort through the container's ports); one
 * EndpointSlice per Service named `<service>-<5 characters>`, with the Service's labels plus
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by`, owned by the
 * Service; before any Pod matches, the Endpoints have no subsets and the slice no endpoints and
 * no ports (the reconciler's placeholder). A Service without a selector gets neither. Derived
 * when read, so they follow the Pods at once. kube-system/kube-dns and default/kubernetes keep
 * their own builders (objects/service-endpoints.ts, objects/endpoints-csr.ts).
 *
 * upstream (v1.32): pkg/controller/endpoint/endpoints_controller.go (syncService,
 * addEndpointSubset, podToEndpointAddressForService), pkg/api/v1/endpoints/util.go
 * (RepackSubsets: addresses sorted by IP), pkg/controller/endpointslice/reconciler.go
 * (placeholder slice), staging/src/k8s.io/endpointslice/utils.go (podToEndpoint: conditions
 * ready/serving/terminating, nodeName, targetRef; getEndpointPorts; newEndpointSlice labels and
 * ownerReferences), pkg/api/v1/pod/util.go (FindPort).
 */
import type { ClusterState } from '../model/state.ts';
import { parseTime } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { NAME_SUFFIX_ALPHABET } from '../random.ts';
import { scanStored } from '../store/buckets.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { servedPods } from '../workloads/served-pods.ts';
import { meta } from './legacy-meta.ts';

type Obj = { readonly [k: string]: Json };

/** Services whose endpoints other builders keep. */
const OWN_BUILDERS = new Set(['default/kubernetes', 'kube-system/kube-dns']);

interface Port {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
}

interface Endpoint {
  readonly ip: string;
  readonly node: string | undefined;
  readonly pod: ApiObject;
  readonly ready: boolean;
  readonly ports: readonly Port[];
}

/** The Services with a selector of `namespace` (null: all), other than the cluster's own two. */
function selectorServices(state: ClusterState, namespace: string | null): ApiObject[] {
  return scanStored(state.cluster?.objects, 'services', namespace).filter((svc) => {
    const selector = ((svc['spec'] ?? {}) as Obj)['selector'] as Obj | undefined;
    const key = `${svc.metadata.namespace ?? ''}/${svc.metadata.name}`;
    return selector !== undefined && Object.keys(selector).length > 0 && !OWN_BUILDERS.has(key);
  });
}

/** FindPort: a numeric targetPort as it is, a named one through the Pod's container ports. */
function targetPort(pod: ApiObject, p: Obj): number | null {
  const target = p['targetPort'] ?? p['port'];
  if (typeof target === 'number') return target;
  const containers = (((pod['spec'] ?? {}) as Obj)['containers'] ?? []) as readonly Obj[];
  for (const c of containers)
    for (const cp of (c['ports'] ?? []) as readonly Obj[])
      if (cp['name'] === target && (cp['protocol'] ?? 'TCP') === (p['protocol'] ?? 'TCP'))
        return typeof cp['containerPort'] === 'number' ? cp['containerPort'] : null;
  return null;
}

/** The endpoints of one Service: matching Pods with an IP, not terminating, in name order. */
function endpointsOf(state: ClusterState, svc: ApiObject): Endpoint[] {
  const spec = (svc['spec'] ?? {}) as Obj;
  const selector = Object.entries((spec['selector'] ?? {}) as Obj);
  const ports = (spec['ports'] ?? []) as readonly Obj[];
  return servedPods(state, svc.metadata.namespace ?? 'default').flatMap((pod) => {
    const labels: Readonly<Record<string, string>> = pod.metadata.labels ?? {};
    const status = (pod['status'] ?? {}) as Obj;
    const ip = status['podIP'];
    if (!selector.every(([k, v]) => labels[k] === v)) return [];
    if (typeof ip !== 'string' || pod.metadata.deletionTimestamp !== undefined) return [];
    const conditions = (status['conditions'] ?? []) as readonly Obj[];
    const ready = conditions.some((c) => c['type'] === 'Ready' && c['status'] === 'True');
    const resolved = ports.flatMap((p) => {
      const port = targetPort(pod, p);
      const name = typeof p['name'] === 'string' ? p['name'] : '';
      const protocol = typeof p['protocol'] === 'string' ? p['protocol'] : 'TCP';
      return port === null ? [] : [{ name, port, protocol }];
    });
    const node = ((pod['spec'] ?? {}) as Obj)['nodeName'];
    return [{ ip, node: typeof node === 'string' ? node : undefined, pod, ready, ports: resolved }];
  });
}

/**
 * endpoints.kubernetes.io/last-change-trigger-time: the newest change among the Service and its
 * Pods (creation, readiness), RFC 3339 (EndpointsLastChangeTriggerTime).
 */
function triggerTime(svc: ApiObject, eps: readonly Endpoint[]): Record<string, string> {
  let newest = svc.metadata.creationTimestamp;
  for (const e of eps) {
    const conditions = (((e.pod['status'] ?? {}) as Obj)['conditions'] ?? []) as readonly Obj[];
    const ready = conditions.find((c) => c['type'] === 'Ready')?.['lastTransitionTime'];
    for (const t of [e.pod.metadata.creationTimestamp, ready])
      if (typeof t === 'string' && t > newest) newest = t;
  }
  return { 'endpoints.kubernetes.io/last-change-trigger-time': newest };
}

const ipOrder = (a: Endpoint, b: Endpoint): number => {
  const x = a.ip.split('.').map(Number);
  const y = b.ip.split('.').map(Number);
  for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

const targetRef = (e: Endpoint): Obj => ({
  kind: 'Pod',
  name: e.pod.metadata.name,
  namespace: e.pod.metadata.namespace ?? 'default',
  uid: e.pod.metadata.uid,
});

/** The Endpoints of the reader's Services in `namespace` (null: all). */
export function selectorEndpoints(state: ClusterState, namespace: string | null): ApiObject[] {
  return selectorServices(state, namespace).map((svc) => {
    const eps = endpointsOf(state, svc).sort(ipOrder);
    const address = (e: Endpoint): Obj => ({
      ip: e.ip,
      ...(e.node !== undefined ? { nodeName: e.node } : {}),
      targetRef: targetRef(e),
    });
    const ready = eps.filter((e) => e.ready).map(address);
    const notReady = eps.filter((e) => !e.ready).map(address);
    const ports = (eps[0]?.ports ?? []).map((p) => ({
      ...(p.name !== '' ? { name: p.name } : {}),
      port: p.port,
      protocol: p.protocol,
    }));
    const ns = svc.metadata.namespace ?? 'default';
    const labels = svc.metadata.labels;
    return {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(svc.metadata.name, ns, parseTime(svc.metadata.creationTimestamp), {
        annotations: triggerTime(svc, eps),
        ...(labels !== undefined ? { labels: { ...labels } } : {}),
      }),
      ...(eps.length > 0
        ? {
            subsets: [
              {
                ...(ready.length > 0 ? { addresses: ready } : {}),
                ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
                ports,
              },
            ],
          }
        : {}),
    } as unknown as ApiObject;
  });
}

/** `<service>-<5 characters>`: the slice's generateName suffix, fixed per Service uid. */
export function endpointSliceName(service: string, uid: string): string {
  const h = hash64(`${uid}/endpointslice`);
  let suffix = '';
  for (let i = 0; i < 5; i++)
    suffix +=
      NAME_SUFFIX_ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % NAME_SUFFIX_ALPHABET.length];
  return `${service}-${suffix}`;
}

/** The EndpointSlices of the reader's Services in `namespace` (null: all). */
export function selectorEndpointSlices(state: ClusterState, namespace: string | null): ApiObject[] {
  return selectorServices(state, namespace).map((svc) => {
    const eps = endpointsOf(state, svc);
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    return {
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints:
        eps.length === 0
          ? null
          : eps.map((e) => ({
              addresses: [e.ip],
              conditions: { ready: e.ready, serving: e.ready, terminating: false },
              ...(e.node !== undefined ? { nodeName: e.node } : {}),
              targetRef: targetRef(e),
            })),
      kind: 'EndpointSlice',
      metadata: meta(
        endpointSliceName(name, svc.metadata.uid),
        ns,
        parseTime(svc.metadata.creationTimestamp),
        {
          annotations: triggerTime(svc, eps),
          generateName: `${name}-`,
          labels: {
            ...svc.metadata.labels,
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            'kubernetes.io/service-name': name,
          },
          ownerReferences: [
            {
              apiVersion: 'v1',
              blockOwnerDeletion: true,
              controller: true,
              kind: 'Service',
              name,
              uid: svc.metadata.uid,
            },
          ],
        },
      ),
      ports: eps.length === 0 ? null : (eps[0]?.ports ?? []).map((p) => ({ ...p })),
    } as unknown as ApiObject;
  });
}
