/**
 * `kubectl auth can-i --list`'s table: the rules of a SelfSubjectRulesReview broken down to one
 * verb, resource and name each, simple resource rules compacted back per resource, sorted by
 * the rule's Go String() form, printed with the tab writer.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (printStatus,
 * convertToPolicyRule, printAccess), staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
 * (BreakdownRule, CompactRules, SortableRuleSlice), staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (CombineResourceGroup), k8s.io/api/rbac/v1/generated.pb.go (PolicyRule.String).
 */
import type { PolicyRule, RulesReview } from '../../src/index.ts';
import { tabwrite } from './kubectl-tabwriter.ts';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups)
    for (const resource of rule.resources)
      for (const verb of rule.verbs) {
        const base = {
          verbs: [verb],
          apiGroups: [group],
          resources: [resource],
          nonResourceURLs: [],
        };
        if (rule.resourceNames.length > 0)
          for (const name of rule.resourceNames) out.push({ ...base, resourceNames: [name] });
        else out.push({ ...base, resourceNames: [] });
      }
  for (const url of rule.nonResourceURLs)
    for (const verb of rule.verbs)
      out.push({
        verbs: [verb],
        apiGroups: [],
        resources: [],
        resourceNames: [],
        nonResourceURLs: [url],
      });
  return out;
}

/** rbac.go CompactRules: simple rules (one group, one resource, at most one name) merge their verbs. */
function compact(rules: readonly Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple =
      r.resourceNames.length <= 1 &&
      r.nonResourceURLs.length === 0 &&
      r.apiGroups.length === 1 &&
      r.resources.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** Go's %v of a string slice. */
const v = (xs: readonly string[]): string => `[${xs.join(' ')}]`;

/** PolicyRule.String() (generated.pb.go), the key SortableRuleSlice sorts by. */
const goString = (r: Rule): string =>
  `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;

/** describe.go CombineResourceGroup. */
function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combined = slash < 0 ? first : first.slice(0, slash);
  if ((groups[0] ?? '') !== '') combined = `${combined}.${groups[0] ?? ''}`;
  if (slash >= 0) combined = `${combined}/${first.slice(slash + 1)}`;
  return combined;
}

const toRule = (r: PolicyRule): Rule => ({
  verbs: [...r.verbs],
  apiGroups: [...(r.apiGroups ?? [])],
  resources: [...(r.resources ?? [])],
  resourceNames: [...(r.resourceNames ?? [])],
  nonResourceURLs: [...(r.nonResourceURLs ?? [])],
});

/** The table `kubectl auth can-i --list` prints for a rules review ('' when it has no rows). */
export function formatAccessList(review: RulesReview, noHeaders: boolean): string {
  const rules = [...review.resourceRules, ...review.nonResourceRules]
    .map(toRule)
    .flatMap(breakdown);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = compact(rules).sort((a, b) => cmp(goString(a), goString(b)));
  const rows = sorted.map((r) => [
    combineResourceGroup(r.resources, r.apiGroups),
    v(r.nonResourceURLs),
    v(r.resourceNames),
    v(r.verbs),
  ]);
  const header = ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'];
  const table = noHeaders ? rows : [header, ...rows];
  return table.length === 0 ? '' : tabwrite(table);
}
