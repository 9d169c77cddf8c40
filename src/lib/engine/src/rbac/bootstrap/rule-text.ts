/**
 * The compact text form the bootstrap policy data is written in (one line per rbacv1.PolicyRule,
 * in upstream's rule order), and its expansion into the rule objects the API serves.
 *
 * - resource rule: `GROUPS | RESOURCES | VERBS` or `GROUPS | RESOURCES | VERBS | RESOURCE-NAMES`,
 *   each a space-separated list; the core group is written `""`;
 * - non-resource rule: `URL PATHS | VERBS`.
 *
 * Keys come out in the order `kubectl get -o yaml` prints a rule (apiGroups, nonResourceURLs,
 * resourceNames, resources, verbs), as upstream's testdata/*.yaml files show them.
 */
import type { Json } from '../../store/types.ts';

/** One rule as written in the data files. */
export type RuleText = string;

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .trim()
    .split(/\s+/)
    .filter((x) => x !== '')
    .map((x) => (x === '""' ? '' : x));

/** One rule object (the JSON the API serves) from its text form. */
export function parseRule(text: RuleText): { readonly [k: string]: Json } {
  const parts = text.split('|');
  if (parts[0]?.trim().startsWith('URL ')) {
    return { nonResourceURLs: list(parts[0].trim().slice(4)), verbs: list(parts[1]) };
  }
  const names = list(parts[3]);
  return {
    apiGroups: list(parts[0]),
    ...(names.length > 0 ? { resourceNames: names } : {}),
    resources: list(parts[1]),
    verbs: list(parts[2]),
  };
}

/** Rule objects of a role, parsed once per data array (the arrays are constants). */
const parsed = new WeakMap<readonly RuleText[], readonly Json[]>();

/** The rules of a role, as the API serves them. */
export function parseRules(rules: readonly RuleText[]): readonly Json[] {
  const hit = parsed.get(rules);
  if (hit) return hit;
  const out = rules.map(parseRule);
  parsed.set(rules, out);
  return out;
}
