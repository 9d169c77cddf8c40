/**
 * The RBAC objects `kubectl create role|clusterrole|rolebinding|clusterrolebinding` builds:
 * rules from --verb/--resource/--resource-name/--non-resource-url, one rule per API group in
 * group order; bindings from --role/--clusterrole and the --user, --group and --serviceaccount
 * subjects in that order.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_role.go (validResourceVerbs,
 * "at least one verb must be specified", "Warning: '%s' is not a standard resource verb",
 * ResourcesByGroup), create_clusterrole.go (NonResourceURLs), create_rolebinding.go and
 * create_clusterrolebinding.go ("exactly one of clusterrole or role must be specified",
 * "serviceaccount must be <namespace>:<name>").
 */
import { resolveType, type Json } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { generatedMeta, type Built } from './kubectl-create-data.ts';

type Obj = Record<string, Json>;

const RBAC = 'rbac.authorization.k8s.io';
const VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

const strings = (name: string, usage: string): FlagSpec => ({ name, type: 'strings', usage });

/** Flags of `create role`. */
export const ROLE_FLAGS: FlagSpec[] = [
  strings('verb', 'Verb that applies to the resources contained in the rule'),
  strings('resource', 'Resource that the rule applies to'),
  strings(
    'resource-name',
    'Resource in the white list that the rule applies to, repeat this flag for multiple items',
  ),
];

/** Flags of `create clusterrole`. */
export const CLUSTERROLE_FLAGS: FlagSpec[] = [
  ...ROLE_FLAGS,
  strings('non-resource-url', 'A partial url that user should have access to.'),
  {
    name: 'aggregation-rule',
    type: 'string',
    usage: 'An aggregation label selector for combining ClusterRoles.',
  },
];

/** Flags of `create rolebinding|clusterrolebinding`. */
export const BINDING_FLAGS: FlagSpec[] = [
  { name: 'role', type: 'string', usage: 'Role this RoleBinding should reference' },
  { name: 'clusterrole', type: 'string', usage: 'ClusterRole this binding should reference' },
  strings('user', 'Usernames to bind to the role. The flag can be repeated to add multiple users.'),
  strings('group', 'Groups to bind to the role. The flag can be repeated to add multiple groups.'),
  strings(
    'serviceaccount',
    'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
  ),
];

function rules(inv: Invocation, p: ParsedFlags, cluster: boolean): Obj[] | { error: string } {
  const verbs = list(p, 'verb');
  const resources = list(p, 'resource');
  const urls = cluster ? list(p, 'non-resource-url') : [];
  if (verbs.length === 0) return { error: 'error: at least one verb must be specified' };
  if (resources.length === 0 && urls.length === 0)
    return { error: 'error: at least one resource must be specified' };
  for (const v of verbs)
    if (!VERBS.includes(v)) inv.io.err(`Warning: '${v}' is not a standard resource verb`);
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const [base = '', sub] = r.split('/');
    const t = resolveType(inv.ctx.state, base);
    if (!t) return { error: `the server doesn't have a resource type "${base}"` };
    const name = sub !== undefined ? `${t.plural}/${sub}` : t.plural;
    byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), name]);
  }
  const names = list(p, 'resource-name');
  const out: Obj[] = [...byGroup.keys()].sort().map((g) => ({
    verbs,
    apiGroups: [g],
    resources: byGroup.get(g) ?? [],
    ...(names.length > 0 ? { resourceNames: names } : {}),
  }));
  if (urls.length > 0) out.push({ verbs, nonResourceURLs: urls });
  return out;
}

/** The Role or ClusterRole `create role|clusterrole NAME` builds. */
export function buildRole(inv: Invocation, p: ParsedFlags, name: string, cluster: boolean): Built {
  const r = rules(inv, p, cluster);
  if ('error' in r) return r;
  return {
    object: {
      kind: cluster ? 'ClusterRole' : 'Role',
      apiVersion: `${RBAC}/v1`,
      metadata: cluster ? { name, creationTimestamp: null } : generatedMeta(name, p),
      rules: r,
    },
  };
}

/** The RoleBinding or ClusterRoleBinding `create rolebinding|clusterrolebinding NAME` builds. */
export function buildBinding(p: ParsedFlags, name: string, cluster: boolean): Built {
  const role = cluster ? undefined : str(p, 'role');
  const clusterRole = str(p, 'clusterrole');
  if (cluster && (clusterRole === undefined || clusterRole === ''))
    return { error: 'error: clusterrole must be specified' };
  if (!cluster && (role === undefined) === (clusterRole === undefined))
    return { error: 'error: exactly one of clusterrole or role must be specified' };
  const subjects: Obj[] = [
    ...list(p, 'user').map((n) => ({ kind: 'User', apiGroup: RBAC, name: n })),
    ...list(p, 'group').map((n) => ({ kind: 'Group', apiGroup: RBAC, name: n })),
  ];
  for (const sa of list(p, 'serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2) return { error: 'error: serviceaccount must be <namespace>:<name>' };
    subjects.push({ kind: 'ServiceAccount', name: parts[1] ?? '', namespace: parts[0] ?? '' });
  }
  return {
    object: {
      kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
      apiVersion: `${RBAC}/v1`,
      metadata: cluster ? { name, creationTimestamp: null } : generatedMeta(name, p),
      ...(subjects.length > 0 ? { subjects } : {}),
      roleRef: {
        apiGroup: RBAC,
        kind: role !== undefined ? 'Role' : 'ClusterRole',
        name: role ?? clusterRole ?? '',
      },
    },
  };
}
