/**
 * Clusters written before Nodes and Pods were store objects kept them as records of their own
 * (`cluster.nodes`, `cluster.pods`, `cluster.csrs`, `cluster.namespaces`, `cluster.apiObjects`, custom resources and CRDs). Saved states (state/migrate.ts) and etcd snapshots taken
 * then (etcd/ops.ts, restored later) still hold that shape: this turns it into the current one.
 */
import { putCrd, putCustomResource } from './custom-resources.ts';
import type { CertificateSigningRequest, StoredApiObject } from '../model/api-records.ts';
import { putApiObject } from '../apiserver/objects.ts';
import { putCsr } from './csrs.ts';
import type {
  Cluster,
  ClusterState,
  CustomResource,
  CustomResourceDefinition,
  NamespaceMeta,
  NodeObject,
  PodObject,
} from '../model/state.ts';
import { putNamespace } from './namespaces.ts';
import { clusterStart } from '../objects/legacy-meta.ts';
import { putNode } from './nodes.ts';
import { putPod } from './pods.ts';

/** A cluster as older engines wrote it. */
type LegacyCluster = Cluster & {
  readonly nodes?: Readonly<Record<string, NodeObject>>;
  readonly pods?: Readonly<Record<string, PodObject>>;
  readonly csrs?: readonly CertificateSigningRequest[];
  readonly namespaces?: readonly string[];
  readonly namespaceMeta?: Readonly<Record<string, NamespaceMeta>>;
  readonly apiObjects?: Readonly<Record<string, StoredApiObject>>;
  readonly customResources?: Readonly<Record<string, CustomResource>>;
  readonly customResourceDefinitions?: Readonly<Record<string, CustomResourceDefinition>>;
};

/** The state with a record-shaped cluster's Nodes and Pods moved into the object store. */
export function storeLegacyRecords(state: ClusterState): ClusterState {
  const legacy: LegacyCluster | null = state.cluster;
  if (
    !legacy ||
    (legacy.nodes === undefined &&
      legacy.pods === undefined &&
      legacy.csrs === undefined &&
      legacy.namespaces === undefined &&
      legacy.apiObjects === undefined &&
      legacy.customResources === undefined &&
      legacy.customResourceDefinitions === undefined)
  )
    return state;
  const {
    nodes = {},
    pods = {},
    csrs = [],
    namespaces = [],
    namespaceMeta = {},
    apiObjects = {},
    customResources = {},
    customResourceDefinitions = {},
    ...cluster
  } = legacy;
  let s: ClusterState = { ...state, cluster };
  for (const n of Object.values(nodes)) s = putNode(s, n);
  for (const p of Object.values(pods)) s = putPod(s, p);
  for (const c of csrs) s = putCsr(s, c);
  // Namespaces without metadata were kubeadm's own, created with the cluster.
  const start = clusterStart(s);
  for (const ns of namespaces) s = putNamespace(s, ns, namespaceMeta[ns] ?? { createdAt: start });
  for (const o of Object.values(apiObjects)) s = putApiObject(s, o);
  for (const d of Object.values(customResourceDefinitions)) s = putCrd(s, d);
  for (const r of Object.values(customResources)) s = putCustomResource(s, r);
  return s;
}
