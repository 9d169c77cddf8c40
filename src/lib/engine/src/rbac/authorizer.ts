/**
 * kube-apiserver's RBAC authorizer over the stored Roles, ClusterRoles and their bindings: does a
 * user may do something (SelfSubjectAccessReview), and which rules a user holds in a namespace
 * (SelfSubjectRulesReview). Members of system:masters are allowed everything before RBAC is
 * asked, as the apiserver's privileged-group authorizer does. The Node authorizer (kubelets'
 * own access, mode Node before RBAC in kubeadm) is not modelled: nodes get what RBAC gives them.
 *
 * upstream: plugin/pkg/auth/authorizer/rbac/rbac.go (Authorize, RuleAllows, RulesFor),
 * pkg/registry/rbac/validation/rule.go (VisitRulesFor, appliesTo), pkg/apis/rbac/v1/evaluation_helpers.go
 * (VerbMatches, APIGroupMatches, ResourceMatches, ResourceNameMatches, NonResourceURLMatches),
 * staging/src/k8s.io/apiserver/pkg/authorization/authorizerfactory/builtin.go (privileged groups).
 */
import type { ClusterState } from '../model/state.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import type { ApiObject } from '../store/types.ts';

/** Who asks: a user name and the groups the authenticator gave it. */
export interface UserInfo {
  readonly name: string;
  readonly groups: readonly string[];
}

/** rbacv1.PolicyRule. */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** What is asked (authorizationv1 ResourceAttributes or NonResourceAttributes). */
export type AccessRequest =
  | {
      readonly kind: 'resource';
      readonly verb: string;
      readonly namespace: string;
      readonly group: string;
      readonly resource: string;
      readonly subresource: string;
      readonly name: string;
    }
  | { readonly kind: 'nonResource'; readonly verb: string; readonly path: string };

/** The answer of a SelfSubjectAccessReview. */
export interface AccessDecision {
  readonly allowed: boolean;
  readonly reason: string;
}

const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';
const CLUSTER_BINDINGS = 'clusterrolebindings.rbac.authorization.k8s.io';
const ROLES = 'roles.rbac.authorization.k8s.io';
const BINDINGS = 'rolebindings.rbac.authorization.k8s.io';

type Obj = Readonly<Record<string, unknown>>;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function rulesOf(role: ApiObject | undefined): PolicyRule[] {
  const rules = role?.['rules'];
  if (!Array.isArray(rules)) return [];
  return rules.map((r: Obj) => ({
    verbs: strings(r['verbs']),
    ...(r['apiGroups'] !== undefined ? { apiGroups: strings(r['apiGroups']) } : {}),
    ...(r['resources'] !== undefined ? { resources: strings(r['resources']) } : {}),
    ...(r['resourceNames'] !== undefined ? { resourceNames: strings(r['resourceNames']) } : {}),
    ...(r['nonResourceURLs'] !== undefined
      ? { nonResourceURLs: strings(r['nonResourceURLs']) }
      : {}),
  }));
}

/** rule.go appliesTo: does one subject of a binding name this user? */
function appliesTo(user: UserInfo, subject: Obj, bindingNamespace: string): boolean {
  const name = subject['name'];
  switch (subject['kind']) {
    case 'User':
      return user.name === name;
    case 'Group':
      return typeof name === 'string' && user.groups.includes(name);
    case 'ServiceAccount': {
      const ns =
        typeof subject['namespace'] === 'string' && subject['namespace'] !== ''
          ? subject['namespace']
          : bindingNamespace;
      return user.name === `system:serviceaccount:${ns}:${String(name)}`;
    }
    default:
      return false;
  }
}

/** One binding that applies to the user, with the rules of the role it grants (or why not). */
interface Grant {
  readonly binding: ApiObject;
  readonly roleKind: string;
  readonly roleName: string;
  readonly subject: Obj;
  readonly rules: PolicyRule[];
  readonly error?: string;
}

function grantsOf(state: ClusterState, user: UserInfo, binding: ApiObject): Grant[] {
  const ns = binding.metadata.namespace ?? '';
  const subjects = Array.isArray(binding['subjects']) ? (binding['subjects'] as Obj[]) : [];
  const subject = subjects.find((s) => appliesTo(user, s, ns));
  if (!subject) return [];
  const ref = (binding['roleRef'] ?? {}) as Obj;
  const roleKind = typeof ref['kind'] === 'string' ? ref['kind'] : '';
  const roleName = typeof ref['name'] === 'string' ? ref['name'] : '';
  const objects = state.cluster?.objects;
  const role =
    roleKind === 'ClusterRole'
      ? readStored(objects, CLUSTER_ROLES, null, roleName)
      : readStored(objects, ROLES, ns, roleName);
  const missing =
    roleKind === 'ClusterRole'
      ? `clusterrole.rbac.authorization.k8s.io "${roleName}" not found`
      : `role.rbac.authorization.k8s.io "${roleName}" not found`;
  return [
    {
      binding,
      roleKind,
      roleName,
      subject,
      rules: rulesOf(role),
      ...(role ? {} : { error: missing }),
    },
  ];
}

const byName = (a: ApiObject, b: ApiObject): number =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

/** The ClusterRoleBindings by name, sorted once per table (tables are immutable). */
const clusterBindingLists = new WeakMap<object, readonly ApiObject[]>();

function clusterBindings(state: ClusterState): readonly ApiObject[] {
  const objects = state.cluster?.objects;
  const table = objects?.resources[CLUSTER_BINDINGS];
  if (!table) return [];
  const hit = clusterBindingLists.get(table);
  if (hit) return hit;
  // A scan walks every bucket of the table: once per change, not once per review (the
  // csrapproving controller reviews every joining node's CSR).
  const list = scanStored(objects, CLUSTER_BINDINGS).sort(byName);
  clusterBindingLists.set(table, list);
  return list;
}

/** rule.go VisitRulesFor: cluster-wide bindings first, then the namespace's RoleBindings. */
function grantsFor(state: ClusterState, user: UserInfo, namespace: string): Grant[] {
  const objects = state.cluster?.objects;
  const cluster = clusterBindings(state);
  const local = namespace === '' ? [] : scanStored(objects, BINDINGS, namespace).sort(byName);
  return [...cluster, ...local].flatMap((b) => grantsOf(state, user, b));
}

const has = (list: readonly string[] | undefined, value: string): boolean =>
  (list ?? []).some((x) => x === '*' || x === value);

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some(
    (r) =>
      r === '*' ||
      r === combined ||
      (subresource !== '' && r.length === subresource.length + 2 && r === `*/${subresource}`),
  );
}

function nonResourceMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  );
}

/** rbac.go RuleAllows. */
export function ruleAllows(rule: PolicyRule, req: AccessRequest): boolean {
  if (!has(rule.verbs, req.verb)) return false;
  if (req.kind === 'nonResource') return nonResourceMatches(rule, req.path);
  const combined = req.subresource === '' ? req.resource : `${req.resource}/${req.subresource}`;
  const names = rule.resourceNames ?? [];
  return (
    has(rule.apiGroups, req.group) &&
    resourceMatches(rule, combined, req.subresource) &&
    (names.length === 0 || names.includes(req.name))
  );
}

function describeGrant(g: Grant): string {
  const b = g.binding;
  const where = b.metadata.namespace ? ` in namespace "${b.metadata.namespace}"` : '';
  const kind = b.metadata.namespace ? 'RoleBinding' : 'ClusterRoleBinding';
  return `${kind} "${b.metadata.name}"${where} of ${g.roleKind} "${g.roleName}" to ${String(g.subject['kind'])} "${String(g.subject['name'])}"`;
}

/** Whether the user may do what is asked, and the reason the authorizer gives. */
export function authorize(state: ClusterState, user: UserInfo, req: AccessRequest): AccessDecision {
  if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  const namespace = req.kind === 'resource' ? req.namespace : '';
  const errors: string[] = [];
  for (const g of grantsFor(state, user, namespace)) {
    if (g.error !== undefined) errors.push(g.error);
    if (g.rules.some((r) => ruleAllows(r, req)))
      return { allowed: true, reason: `RBAC: allowed by ${describeGrant(g)}` };
  }
  return {
    allowed: false,
    reason:
      errors.length === 0
        ? ''
        : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`,
  };
}

/** The rules a user holds in `namespace` (SelfSubjectRulesReview's status). */
export interface RulesReview {
  readonly resourceRules: readonly PolicyRule[];
  readonly nonResourceRules: readonly PolicyRule[];
  readonly incomplete: boolean;
  readonly evaluationError?: string;
}

/** rbac.go RulesFor, split as the SelfSubjectRulesReview REST handler returns them. */
export function rulesReview(state: ClusterState, user: UserInfo, namespace: string): RulesReview {
  const grants = grantsFor(state, user, namespace);
  const rules = grants.flatMap((g) => g.rules);
  const errors = grants.flatMap((g) => (g.error === undefined ? [] : [g.error]));
  return {
    resourceRules: rules
      .filter((r) => (r.resources ?? []).length > 0)
      .map(({ nonResourceURLs: _n, ...r }) => r),
    nonResourceRules: rules
      .filter((r) => (r.nonResourceURLs ?? []).length > 0)
      .map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] })),
    // RBAC reports its errors but calls the list complete (rbac.go RulesFor returns false).
    incomplete: false,
    ...(errors.length > 0 ? { evaluationError: errors.join(', ') } : {}),
  };
}
