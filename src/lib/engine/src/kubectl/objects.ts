/**
 * Namespaces, custom resources and Node deletion as the API server and the namespace controller
 * handle them (pkg/controller/namespace/deletion/namespaced_resources_deleter.go): deleting a
 * namespace marks it Terminating, deletes its content, and the namespace disappears only once no
 * object with finalizers remains in it. Pure transitions.
 */
import {
  findNamespace,
  hasNamespace,
  namespaceNames,
  putNamespace,
  removeNamespace,
} from '../state/namespaces.ts';
import { findNode, removeNode } from '../state/nodes.ts';
import { podList, podsOnNode, removePod } from '../state/pods.ts';
import { clusterStart } from '../objects/legacy-meta.ts';
import {
  allCustomResources,
  crdList,
  crdName,
  customResourcesOf,
  findCustomResource,
  putCustomResource,
  removeCustomResource,
} from '../state/custom-resources.ts';
import type {
  Cluster,
  ClusterState,
  CustomResource,
  CustomResourceDefinition,
  NamespaceMeta,
} from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import { findMachine } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';

/** Namespaces the API server refuses to delete (pkg/registry/core/namespace/storage). */
export const IMMORTAL_NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** Key of a custom resource in `cluster.customResources`. */
export function crKey(cr: Pick<CustomResource, 'plural' | 'group' | 'namespace' | 'name'>): string {
  return `${cr.plural}.${cr.group}/${cr.namespace}/${cr.name}`;
}

export { crdName, customResourcesOf };

/**
 * The CRD a kubectl type argument names (`widgets`, `widget`, `widgets.example.com`,
 * `widget.example.com`), or null when the API server serves no such type.
 */
export function findCrd(state: ClusterState, kind: string): CustomResourceDefinition | null {
  return (
    crdList(state).find(
      (d) =>
        kind === d.plural ||
        kind === d.kind.toLowerCase() ||
        kind === crdName(d) ||
        kind === `${d.kind.toLowerCase()}.${d.group}`,
    ) ?? null
  );
}

function requireCluster(state: ClusterState): Cluster {
  if (!state.cluster)
    throw new EngineError('KubectlConnectionRefused', { server: 'localhost:8080' });
  return state.cluster;
}

/** Namespace metadata, defaulting to the cluster's creation for kubeadm's built-in namespaces. */
export function namespaceMeta(state: ClusterState, name: string): NamespaceMeta {
  return findNamespace(state, name) ?? { createdAt: clusterStart(state) };
}

/** `kubectl create namespace NAME`. */
export function applyCreateNamespace(state: ClusterState, name: string): Transition {
  requireCluster(state);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
    return fail(
      new EngineError('UsageError', {
        message: `The Namespace "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      }),
    );
  }
  const existing = findNamespace(state, name);
  if (existing) {
    const terminating = existing.deletedAt !== undefined;
    return fail(
      new EngineError('UsageError', {
        message: terminating
          ? `Error from server (AlreadyExists): object is being deleted: namespaces "${name}" already exists`
          : `Error from server (AlreadyExists): namespaces "${name}" already exists`,
      }),
    );
  }
  return ok(putNamespace(state, name, { createdAt: state.now }), [
    text(`namespace/${name} created`),
  ]);
}

/** Creates a custom resource (scenarios: what an operator left behind). */
export function applyCreateCustomResource(
  state: ClusterState,
  cr: Omit<CustomResource, 'createdAt'>,
): Transition {
  requireCluster(state);
  if (!hasNamespace(state, cr.namespace)) {
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): namespaces "${cr.namespace}" not found`,
      }),
    );
  }
  return ok(putCustomResource(state, { ...cr, createdAt: state.now }), [
    text(`${cr.kind.toLowerCase()}.${cr.group}/${cr.name} created`),
  ]);
}

/** The namespace controller's pass: removes a Terminating namespace once nothing is left in it. */
function finishNamespaces(state: ClusterState): ClusterState {
  const crs = allCustomResources(state);
  const done = namespaceNames(state).filter(
    (ns) =>
      findNamespace(state, ns)?.deletedAt !== undefined && !crs.some((r) => r.namespace === ns),
  );
  return done.reduce(removeNamespace, state);
}

/** `kubectl delete namespace NAME`: Terminating, then gone once no finalizers hold content. */
export function applyDeleteNamespace(state: ClusterState, name: string): Transition {
  requireCluster(state);
  if (!hasNamespace(state, name))
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): namespaces "${name}" not found`,
      }),
    );
  if (IMMORTAL_NAMESPACES.includes(name)) {
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
      }),
    );
  }
  const meta = namespaceMeta(state, name);
  // The namespace controller deletes the namespace's custom resources (those with finalizers
  // only get their deletionTimestamp) and Pods.
  let emptied = state;
  for (const r of allCustomResources(state).filter((x) => x.namespace === name))
    emptied =
      r.finalizers.length === 0
        ? removeCustomResource(emptied, r)
        : r.deletedAt !== undefined
          ? emptied
          : putCustomResource(emptied, { ...r, deletedAt: state.now });
  emptied = podList(emptied)
    .filter((p) => p.namespace === name)
    .reduce((s, p) => removePod(s, p.namespace, p.name), emptied);
  const marked = putNamespace(
    emptied,
    name,
    meta.deletedAt !== undefined ? meta : { ...meta, deletedAt: state.now },
  );
  return ok(finishNamespaces(marked), [text(`namespace "${name}" deleted`)]);
}

/** `kubectl delete <cr> NAME -n NS`: gone at once without finalizers, otherwise marked for deletion. */
export function applyDeleteCustomResource(state: ClusterState, key: string): Transition {
  requireCluster(state);
  const r = findCustomResource(state, key);
  if (!r) return fail(new EngineError('Internal', { message: `no custom resource ${key}` }));
  const next =
    r.finalizers.length === 0
      ? removeCustomResource(state, r)
      : r.deletedAt !== undefined
        ? state
        : putCustomResource(state, { ...r, deletedAt: state.now });
  return ok(finishNamespaces(next), [
    text(`${r.kind.toLowerCase()}.${r.group} "${r.name}" deleted`),
  ]);
}

/** `kubectl patch <cr> NAME --type=merge -p '{"metadata":{"finalizers":[...]}}'`. */
export function applySetFinalizers(
  state: ClusterState,
  key: string,
  finalizers: readonly string[],
): Transition {
  requireCluster(state);
  const r = findCustomResource(state, key);
  if (!r) return fail(new EngineError('Internal', { message: `no custom resource ${key}` }));
  const same =
    r.finalizers.length === finalizers.length && r.finalizers.every((f, i) => f === finalizers[i]);
  // An object marked for deletion is removed as soon as its last finalizer goes.
  const next =
    finalizers.length === 0 && r.deletedAt !== undefined
      ? removeCustomResource(state, r)
      : putCustomResource(state, { ...r, finalizers: [...finalizers] });
  return ok(finishNamespaces(next), [
    text(
      `${r.kind.toLowerCase()}.${r.group}/${r.name} ${same ? 'patched (no change)' : 'patched'}`,
    ),
  ]);
}

/** `kubectl delete node NAME`: removes the Node object and the pods bound to it. */
export function applyDeleteNode(state: ClusterState, name: string): Transition {
  requireCluster(state);
  const node = findNode(state, name);
  if (!node)
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): nodes "${name}" not found`,
      }),
    );
  // The pod garbage collector deletes pods bound to a node that no longer exists.
  const bound = podsOnNode(state, name);
  const gone = bound.reduce((s, p) => removePod(s, p.namespace, p.name), removeNode(state, name));
  // The KUBE-* chains kube-proxy wrote stay in the host's kernel after its pod is gone.
  const machine = node.machine;
  const m = findMachine(state, machine);
  const hadProxy = m?.kubelet.active === 'active' && bound.some((p) => p.app === 'kube-proxy');
  const machines =
    m && hadProxy && m.staleKubeRules !== true
      ? setKeyed(state.machines, machine, { ...m, staleKubeRules: true })
      : state.machines;
  return ok({ ...gone, machines }, [text(`node "${name}" deleted`)]);
}
