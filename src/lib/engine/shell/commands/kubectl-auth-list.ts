/**
 * `kubectl auth can-i --list`'s table: the rules of a SelfSubjectRulesReview broken down to one
 * verb, resource and name each, simple resource rules compacted back per resource, sorted by
 * the rule's Go String() form (kubectl-policy-rules.ts), printed with the tab writer.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (printStatus,
 * convertToPolicyRule, printAccess), staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go
 * (BreakdownRule, CompactRules, SortableRuleSlice), staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (CombineResourceGroup), k8s.io/api/rbac/v1/generated.pb.go (PolicyRule.String).
 */
import type { PolicyRule, RulesReview } from '../../src/index.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import {
  combineResourceGroup,
  compactRules,
  goList as v,
  sortRules,
  type Rule,
} from './kubectl-policy-rules.ts';

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
  const sorted = sortRules(compactRules(rules));
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
