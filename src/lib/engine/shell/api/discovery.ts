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
import { discoveredGroups, groupVersion, versionInfo, type ClusterState } from '../../src/index.ts';

type Obj = Record<string, unknown>;

/** The 1.x minor the cluster serves. */
export function apiMinor(state: ClusterState): number {
  return Number((state.cluster?.version ?? 'v1.99.0').replace(/^v/, '').split('.')[1] ?? 99);
}

/** GET /version. */
export function serverVersionInfo(state: ClusterState): Obj {
  return versionInfo(state.cluster?.version ?? 'v0.0.0', true);
}

/** The group/versions the cluster serves (store/discovery.ts), as plain JSON. */
function servedGroups(state: ClusterState): Map<string, Map<string, Obj[]>> {
  return new Map(
    discoveredGroups(state).map((g) => [
      g.name,
      new Map(g.versions.map((v) => [v.version, v.resources.map((r): Obj => ({ ...r }))])),
    ]),
  );
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
      const vs = [...versions.keys()];
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
