/**
 * The clusterrole-aggregation controller (pkg/controller/clusterroleaggregation/
 * clusterroleaggregation_controller.go): every stored ClusterRole with an aggregationRule gets
 * the rules of the ClusterRoles its selectors match (name order, each rule once: the merge in
 * rbac/bootstrap/aggregation.ts), so a reader's ClusterRole labelled
 * `rbac.authorization.k8s.io/aggregate-to-view: "true"` adds its rules to view, edit and admin.
 * Selectors are matched by their matchLabels (the form every aggregationRule upstream and
 * kubeadm writes uses); matchExpressions are not evaluated (documented simplification).
 * Runs after every command; a ClusterRole table already reconciled is skipped without a scan.
 */
import type { ClusterState } from '../model/state.ts';
import { scanStored } from '../store/buckets.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { aggregatedRules } from '../rbac/bootstrap/aggregation.ts';

const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';

/** ClusterRole tables found reconciled (tables are immutable: a write makes a new one). */
const settled = new WeakSet<object>();

type Obj = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});

/** The matchLabels of each selector of an aggregationRule (absent: not aggregated). */
function selectors(role: ApiObject): readonly Readonly<Record<string, string>>[] | undefined {
  const rule = role['aggregationRule'];
  if (rule === undefined || rule === null) return undefined;
  const list = obj(rule)['clusterRoleSelectors'];
  return Array.isArray(list)
    ? list.map((s) => obj(obj(s)['matchLabels']) as Readonly<Record<string, string>>)
    : [];
}

/** Fills the rules of every aggregated ClusterRole whose sources changed. */
export function reconcileClusterRoleAggregation(state: ClusterState): ClusterState {
  const table = state.cluster?.objects?.resources[CLUSTER_ROLES];
  if (!table || settled.has(table)) return state;
  const roles = scanStored(state.cluster?.objects, CLUSTER_ROLES);
  const aggregated = roles.filter((r) => selectors(r) !== undefined);
  let next = state;
  if (aggregated.length > 0) {
    const filled = aggregatedRules(
      roles.map((r) => ({
        name: r.metadata.name,
        labels: r.metadata.labels ?? {},
        selectors: selectors(r),
        rules: Array.isArray(r['rules']) ? (r['rules'] as readonly Json[]) : [],
      })),
    );
    for (const role of aggregated) {
      const rules = filled.get(role.metadata.name) ?? [];
      if (JSON.stringify(rules) === JSON.stringify(role['rules'] ?? [])) continue;
      const { resourceVersion: _rv, uid: _uid, ...metadata } = role.metadata;
      next = putObject(next, CLUSTER_ROLES, { ...role, metadata, rules: rules });
    }
  }
  const after = next.cluster?.objects?.resources[CLUSTER_ROLES];
  if (after && next === state) settled.add(after);
  return next;
}
