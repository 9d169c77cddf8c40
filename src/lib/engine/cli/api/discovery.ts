/**
 * Discovery documents of the simulated kube-apiserver, built from the resource catalog of the
 * cluster's minor: /version, /api (APIVersions), /api/v1 and /apis/GROUP/VERSION
 * (APIResourceList, with the subresources kubectl looks for: pods/eviction for drain, pods/log,
 * the status and scale subresources), /apis (APIGroupList). Legacy discovery only: client-go falls back to it
 * when the answer to its aggregated-discovery Accept header is a plain APIGroupList.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (APIVersions, APIGroupList,
 * APIResourceList), staging/src/k8s.io/apiserver/pkg/endpoints/discovery,
 * staging/src/k8s.io/kubectl/pkg/drain/drain.go (CheckEvictionSupport reads pods/eviction).
 */
import {
  buildInfo,
  catalogFor,
  crdList,
  groupVersion,
  versionsServed,
  type ClusterState,
} from '../../src/index.ts';

type Obj = Record<string, unknown>;

/** The 1.x minor the cluster serves. */
export function apiMinor(state: ClusterState): number {
  return Number((state.cluster?.version ?? 'v1.99.0').replace(/^v/, '').split('.')[1] ?? 99);
}

/** GET /version. */
export function versionInfo(state: ClusterState): Obj {
  const v = state.cluster?.version ?? 'v0.0.0';
  const [major = '1', minor = '0'] = v.replace(/^v/, '').split('.');
  const b = buildInfo(v);
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Math.max(0, Number(minor) - 1)),
    gitVersion: v,
    gitCommit: b.gitCommit,
    gitTreeState: 'clean',
    buildDate: b.buildDate,
    goVersion: b.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Subresources per resource id that clients discover. */
const SUBRESOURCES: Readonly<Record<string, ReadonlyArray<Obj>>> = {
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

/** The group/versions the cluster serves, in catalog order, with their resources. */
function servedGroups(state: ClusterState): Map<string, Map<string, Obj[]>> {
  const groups = new Map<string, Map<string, Obj[]>>();
  for (const r of catalogFor(apiMinor(state))) {
    for (const version of versionsServed(r, apiMinor(state))) {
      const versions = groups.get(r.group) ?? new Map<string, Obj[]>();
      groups.set(r.group, versions);
      const list = versions.get(version) ?? [];
      versions.set(version, list);
      const id = r.group === '' ? r.plural : `${r.plural}.${r.group}`;
      list.push({
        name: r.plural,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: [...r.verbs],
        ...(r.shortNames.length > 0 ? { shortNames: [...r.shortNames] } : {}),
        ...(r.categories.length > 0 ? { categories: [...r.categories] } : {}),
      });
      for (const sub of SUBRESOURCES[id] ?? [])
        list.push({ singularName: '', namespaced: r.namespaced, ...sub });
    }
  }
  // CustomResourceDefinitions add their group/version (namespaced types, every verb).
  for (const crd of crdList(state)) {
    const versions = groups.get(crd.group) ?? new Map<string, Obj[]>();
    groups.set(crd.group, versions);
    const list = versions.get(crd.version) ?? [];
    versions.set(crd.version, list);
    if (list.some((r) => r['name'] === crd.plural)) continue;
    list.push({
      name: crd.plural,
      singularName: crd.kind.toLowerCase(),
      namespaced: true,
      kind: crd.kind,
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    });
  }
  return groups;
}

/** GET /api. */
export function apiVersions(state: ClusterState): Obj {
  const cp = state.cluster?.endpoint ?? '10.0.0.11:6443';
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: cp }],
  };
}

/** GET /apis. */
export function apiGroupList(state: ClusterState): Obj {
  const groups = [...servedGroups(state)]
    .filter(([g]) => g !== '')
    .map(([name, versions]) => {
      const vs = [...versions.keys()].reverse();
      const preferred = vs[0] ?? '';
      return {
        name,
        versions: vs.map((v) => ({ groupVersion: groupVersion(name, v), version: v })),
        preferredVersion: { groupVersion: groupVersion(name, preferred), version: preferred },
      };
    });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /apis/GROUP (one APIGroup), or null when the group is not served. */
export function apiGroup(state: ClusterState, group: string): Obj | null {
  const found = (apiGroupList(state)['groups'] as Obj[]).find((g) => g['name'] === group);
  return found ? { kind: 'APIGroup', apiVersion: 'v1', ...found } : null;
}

/** GET /api/v1 or /apis/GROUP/VERSION, or null when not served. */
export function apiResourceList(state: ClusterState, group: string, version: string): Obj | null {
  const resources = servedGroups(state).get(group)?.get(version);
  if (!resources) return null;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources,
  };
}
