// upstream: pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go
// (syncClusterRole: the rules of the ClusterRoles the selectors match, sorted by name, each rule
// once); kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles (the
// aggregate-to-view example).
import { describe, expect, it } from 'vitest';
import { createSession, getObject } from 'kubelife';

const rulesOf = (s: ReturnType<typeof createSession>, name: string) =>
  getObject(s.save().state, 'clusterroles', null, name)?.['rules'] as unknown[];

describe('clusterrole-aggregation controller', () => {
  it("adds a labelled ClusterRole's rules to view, and through view to edit and admin", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      'kubectl create clusterrole deployment-reader --verb=get,list --resource=deployments',
    );

    await s.run(
      'kubectl label clusterrole deployment-reader rbac.authorization.k8s.io/aggregate-to-view=true',
    );

    const rule = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] };
    // deployment-reader sorts before system:aggregate-to-view, so its rule comes first.
    expect(rulesOf(s, 'view')[0]).toEqual(rule);
    expect(rulesOf(s, 'edit')).toContainEqual(rule);
    expect(rulesOf(s, 'admin')).toContainEqual(rule);
  });

  it('takes the rules away again when the label is removed', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = rulesOf(s, 'view');
    await s.run('kubectl create clusterrole deployment-reader --verb=get --resource=deployments');
    await s.run(
      'kubectl label clusterrole deployment-reader rbac.authorization.k8s.io/aggregate-to-view=true',
    );

    await s.run(
      'kubectl label clusterrole deployment-reader rbac.authorization.k8s.io/aggregate-to-view-',
    );

    expect(rulesOf(s, 'view')).toEqual(before);
  });

  it('grants what the aggregated rule allows to a user bound to view', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create clusterrole deployment-reader --verb=list --resource=deployments');
    await s.run(
      'kubectl label clusterrole deployment-reader rbac.authorization.k8s.io/aggregate-to-view=true',
    );
    await s.run('kubectl create rolebinding bob-view --clusterrole=view --user=bob');

    const r = await s.run('kubectl auth can-i list deployments --as=bob');

    expect(r.stdout).toBe('yes\n');
  });
});
