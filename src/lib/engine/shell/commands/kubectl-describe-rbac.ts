/**
 * `kubectl describe clusterrole|role [NAME…]`: name, labels, annotations and the PolicyRule
 * table. Each rule is broken down into one rule per group/resource/resource name and per
 * non-resource URL, the simple ones (one group, one resource, at most one name) merged by
 * resource with their verbs appended, and the result sorted by PolicyRule.String() (verbs
 * first), as kubectl does.
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/describe/describe.go (ClusterRoleDescriber,
 * RoleDescriber, CombineResourceGroup), staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
 * (BreakdownRule, CompactRules, isSimpleResourceRule, SortableRuleSlice),
 * staging/src/k8s.io/api/rbac/v1/generated.pb.go (PolicyRule.String).
 */
import { getObject, listObjects, type ApiObject } from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { multiline } from './kubectl-describe-maps.ts';

interface Rule {
  readonly verbs: string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

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

/** CompactRules: simple rules of the same group/resource/name merge their verbs. */
function compact(rules: readonly Rule[]): Rule[] {
  const complex: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple =
      r.resourceNames.length <= 1 &&
      r.nonResourceURLs.length === 0 &&
      r.apiGroups.length === 1 &&
      r.resources.length === 1;
    if (!isSimple) {
      complex.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...complex, ...simple.values()];
}

const goList = (xs: readonly string[]): string => `[${xs.join(' ')}]`;

/** PolicyRule.String(), the sort key. */
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `resource.group/subresource`. */
function combine(r: Rule): string {
  const resource = r.resources[0];
  if (resource === undefined) return '';
  const [base = '', sub] = resource.split(/\/(.*)/s);
  const group = r.apiGroups[0];
  return `${base}${group ? `.${group}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

/** The describe text of one Role or ClusterRole. */
export function roleText(role: ApiObject): string {
  const rules = Array.isArray(role['rules'])
    ? (role['rules'] as readonly Readonly<Record<string, unknown>>[])
    : [];
  const sorted = compact(rules.flatMap(breakdown))
    .map((r) => [ruleString(r), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  const lines = [
    `Name:\t${role.metadata.name}`,
    ...multiline('Labels', role.metadata.labels ?? {}, '='),
    ...multiline('Annotations', role.metadata.annotations ?? {}, ': '),
    'PolicyRule:',
    '  Resources\tNon-Resource URLs\tResource Names\tVerbs',
    '  ---------\t-----------------\t--------------\t-----',
    ...sorted.map(
      (r) =>
        `  ${combine(r)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`,
    ),
  ];
  return formatTabwriter(lines, { minwidth: 0, tabwidth: 8, padding: 2 }).replace(/\n$/, '');
}

/** Prints `kubectl describe clusterrole|role [NAME…]` (every object of the type without names). */
export function describeRoles(
  inv: Invocation,
  p: ParsedFlags,
  resource: string,
  names: readonly string[],
): number {
  const state = inv.ctx.state;
  const cluster = resource.startsWith('clusterroles');
  const ns = cluster ? null : (str(p, 'namespace') ?? 'default');
  const kind = cluster
    ? 'clusterroles.rbac.authorization.k8s.io'
    : 'roles.rbac.authorization.k8s.io';
  const found =
    names.length > 0
      ? names.map((n) => getObject(state, kind, ns, n) ?? n)
      : listObjects(state, kind, ns);
  let code = 0;
  const texts: string[] = [];
  for (const role of found) {
    if (typeof role === 'string') {
      inv.io.err(`Error from server (NotFound): ${kind} "${role}" not found`);
      code = 1;
    } else texts.push(roleText(role));
  }
  if (texts.length > 0) inv.io.out(texts.join('\n\n\n'));
  return code;
}
