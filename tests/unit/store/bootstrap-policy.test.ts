// upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml
// (commit 025f2834a128798cef30018a5e6a6ae82b5ad885, the v1.28–v1.33 line),
// testdata/controller-roles.yaml, namespace-roles.yaml and namespace-role-bindings.yaml (commit
// 008b3652959ca58af8be3fb5b6ecfe9ae7638282, the v1.36 line), policy.go ClusterRoleBindings();
// pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go (rule merge);
// cmd/kube-controller-manager/app/*.go (which controllers build a client, so a ServiceAccount).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects, stableForMinor } from 'kubelife';
import { bootstrapPolicy } from '../../../src/lib/engine/src/rbac/bootstrap/policy.ts';
import { controllerServiceAccountNames } from '../../../src/lib/engine/src/objects/controller-service-accounts.ts';

const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';

async function cluster(release?: string) {
  const s = createSession({ scenario: 'workers-joined', ...(release ? { release } : {}) });
  await s.run('true');
  return s;
}

const names = (minor: number, resource: string): string[] =>
  bootstrapPolicy(minor)
    .filter(([r]) => r === resource)
    .map(([, o]) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('kube-apiserver bootstrap RBAC policy', () => {
  it('creates every ClusterRole of cluster-roles.yaml with the bootstrapping label and autoupdate annotation', () => {
    const roles = bootstrapPolicy(35).filter(([r]) => r === CLUSTER_ROLES);
    const basicUser = roles.find(([, o]) => o.metadata.name === 'system:basic-user')?.[1];

    expect(roles.filter(([, o]) => !o.metadata.name.startsWith('system:controller:'))).toHaveLength(
      31,
    );
    expect(basicUser?.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    expect(basicUser?.metadata.annotations).toEqual({
      'rbac.authorization.kubernetes.io/autoupdate': 'true',
    });
    expect(basicUser?.['rules']).toEqual([
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      {
        apiGroups: ['authentication.k8s.io'],
        resources: ['selfsubjectreviews'],
        verbs: ['create'],
      },
    ]);
  });

  it('fills view, edit and admin with the rules the aggregation controller merges, in name order', () => {
    const role = (n: string) =>
      bootstrapPolicy(35).find(([r, o]) => r === CLUSTER_ROLES && o.metadata.name === n)?.[1];
    const rules = (n: string) => role(n)?.['rules'] as unknown[];

    expect(rules('view')).toEqual(rules('system:aggregate-to-view'));
    expect(rules('edit')).toEqual([...rules('system:aggregate-to-edit'), ...rules('view')]);
    expect(rules('admin')).toEqual([...rules('edit'), ...rules('system:aggregate-to-admin')]);
    expect(role('admin')?.['aggregationRule']).toEqual({
      clusterRoleSelectors: [
        { matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } },
      ],
    });
  });

  it('binds each controller role to its ServiceAccount in kube-system', () => {
    const binding = bootstrapPolicy(35).find(
      ([, o]) =>
        o.metadata.name === 'system:controller:deployment-controller' &&
        o.kind === 'ClusterRoleBinding',
    )?.[1];

    expect(binding?.['roleRef']).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'system:controller:deployment-controller',
    });
    expect(binding?.['subjects']).toEqual([
      { kind: 'ServiceAccount', name: 'deployment-controller', namespace: 'kube-system' },
    ]);
  });

  it('keeps the system:node binding without subjects, as tightening reconciliation left it', () => {
    const node = bootstrapPolicy(35).find(
      ([r, o]) =>
        r === 'clusterrolebindings.rbac.authorization.k8s.io' && o.metadata.name === 'system:node',
    )?.[1];

    expect(node).toBeDefined();
    expect(node?.['subjects']).toBeUndefined();
  });

  it('adds feature-gated controller roles from the minor their gate is on by default', () => {
    expect(names(32, CLUSTER_ROLES)).not.toContain('/system:controller:service-cidrs-controller');
    expect(names(33, CLUSTER_ROLES)).toContain('/system:controller:service-cidrs-controller');
    expect(names(28, CLUSTER_ROLES)).not.toContain(
      '/system:controller:legacy-service-account-token-cleaner',
    );
    expect(names(29, CLUSTER_ROLES)).toContain(
      '/system:controller:legacy-service-account-token-cleaner',
    );
  });

  it('creates the kube-system and kube-public Roles and RoleBindings of namespace-roles.yaml', () => {
    expect(names(35, 'roles.rbac.authorization.k8s.io')).toEqual([
      'kube-public/system:controller:bootstrap-signer',
      'kube-system/extension-apiserver-authentication-reader',
      'kube-system/system::leader-locking-kube-controller-manager',
      'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer',
      'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ]);
    expect(names(35, 'rolebindings.rbac.authorization.k8s.io')).toContain(
      'kube-system/system::extension-apiserver-authentication-reader',
    );
  });

  it('stores the policy when kubeadm init starts the API server', async () => {
    const s = await cluster();
    const state = s.save().state;

    const view = getObject(state, 'clusterroles', null, 'view');
    const roles = listObjects(state, 'clusterroles').map((o) => o.metadata.name);

    expect(view?.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(roles).toContain('system:controller:attachdetach-controller');
    expect(roles).toContain('kubeadm:get-nodes');
  });
});

describe("kube-controller-manager's ServiceAccounts", () => {
  it('lists the controllers that build a client on the minor, service-controller only before v1.31', () => {
    expect(controllerServiceAccountNames(30)).toContain('service-controller');
    expect(controllerServiceAccountNames(31)).not.toContain('service-controller');
    expect(controllerServiceAccountNames(35)).toContain('resource-claim-controller');
    expect(controllerServiceAccountNames(35)).not.toContain('device-taint-eviction-controller');
    expect(controllerServiceAccountNames(36)).toContain('device-taint-eviction-controller');
    expect(controllerServiceAccountNames(35)).not.toContain('route-controller');
    expect(controllerServiceAccountNames(35)).not.toContain('selinux-warning-controller');
  });

  it('serves them in kube-system beside default, coredns and kube-proxy', async () => {
    const s = await cluster();

    const r = await s.run('kubectl get sa -n kube-system -o name');

    expect(r.stdout).toContain('serviceaccount/attachdetach-controller\n');
    expect(r.stdout).toContain('serviceaccount/coredns\n');
    expect(r.stdout).toContain('serviceaccount/token-cleaner\n');
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(
      controllerServiceAccountNames(Number(s.save().state.cluster?.version.split('.')[1])).length +
        3,
    );
  });
});

describe('control plane objects over time', () => {
  it('keeps a deleted controller ServiceAccount deleted, as kube-controller-manager only creates them at start', async () => {
    const s = await cluster();

    await s.run('kubectl delete sa attachdetach-controller -n kube-system');
    const r = await s.run('kubectl get sa attachdetach-controller -n kube-system');

    expect(r.exitCode).toBe(1);
  });

  it("adds the new minor's controller roles and ServiceAccounts when kubeadm upgrade apply upgrades the control plane", async () => {
    // v1.36 turns on DRADeviceTaints: the device-taint-eviction-controller role and account.
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded', release: 'v1.36' });
    const has = () =>
      getObject(
        s.save().state,
        CLUSTER_ROLES,
        null,
        'system:controller:device-taint-eviction-controller',
      ) !== null &&
      getObject(
        s.save().state,
        'serviceaccounts',
        'kube-system',
        'device-taint-eviction-controller',
      ) !== null;
    const before = has();

    await s.run(`kubeadm upgrade apply ${stableForMinor('1.36') ?? ''} -y`);

    expect([before, has()]).toEqual([false, true]);
  });

  it("creates a new namespace's kube-root-ca.crt with the namespace, as root-ca-cert-publisher does", async () => {
    const s = await cluster();
    await s.run('kubectl create namespace shop');

    const r = await s.run('kubectl get configmap kube-root-ca.crt -n shop');

    expect(r.stdout).toMatch(/kube-root-ca\.crt\s+1\s+0s\n/);
  });
});
