/**
 * The clusterrole-aggregation controller's rule merge (pkg/controller/clusterroleaggregation/
 * clusterroleaggregation_controller.go syncClusterRole): an aggregated ClusterRole's rules are
 * the rules of every other ClusterRole its selectors match, taken in name order, each rule once
 * (ruleExists compares whole rules); selectors are matched by their matchLabels. The built-in chain: view ← system:aggregate-to-view; edit ←
 * system:aggregate-to-edit and view; admin ← edit and system:aggregate-to-admin.
 */
import type { Json } from '../../store/types.ts';

/** A ClusterRole as the aggregation sees it. */
export interface AggregationInput {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The matchLabels of each clusterRoleSelector, if the role is aggregated. */
  readonly selectors?: readonly Readonly<Record<string, string>>[] | undefined;
  readonly rules: readonly Json[];
}

/** The filled rules of every aggregated role, by name (aggregated roles feeding others first). */
export function aggregatedRules(roles: readonly AggregationInput[]): Map<string, readonly Json[]> {
  const byName = new Map(roles.map((r) => [r.name, r]));
  const done = new Map<string, readonly Json[]>();
  const visiting = new Set<string>();
  const rulesOf = (r: AggregationInput): readonly Json[] => {
    const selectors = r.selectors;
    if (selectors === undefined) return r.rules;
    const hit = done.get(r.name);
    if (hit) return hit;
    // A selector cycle: the controller works from what is stored; stop here.
    if (visiting.has(r.name)) return r.rules;
    visiting.add(r.name);
    const selected = (x: AggregationInput): boolean =>
      selectors.some(
        (want) =>
          Object.keys(want).length > 0 && Object.entries(want).every(([k, v]) => x.labels[k] === v),
      );
    const sources = [...byName.values()]
      .filter((x) => x.name !== r.name && selected(x))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const seen = new Set<string>();
    const out: Json[] = [];
    for (const s of sources)
      for (const rule of rulesOf(s)) {
        const key = JSON.stringify(rule);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(rule);
      }
    visiting.delete(r.name);
    done.set(r.name, out);
    return out;
  };
  for (const r of roles) if (r.selectors !== undefined) rulesOf(r);
  return done;
}
