/**
 * Namespace and custom-resource objects as the API serves them, with the namespace controller's
 * deletion conditions while a namespace is Terminating
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go).
 */
import { allCustomResources } from '../state/custom-resources.ts';
import { findNamespace, storedNamespaceObject } from '../state/namespaces.ts';
import type { ClusterState, CustomResource } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { clusterStart, meta } from './legacy-meta.ts';

type Obj = Record<string, unknown>;

/** The Namespace object, Terminating (with its deletion conditions) once deleted. */
export function namespaceObject(state: ClusterState, name: string): Obj {
  const m = findNamespace(state, name);
  const stored = storedNamespaceObject(state, name);
  const created = m?.createdAt ?? clusterStart(state);
  const crs = allCustomResources(state).filter((r) => r.namespace === name);
  const t = m?.deletedAt;
  const status: Obj = { phase: t === undefined ? 'Active' : 'Terminating' };
  if (t !== undefined) {
    const when = formatRfc3339(t);
    const byResource = new Map<string, number>();
    const byFinalizer = new Map<string, number>();
    for (const r of crs) {
      byResource.set(`${r.plural}.${r.group}`, (byResource.get(`${r.plural}.${r.group}`) ?? 0) + 1);
      for (const f of r.finalizers) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
    }
    const list = (m2: Map<string, number>, fmt: (k: string, n: number) => string): string =>
      [...m2.entries()]
        .sort()
        .map(([k, n]) => fmt(k, n))
        .join(', ');
    status['conditions'] = [
      {
        lastTransitionTime: when,
        message: 'All resources successfully discovered',
        reason: 'ResourcesDiscovered',
        status: 'False',
        type: 'NamespaceDeletionDiscoveryFailure',
      },
      {
        lastTransitionTime: when,
        message: 'All legacy kube types successfully parsed',
        reason: 'ParsedGroupVersions',
        status: 'False',
        type: 'NamespaceDeletionGroupVersionParsingFailure',
      },
      {
        lastTransitionTime: when,
        message: 'All content successfully deleted, may be waiting on finalization',
        reason: 'ContentDeleted',
        status: 'False',
        type: 'NamespaceDeletionContentFailure',
      },
      {
        lastTransitionTime: when,
        message: `Some resources are remaining: ${list(byResource, (k, n) => `${k} has ${n} resource instances`)}`,
        reason: 'SomeResourcesRemain',
        status: 'True',
        type: 'NamespaceContentRemaining',
      },
      {
        lastTransitionTime: when,
        message: `Some content in the namespace has finalizers remaining: ${list(byFinalizer, (k, n) => `${k} in ${n} resource instances`)}`,
        reason: 'SomeFinalizersRemain',
        status: 'True',
        type: 'NamespaceFinalizersRemaining',
      },
    ];
  }
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      ...meta(name, null, created, {
        ...(t !== undefined ? { deletionTimestamp: formatRfc3339(t) } : {}),
        ...(stored?.metadata.annotations !== undefined
          ? { annotations: stored.metadata.annotations }
          : {}),
        labels: stored?.metadata.labels ?? { 'kubernetes.io/metadata.name': name },
      }),
      // The stored Namespace's identity: uid and resourceVersion as the API server keeps them.
      ...(stored
        ? { resourceVersion: stored.metadata.resourceVersion, uid: stored.metadata.uid }
        : {}),
    },
    spec: { finalizers: ['kubernetes'] },
    status,
  };
}

/**
 * A custom resource's object, with the resourceVersion and uid of its stored object when given
 * (state/custom-resources.ts stores every instance; the store's write order gives the rv).
 */
export function crObject(
  r: CustomResource,
  stored?: { readonly resourceVersion: string; readonly uid: string },
): Obj {
  return {
    apiVersion: `${r.group}/${r.version}`,
    kind: r.kind,
    metadata: {
      ...meta(r.name, r.namespace, r.createdAt, {
        ...(r.deletedAt !== undefined
          ? { deletionGracePeriodSeconds: 0, deletionTimestamp: formatRfc3339(r.deletedAt) }
          : {}),
        ...(r.finalizers.length > 0 ? { finalizers: [...r.finalizers] } : {}),
        generation: 1,
      }),
      ...(stored ? { resourceVersion: stored.resourceVersion, uid: stored.uid } : {}),
    },
    spec: { size: 1 },
  };
}
