/**
 * kube-apiserver's bootstrap RBAC policy for one minor, as the objects the rbac/bootstrap-roles
 * post-start hook stores (plugin/pkg/auth/authorizer/rbac/bootstrappolicy: policy.go,
 * controller_policy.go, namespace_policy.go; the stored form is its testdata/*.yaml): every
 * object labelled `kubernetes.io/bootstrapping: rbac-defaults` and annotated
 * `rbac.authorization.kubernetes.io/autoupdate: "true"`. The aggregated roles (admin, edit,
 * view) carry the rules the clusterrole-aggregation controller fills in.
 */
import type { Json, NewObject } from '../../store/types.ts';
import { aggregatedRules } from './aggregation.ts';
import {
  CLUSTER_ROLE_BINDINGS,
  NAMESPACE_ROLE_BINDINGS,
  NAMESPACE_ROLES,
  type BindingData,
  type SubjectText,
} from './bindings.ts';
import { CLUSTER_ROLES, type RoleData } from './cluster-roles.ts';
import { CONTROLLER_ROLES } from './controller-roles.ts';
import { parseRule, parseRules } from './rule-text.ts';

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const GROUP = 'rbac.authorization.k8s.io';
const ANNOTATIONS = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const BOOTSTRAPPING = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

/** An object and the store resource it belongs to. */
export type PolicyObject = readonly [resource: string, object: NewObject];

const CLUSTER_ROLES_ID = 'clusterroles.rbac.authorization.k8s.io';
const CLUSTER_BINDINGS_ID = 'clusterrolebindings.rbac.authorization.k8s.io';
const ROLES_ID = 'roles.rbac.authorization.k8s.io';
const BINDINGS_ID = 'rolebindings.rbac.authorization.k8s.io';

const has = (minor: number) => (r: { readonly since?: number }) =>
  r.since === undefined || minor >= r.since;

function meta(name: string, namespace?: string, labels?: Readonly<Record<string, string>>) {
  return {
    annotations: ANNOTATIONS,
    labels: { ...BOOTSTRAPPING, ...labels },
    name,
    ...(namespace !== undefined ? { namespace } : {}),
  };
}

function subject(text: SubjectText): Json {
  const [kind = '', ...rest] = text.split(':');
  if (kind === 'ServiceAccount') {
    const [namespace = '', ...name] = rest;
    return { kind, name: name.join(':'), namespace };
  }
  return { apiGroup: GROUP, kind, name: rest.join(':') };
}

function binding(b: BindingData, minor: number, roleKind: string, namespace?: string): NewObject {
  const subjects = [
    ...b.subjects,
    ...(b.laterSubjects ?? []).filter(([, since]) => minor >= since).map(([s]) => s),
  ];
  return {
    apiVersion: API_VERSION,
    kind: namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding',
    metadata: meta(b.name, namespace),
    roleRef: { apiGroup: GROUP, kind: roleKind, name: b.role ?? b.name },
    ...(subjects.length > 0 ? { subjects: subjects.map(subject) } : {}),
  };
}

/** The bootstrap ClusterRoles of a minor, controller roles included, before aggregation. */
export function bootstrapClusterRoles(minor: number): readonly RoleData[] {
  return [
    ...CLUSTER_ROLES.filter(has(minor)),
    ...CONTROLLER_ROLES.filter(has(minor)).map((r) => ({
      ...r,
      name: `system:controller:${r.name}`,
    })),
  ];
}

/** The names of the controller roles (and their ServiceAccounts) a minor's policy has. */
export function controllerRoleNames(minor: number): readonly string[] {
  return CONTROLLER_ROLES.filter(has(minor)).map((r) => r.name);
}

/** The matchLabels of the built-in aggregated roles' selector. */
const aggregateSelector = (x: string): Record<string, string> => ({
  [`rbac.authorization.k8s.io/aggregate-to-${x}`]: 'true',
});

function clusterRoleObject(r: RoleData, rules: readonly Json[]): NewObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRole',
    ...(r.aggregate !== undefined
      ? {
          aggregationRule: {
            clusterRoleSelectors: [
              {
                matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${r.aggregate}`]: 'true' },
              },
            ],
          },
        }
      : {}),
    metadata: meta(r.name, undefined, r.labels),
    rules,
  };
}

/** Every bootstrap RBAC object of a minor, in the order the post-start hook creates them. */
export function bootstrapPolicy(minor: number): readonly PolicyObject[] {
  const roles = bootstrapClusterRoles(minor);
  const filled = aggregatedRules(
    roles.map((r) => ({
      name: r.name,
      labels: { ...BOOTSTRAPPING, ...r.labels },
      selectors: r.aggregate === undefined ? undefined : [aggregateSelector(r.aggregate)],
      rules: parseRules(r.rules),
    })),
  );
  const bindings = [...CLUSTER_ROLE_BINDINGS, ...controllerRoleBindings(minor)];
  return [
    ...roles.map((r): PolicyObject => [
      CLUSTER_ROLES_ID,
      clusterRoleObject(r, filled.get(r.name) ?? parseRules(r.rules)),
    ]),
    ...bindings.map((b): PolicyObject => [CLUSTER_BINDINGS_ID, binding(b, minor, 'ClusterRole')]),
    ...NAMESPACE_ROLES.map((r): PolicyObject => [
      ROLES_ID,
      {
        apiVersion: API_VERSION,
        kind: 'Role',
        metadata: meta(r.name, r.namespace),
        rules: r.rules
          .filter((x) => typeof x === 'string' || minor >= x[1])
          .map((x) => parseRule(typeof x === 'string' ? x : x[0])),
      },
    ]),
    ...NAMESPACE_ROLE_BINDINGS.map((b): PolicyObject => [
      BINDINGS_ID,
      binding(b, minor, 'Role', b.namespace),
    ]),
  ];
}

/** controller-role-bindings.yaml: each controller role bound to its ServiceAccount. */
function controllerRoleBindings(minor: number): BindingData[] {
  return controllerRoleNames(minor).map((name) => ({
    name: `system:controller:${name}`,
    subjects: [`ServiceAccount:kube-system:${name}`],
  }));
}
