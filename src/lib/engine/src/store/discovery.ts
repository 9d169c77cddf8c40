/**
 * Discovery: what the API server tells clients it serves, from the resource catalog of the
 * cluster's minor (catalog.ts) and the installed CustomResourceDefinitions. One source for the
 * served API's discovery documents (shell/api/discovery.ts) and for the simulator's
 * `kubectl api-resources` / `kubectl api-versions`, so both agree by construction.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (APIResource),
 * staging/src/k8s.io/client-go/discovery/discovery_client.go (ServerPreferredResources: per
 * group the preferred version's resources, a resource missing there from the first version that
 * has it; subresources left out), staging/src/k8s.io/kubectl/pkg/drain/drain.go (pods/eviction).
 */
import type { ClusterState } from '../model/state.ts';
import { crdList } from '../state/custom-resources.ts';
import { catalogFor, groupVersion, resourceId, versionsServed } from './catalog.ts';
import { servingMinor } from './read.ts';

/** metav1.APIResource as discovery serves it (subresources have a `/` in their name). */
export interface DiscoveredResource {
  readonly name: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly verbs: readonly string[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

/** One served version of a group with its resources, in discovery order. */
export interface DiscoveredVersion {
  readonly version: string;
  readonly resources: readonly DiscoveredResource[];
}

/** One served group ('' for the core group), its versions preferred first. */
export interface DiscoveredGroup {
  readonly name: string;
  /** Newest first: the first is the preferred version. */
  readonly versions: readonly DiscoveredVersion[];
}

type Sub = Omit<DiscoveredResource, 'singularName' | 'namespaced'>;

/** Subresources per resource id that clients discover. */
const SUBRESOURCES: Readonly<Record<string, readonly Sub[]>> = {
  pods: [
    { name: 'pods/eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    { name: 'pods/log', kind: 'Pod', verbs: ['get'] },
    { name: 'pods/status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  ],
  nodes: [{ name: 'nodes/status', kind: 'Node', verbs: ['get', 'patch', 'update'] }],
  'deployments.apps': [
    {
      name: 'deployments/scale',
      kind: 'Scale',
      group: 'autoscaling',
      version: 'v1',
      verbs: ['get', 'patch', 'update'],
    },
    { name: 'deployments/status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
  ],
};

/** The verbs apiextensions-apiserver serves for a custom resource (crdhandler.go). */
const CUSTOM_VERBS = [
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'create',
  'update',
  'watch',
];

/**
 * Every group the cluster serves with its versions and resources: the catalog's groups in
 * catalog order (the core group first), then the CRDs' groups.
 */
export function discoveredGroups(state: ClusterState): DiscoveredGroup[] {
  const minor = servingMinor(state);
  const groups = new Map<string, Map<string, DiscoveredResource[]>>();
  const listOf = (group: string, version: string): DiscoveredResource[] => {
    const versions = groups.get(group) ?? new Map<string, DiscoveredResource[]>();
    groups.set(group, versions);
    const list = versions.get(version) ?? [];
    versions.set(version, list);
    return list;
  };
  for (const r of catalogFor(minor))
    for (const version of versionsServed(r, minor)) {
      const list = listOf(r.group, version);
      list.push({
        name: r.plural,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length > 0 ? { categories: r.categories } : {}),
      });
      for (const sub of SUBRESOURCES[resourceId(r)] ?? [])
        list.push({ singularName: '', namespaced: r.namespaced, ...sub });
    }
  for (const crd of crdList(state)) {
    const list = listOf(crd.group, crd.version);
    if (list.some((r) => r.name === crd.plural)) continue;
    list.push({
      name: crd.plural,
      singularName: crd.kind.toLowerCase(),
      namespaced: true,
      kind: crd.kind,
      verbs: CUSTOM_VERBS,
    });
  }
  return [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions].map(([version, resources]) => ({ version, resources })).reverse(),
  }));
}

/** One resource in the version a client prefers, with its group (a `kubectl api-resources` row). */
export interface PreferredResource {
  readonly group: string;
  /** `group/version`, just the version in the core group. */
  readonly groupVersion: string;
  readonly resource: DiscoveredResource;
}

/**
 * client-go's ServerPreferredResources: per group, each resource in the preferred version, or
 * in the first version that serves it when the preferred one does not; no subresources.
 * Groups in discovery order, resources in their version's order.
 */
export function preferredResources(state: ClusterState): PreferredResource[] {
  const out: PreferredResource[] = [];
  for (const g of discoveredGroups(state)) {
    const seen = new Set<string>();
    for (const v of g.versions)
      for (const r of v.resources) {
        if (r.name.includes('/') || seen.has(r.name)) continue;
        seen.add(r.name);
        out.push({ group: g.name, groupVersion: groupVersion(g.name, v.version), resource: r });
      }
  }
  return out;
}

/** Every served group version, sorted as `kubectl api-versions` prints them. */
export function servedGroupVersions(state: ClusterState): string[] {
  return discoveredGroups(state)
    .flatMap((g) => g.versions.map((v) => groupVersion(g.name, v.version)))
    .sort();
}
