/**
 * kubectl's helpers for printing RBAC rules, shared by `kubectl auth can-i --list` and
 * `kubectl describe clusterrole|role`: CompactRules merges the verbs of simple rules (one group,
 * one resource, at most one name; a verb already there is not added twice), the rules sort by
 * PolicyRule.String() (verbs first), and CombineResourceGroup names a resource
 * `resource.group/subresource`.
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go (CompactRules,
 * isSimpleResourceRule, SortableRuleSlice), staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (CombineResourceGroup), staging/src/k8s.io/api/rbac/v1/generated.pb.go (PolicyRule.String).
 */

/** A policy rule as kubectl's helpers handle it (every list present). */
export interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** rbac.go CompactRules: complex rules first, then one merged rule per simple resource. */
export function compactRules(rules: readonly Rule[]): Rule[] {
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
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const verb of r.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...compacted, ...simple.values()];
}

/** Go's %v of a string slice. */
export const goList = (xs: readonly string[]): string => `[${xs.join(' ')}]`;

/** PolicyRule.String(), the key SortableRuleSlice sorts by. */
const goString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** The rules sorted as sort.Stable(SortableRuleSlice(rules)) leaves them. */
export function sortRules(rules: readonly Rule[]): Rule[] {
  return rules
    .map((r) => [goString(r), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

/** describe.go CombineResourceGroup. */
export function combineResourceGroup(
  resources: readonly string[],
  groups: readonly string[],
): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combined = slash < 0 ? first : first.slice(0, slash);
  if ((groups[0] ?? '') !== '') combined = `${combined}.${groups[0] ?? ''}`;
  if (slash >= 0) combined = `${combined}/${first.slice(slash + 1)}`;
  return combined;
}
