/**
 * Namespaces, custom resources and Node deletion as the API server and the namespace controller
 * handle them (pkg/controller/namespace/deletion/namespaced_resources_deleter.go): deleting a
 * namespace marks it Terminating, deletes its content, and the namespace disappears only once no
 * object with finalizers remains in it. Pure transitions.
 */
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

/** `<plural>.<group>`: how kubectl names a custom resource type (and the CRD's name). */
export function crdName(crd: Pick<CustomResourceDefinition, 'plural' | 'group'>): string {
  return `${crd.plural}.${crd.group}`;
}

/**
 * The CRD a kubectl type argument names (`widgets`, `widget`, `widgets.example.com`,
 * `widget.example.com`), or null when the API server serves no such type. States saved before
 * CRDs were recorded derive them from the custom resources they hold.
 */
export function findCrd(state: ClusterState, kind: string): CustomResourceDefinition | null {
  const c = state.cluster;
  if (!c) return null;
  const crds: CustomResourceDefinition[] = [
    ...Object.values(c.customResourceDefinitions ?? {}),
    ...Object.values(c.customResources ?? {}),
  ];
  const crd = crds.find(
    (d) =>
      kind === d.plural ||
      kind === d.kind.toLowerCase() ||
      kind === crdName(d) ||
      kind === `${d.kind.toLowerCase()}.${d.group}`,
  );
  return crd
    ? { group: crd.group, version: crd.version, kind: crd.kind, plural: crd.plural }
    : null;
}

/** The instances of a CRD, in every namespace. */
export function customResourcesOf(
  state: ClusterState,
  crd: CustomResourceDefinition,
): CustomResource[] {
  return Object.values(state.cluster?.customResources ?? {}).filter(
    (r) => r.plural === crd.plural && r.group === crd.group,
  );
}

function requireCluster(state: ClusterState): Cluster {
  if (!state.cluster)
    throw new EngineError('KubectlConnectionRefused', { server: 'localhost:8080' });
  return state.cluster;
}

function withCluster(state: ClusterState, c: Cluster): ClusterState {
  return { ...state, cluster: c };
}

/** Namespace metadata, defaulting to the cluster's creation for kubeadm's built-in namespaces. */
export function namespaceMeta(state: ClusterState, name: string): NamespaceMeta {
  const c = state.cluster;
  const meta = c?.namespaceMeta?.[name];
  if (meta) return meta;
  const created = c
    ? Math.min(...Object.values(c.nodes).map((n) => n.createdAt), state.now)
    : state.now;
  return { createdAt: created };
}

/** `kubectl create namespace NAME`. */
export function applyCreateNamespace(state: ClusterState, name: string): Transition {
  const c = requireCluster(state);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
    return fail(
      new EngineError('UsageError', {
        message: `The Namespace "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      }),
    );
  }
  if (c.namespaces.includes(name)) {
    const terminating = c.namespaceMeta?.[name]?.deletedAt !== undefined;
    return fail(
      new EngineError('UsageError', {
        message: terminating
          ? `Error from server (AlreadyExists): object is being deleted: namespaces "${name}" already exists`
          : `Error from server (AlreadyExists): namespaces "${name}" already exists`,
      }),
    );
  }
  return ok(
    withCluster(state, {
      ...c,
      namespaces: [...c.namespaces, name].sort(),
      namespaceMeta: { ...c.namespaceMeta, [name]: { createdAt: state.now } },
    }),
    [text(`namespace/${name} created`)],
  );
}

/** Creates a custom resource (scenarios: what an operator left behind). */
export function applyCreateCustomResource(
  state: ClusterState,
  cr: Omit<CustomResource, 'createdAt'>,
): Transition {
  const c = requireCluster(state);
  if (!c.namespaces.includes(cr.namespace)) {
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): namespaces "${cr.namespace}" not found`,
      }),
    );
  }
  const full: CustomResource = { ...cr, createdAt: state.now };
  const crd: CustomResourceDefinition = {
    group: cr.group,
    version: cr.version,
    kind: cr.kind,
    plural: cr.plural,
  };
  return ok(
    withCluster(state, {
      ...c,
      customResourceDefinitions: { ...c.customResourceDefinitions, [crdName(crd)]: crd },
      customResources: { ...c.customResources, [crKey(full)]: full },
    }),
    [text(`${cr.kind.toLowerCase()}.${cr.group}/${cr.name} created`)],
  );
}

/** The namespace controller's pass: removes a Terminating namespace once nothing is left in it. */
function finishNamespaces(c: Cluster): Cluster {
  const crs = c.customResources ?? {};
  const done = c.namespaces.filter(
    (ns) =>
      c.namespaceMeta?.[ns]?.deletedAt !== undefined &&
      !Object.values(crs).some((r) => r.namespace === ns),
  );
  if (done.length === 0) return c;
  const meta = { ...c.namespaceMeta };
  for (const ns of done) delete meta[ns];
  return { ...c, namespaces: c.namespaces.filter((n) => !done.includes(n)), namespaceMeta: meta };
}

/** `kubectl delete namespace NAME`: Terminating, then gone once no finalizers hold content. */
export function applyDeleteNamespace(state: ClusterState, name: string): Transition {
  const c = requireCluster(state);
  if (!c.namespaces.includes(name))
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
  const crs: Record<string, CustomResource> = {};
  for (const [k, r] of Object.entries(c.customResources ?? {})) {
    if (r.namespace !== name) crs[k] = r;
    else if (r.finalizers.length > 0)
      crs[k] = r.deletedAt !== undefined ? r : { ...r, deletedAt: state.now };
  }
  const pods = Object.fromEntries(Object.entries(c.pods).filter(([, p]) => p.namespace !== name));
  const next = finishNamespaces({
    ...c,
    pods,
    customResources: crs,
    namespaceMeta: {
      ...c.namespaceMeta,
      [name]: meta.deletedAt !== undefined ? meta : { ...meta, deletedAt: state.now },
    },
  });
  return ok(withCluster(state, next), [text(`namespace "${name}" deleted`)]);
}

/** `kubectl delete <cr> NAME -n NS`: gone at once without finalizers, otherwise marked for deletion. */
export function applyDeleteCustomResource(state: ClusterState, key: string): Transition {
  const c = requireCluster(state);
  const r = c.customResources?.[key];
  if (!r) return fail(new EngineError('Internal', { message: `no custom resource ${key}` }));
  const crs = { ...c.customResources };
  if (r.finalizers.length === 0) delete crs[key];
  else crs[key] = r.deletedAt !== undefined ? r : { ...r, deletedAt: state.now };
  return ok(withCluster(state, finishNamespaces({ ...c, customResources: crs })), [
    text(`${r.kind.toLowerCase()}.${r.group} "${r.name}" deleted`),
  ]);
}

/** `kubectl patch <cr> NAME --type=merge -p '{"metadata":{"finalizers":[...]}}'`. */
export function applySetFinalizers(
  state: ClusterState,
  key: string,
  finalizers: readonly string[],
): Transition {
  const c = requireCluster(state);
  const r = c.customResources?.[key];
  if (!r) return fail(new EngineError('Internal', { message: `no custom resource ${key}` }));
  const same =
    r.finalizers.length === finalizers.length && r.finalizers.every((f, i) => f === finalizers[i]);
  const crs = { ...c.customResources };
  // An object marked for deletion is removed as soon as its last finalizer goes.
  if (finalizers.length === 0 && r.deletedAt !== undefined) delete crs[key];
  else crs[key] = { ...r, finalizers: [...finalizers] };
  return ok(withCluster(state, finishNamespaces({ ...c, customResources: crs })), [
    text(
      `${r.kind.toLowerCase()}.${r.group}/${r.name} ${same ? 'patched (no change)' : 'patched'}`,
    ),
  ]);
}

/** `kubectl delete node NAME`: removes the Node object and the pods bound to it. */
export function applyDeleteNode(state: ClusterState, name: string): Transition {
  const c = requireCluster(state);
  if (!Object.hasOwn(c.nodes, name))
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): nodes "${name}" not found`,
      }),
    );
  const nodes = { ...c.nodes };
  delete nodes[name];
  // The pod garbage collector deletes pods bound to a node that no longer exists.
  const pods = Object.fromEntries(Object.entries(c.pods).filter(([, p]) => p.node !== name));
  // The KUBE-* chains kube-proxy wrote stay in the host's kernel after its pod is gone.
  const machine = c.nodes[name]?.machine ?? '';
  const m = findMachine(state, machine);
  const hadProxy =
    m?.kubelet.active === 'active' &&
    Object.values(c.pods).some((p) => p.node === name && p.app === 'kube-proxy');
  const machines =
    m && hadProxy && m.staleKubeRules !== true
      ? setKeyed(state.machines, machine, { ...m, staleKubeRules: true })
      : state.machines;
  return ok({ ...state, machines, cluster: { ...c, nodes, pods } }, [
    text(`node "${name}" deleted`),
  ]);
}
