// upstream (v1.33): staging/src/k8s.io/kubectl/pkg/describe/describe.go (ClusterRoleDescriber,
// RoleDescriber, CombineResourceGroup), staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
// (BreakdownRule, CompactRules, SortableRuleSlice: sorted by PolicyRule.String(), verbs first);
// staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go (system:anonymous gets
// system:unauthenticated). The parity corpus compares these lines with the real kubectl.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const run = async (line: string) => createSession({ scenario: 'workers-joined' }).run(line);

describe('kubectl describe clusterrole|role', () => {
  it('prints the rules broken down per resource, merged by resource and sorted verbs first', async () => {
    const r = await run('kubectl describe clusterrole system:node-proxier');

    expect(r.stdout).toBe(
      [
        'Name:         system:node-proxier',
        'Labels:       kubernetes.io/bootstrapping=rbac-defaults',
        'Annotations:  rbac.authorization.kubernetes.io/autoupdate: true',
        'PolicyRule:',
        '  Resources                        Non-Resource URLs  Resource Names  Verbs',
        '  ---------                        -----------------  --------------  -----',
        '  events                           []                 []              [create patch update]',
        '  events.events.k8s.io             []                 []              [create patch update]',
        '  nodes                            []                 []              [get list watch]',
        '  endpoints                        []                 []              [list watch]',
        '  services                         []                 []              [list watch]',
        '  endpointslices.discovery.k8s.io  []                 []              [list watch]',
        '',
      ].join('\n'),
    );
  });

  it('lists non-resource URLs and resource names in their own columns', async () => {
    const r = await run(
      'kubectl describe role extension-apiserver-authentication-reader -n kube-system',
    );

    expect(r.stdout).toContain(
      '  configmaps  []                 [extension-apiserver-authentication]  [get list watch]\n',
    );
  });

  it('answers NotFound for a ClusterRole that does not exist', async () => {
    const r = await run('kubectl describe clusterrole nope');

    expect(r).toMatchObject({
      exitCode: 1,
      stderr:
        'Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "nope" not found\n',
    });
  });
});

describe('kubectl auth can-i with the bootstrap policy', () => {
  it('gives the anonymous user the public-info-viewer paths but not discovery', async () => {
    const health = await run('kubectl auth can-i get /healthz --as=system:anonymous');
    const api = await run('kubectl auth can-i get /api --as=system:anonymous');

    expect(health.stdout).toBe('yes\n');
    expect(api).toMatchObject({ exitCode: 1, stdout: 'no\n' });
  });

  it("lets a controller's ServiceAccount do what its controller role allows", async () => {
    const r = await run(
      'kubectl auth can-i update deployments/status -n default --as=system:serviceaccount:kube-system:deployment-controller',
    );

    expect(r.stdout).toBe('yes\n');
  });

  it('gives a namespace default ServiceAccount nothing beyond the authenticated basics', async () => {
    const pods = await run(
      'kubectl auth can-i list pods --as=system:serviceaccount:default:default',
    );
    const oidc = await run(
      'kubectl auth can-i get /openid/v1/jwks --as=system:serviceaccount:default:default',
    );

    expect(pods.stdout).toBe('no\n');
    expect(oidc.stdout).toBe('yes\n');
  });
});
