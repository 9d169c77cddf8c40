/**
 * `kubectl describe clusterrole|role|rolebinding|clusterrolebinding`: name, labels, annotations
 * and the PolicyRule table of a role, the role and subjects of a binding. For a role, the PolicyRule
 * table. Each rule is broken down into one rule per group/resource/resource name and per
 * non-resource URL, the simple ones (one group, one resource, at most one name) merged by
 * resource with their verbs appended, and the result sorted by PolicyRule.String() (verbs
 * first), as kubectl does.
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/describe/describe.go (ClusterRoleDescriber,
 * RoleDescriber, CombineResourceGroup, RoleBindingDescriber, ClusterRoleBindingDescriber), staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
 * (BreakdownRule, CompactRules, isSimpleResourceRule, SortableRuleSlice),
 * staging/src/k8s.io/api/rbac/v1/generated.pb.go (PolicyRule.String).
 */
import type { ApiObject } from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import {
  combineResourceGroup,
  compactRules,
  goList,
  sortRules,
  type Rule,
} from './kubectl-policy-rules.ts';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** BreakdownRule. */
function breakdown(r: Readonly<Record<string, unknown>>): Rule[] {
  const verbs = strings(r['verbs']);
  const names = strings(r['resourceNames']);
  const out: Rule[] = [];
  const rule = (g: string, res: string, n: string[]): Rule => ({
    verbs: [...verbs],
    apiGroups: [g],
    resources: [res],
    resourceNames: n,
    nonResourceURLs: [],
  });
  for (const g of strings(r['apiGroups']))
    for (const res of strings(r['resources'])) {
      if (names.length > 0) for (const n of names) out.push(rule(g, res, [n]));
      else out.push(rule(g, res, []));
    }
  for (const u of strings(r['nonResourceURLs']))
    out.push({
      verbs: [...verbs],
      apiGroups: [],
      resources: [],
      resourceNames: [],
      nonResourceURLs: [u],
    });
  return out;
}

/** The describe text of one Role or ClusterRole. */
export function roleText(role: ApiObject): string {
  const rules = Array.isArray(role['rules'])
    ? (role['rules'] as readonly Readonly<Record<string, unknown>>[])
    : [];
  const sorted = sortRules(compactRules(rules.flatMap(breakdown)));
  const lines = [
    `Name:\t${role.metadata.name}`,
    ...multiline('Labels', role.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', role.metadata.annotations ?? {}),
    'PolicyRule:',
    '  Resources\tNon-Resource URLs\tResource Names\tVerbs',
    '  ---------\t-----------------\t--------------\t-----',
    ...sorted.map(
      (r) =>
        `  ${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`,
    ),
  ];
  return formatTabwriter(lines, { minwidth: 0, tabwidth: 8, padding: 2 }).replace(/\n$/, '');
}

/** The describe text of a RoleBinding or ClusterRoleBinding: its role and its subjects. */
export function bindingText(binding: ApiObject): string {
  const ref = (binding['roleRef'] ?? {}) as Readonly<Record<string, unknown>>;
  const subjects = Array.isArray(binding['subjects'])
    ? (binding['subjects'] as readonly Readonly<Record<string, unknown>>[])
    : [];
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const lines = [
    `Name:\t${binding.metadata.name}`,
    ...multiline('Labels', binding.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', binding.metadata.annotations ?? {}),
    'Role:',
    `  Kind:\t${text(ref['kind'])}`,
    `  Name:\t${text(ref['name'])}`,
    'Subjects:',
    '  Kind\tName\tNamespace',
    '  ----\t----\t---------',
    ...subjects.map((s) => `  ${text(s['kind'])}\t${text(s['name'])}\t${text(s['namespace'])}`),
  ];
  return formatTabwriter(lines, { minwidth: 0, tabwidth: 8, padding: 2 }).replace(/\n$/, '');
}
