/**
 * Resources whose objects are still computed from the compact cluster state when read (their
 * status follows the machines: a kubelet stopping turns its Node NotReady without a write).
 * listObjects (store/read.ts) merges them with the store's objects of the same resource, so
 * readers see one path either way.
 */
import { endpointSliceObjects, kubeDnsEndpoints } from './service-endpoints.ts';
import { eventObjects } from './events.ts';
import { namespaceNames } from '../state/namespaces.ts';
import { storedNodeList } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { csrObjects, endpointsObjects } from './endpoints-csr.ts';
import { namespaceObject } from './namespace-object.ts';
import { servedNodeObject } from './node-object.ts';
import { servedPods } from '../workloads/served-pods.ts';
import { componentStatuses } from './component-statuses.ts';
import { selectorEndpoints, selectorEndpointSlices } from './selector-endpoints.ts';

/** Objects of one derived resource in `namespace` (null: all namespaces). */
export type DerivedList = (state: ClusterState, namespace: string | null) => ApiObject[];

const asObjects = (list: readonly Record<string, unknown>[]): ApiObject[] =>
  list as unknown as ApiObject[];

/**
 * Resources the store holds whose served objects the views above build (from the stored object
 * and what the machines report now): listObjects serves the view, never the stored object.
 */
export const VIEWED: ReadonlySet<string> = new Set([
  'nodes',
  'pods',
  'namespaces',
  'certificatesigningrequests.certificates.k8s.io',
]);

/**
 * Resources the API server computes on every read and never stores (componentstatuses:
 * pkg/registry/core/componentstatus/rest.go probes the components): served from the view alone.
 */
export const UNSTORED: ReadonlySet<string> = new Set(['componentstatuses']);

/** Derived resources by store id. */
export const DERIVED: Readonly<Record<string, DerivedList>> = {
  nodes: (s) => asObjects(storedNodeList(s).map((o) => servedNodeObject(s, o))),
  pods: (s, ns) => servedPods(s, ns),
  namespaces: (s) => asObjects(namespaceNames(s).map((n) => namespaceObject(s, n))),
  endpoints: (s, ns) =>
    asObjects([
      ...endpointsObjects(s, ns),
      ...(ns === null || ns === 'kube-system' ? kubeDnsEndpoints(s) : []),
      ...selectorEndpoints(s, ns),
    ]),
  'endpointslices.discovery.k8s.io': (s, ns) => [
    ...endpointSliceObjects(s, ns),
    ...selectorEndpointSlices(s, ns),
  ],
  'certificatesigningrequests.certificates.k8s.io': (s) => asObjects(csrObjects(s)),
  events: eventObjects,
  // Probed on every read (pkg/registry/core/componentstatus/rest.go), never stored.
  componentstatuses: (s) => componentStatuses(s),
};
