/**
 * The resource registry kubectl's generic printers (-o json|yaml|name|jsonpath, describe, the
 * generic tables) read: a thin adapter over the engine's API (resolveType/listTyped in
 * src/store/read.ts), which builds every object. Tables keep their own columns (printers.go).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric),
 * pkg/printers/internalversion/printers.go, k8s.io/api/core/v1/types.go.
 */
import {
  listTyped,
  resolveType,
  SERVED_RESOURCES,
  type ApiResourceType,
  type ClusterState,
} from '../../src/index.ts';

export { nodeObject, nodePodCidr, podObjects, POD_RESOURCES } from '../../src/index.ts';

type Obj = Record<string, unknown>;

/** A resource kubectl can list generically. */
export interface ResourceType {
  readonly resource: string;
  readonly namespaced: boolean;
  /** `-o name` prefix: lower-case kind, with the group for non-core resources. */
  readonly namePrefix: string;
  /** Objects in `namespace` (null = all namespaces; ignored for cluster-scoped resources). */
  readonly list: (state: ClusterState, namespace: string | null) => Obj[];
}

/** Resources kubectl-apiversions.ts answers (their objects carry a storage version). */
const SERVED_ELSEWHERE = new Set(SERVED_RESOURCES.map((r) => `${r.plural}.${r.group}`));

/**
 * The resource type a `kubectl get|describe KIND` argument names, or null when the server has
 * none. Resources whose served versions are modelled per stored object (served-versions.ts:
 * Workloads, FlowSchemas) stay with kubectl-apiversions.ts.
 */
export function resolveResource(state: ClusterState, kind: string): ResourceType | null {
  const t = resolveApiType(state, kind);
  if (t === null) return null;
  return {
    resource: t.id,
    namespaced: t.namespaced,
    namePrefix: t.namePrefix,
    list: (s, ns) => listTyped(s, t, ns),
  };
}

/** The engine's type for a kubectl argument, without the types kubectl-apiversions.ts answers. */
export function resolveApiType(state: ClusterState, kind: string): ApiResourceType | null {
  const t = resolveType(state, kind);
  return t === null || (!t.custom && SERVED_ELSEWHERE.has(t.id)) ? null : t;
}
