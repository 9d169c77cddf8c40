// Type resolution as kubectl's RESTMapper does it over discovery (upstream:
// staging/src/k8s.io/client-go/restmapper/shortcut.go, discovery of `kubectl api-resources`;
// short names from pkg/registry/*/storage ShortNames()).
import { describe, expect, it } from 'vitest';
import { buildScenario, EngineError, listObjects, resolveType } from 'kubelife';

const s = buildScenario('workers-joined');

describe('resource catalog', () => {
  it.each([
    ['po', 'pods'],
    ['pod', 'pods'],
    ['svc', 'services'],
    ['deploy', 'deployments.apps'],
    ['deployments.apps', 'deployments.apps'],
    ['deployment.v1.apps', 'deployments.apps'],
    ['ds', 'daemonsets.apps'],
    ['rs', 'replicasets.apps'],
    ['sa', 'serviceaccounts'],
    ['cm', 'configmaps'],
    ['pc', 'priorityclasses.scheduling.k8s.io'],
    ['csr', 'certificatesigningrequests.certificates.k8s.io'],
    ['leases', 'leases.coordination.k8s.io'],
    ['events', 'events'],
    ['ev', 'events'],
  ])('resolves %s to %s', (name, id) => {
    expect(resolveType(s, name)?.id).toBe(id);
  });

  it('knows which resources are cluster-scoped', () => {
    expect(resolveType(s, 'clusterroles')?.namespaced).toBe(false);
    expect(resolveType(s, 'roles')?.namespaced).toBe(true);
    expect(resolveType(s, 'nodes')?.namespaced).toBe(false);
  });

  it('refuses a type the API server does not serve', () => {
    expect(resolveType(s, 'gizmos')).toBeNull();
    expect(() => listObjects(s, 'gizmos')).toThrow(EngineError);
    expect(() => listObjects(s, 'gizmos')).toThrow(
      'the server doesn\'t have a resource type "gizmos"',
    );
  });
});
