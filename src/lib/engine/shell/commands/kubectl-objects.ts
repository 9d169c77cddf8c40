/**
 * kubectl for objects beyond the node/pod tables: namespaces (with Terminating), ConfigMaps,
 * custom resources (their objects and tables; `-o yaml|json|name|jsonpath` of every resource is
 * kubectl-print.ts over kubectl-resources.ts), `create namespace`, `delete namespace|node|<cr>`,
 * `patch --type=merge` of finalizers. Object shapes follow the API (k8s.io/api/core/v1).
 */
import {
  clusterStart,
  configMaps,
  namespaceObject,
  crdName,
  customResourcesOf,
  findCrd,
  type ClusterState,
  type CustomResource,
  type CustomResourceDefinition,
} from '../../src/index.ts';
import { str, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import type { Invocation } from '../types.ts';

/** Resource aliases this module answers, beyond the node/pod tables. */
const KINDS: Record<string, string> = {
  configmaps: 'configmaps',
  configmap: 'configmaps',
  cm: 'configmaps',
  namespaces: 'namespaces',
  namespace: 'namespaces',
  ns: 'namespaces',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
};

/** The CRD a type argument names and its instances, or null when the server has no such type. */
export function crMatches(
  state: ClusterState,
  kind: string,
): { crd: CustomResourceDefinition; items: CustomResource[] } | null {
  const crd = findCrd(state, kind);
  return crd ? { crd, items: customResourcesOf(state, crd) } : null;
}

/** kubectl's NotFound error for a custom resource (`widgets.example.com "x" not found`). */
export function crNotFound(crd: CustomResourceDefinition, name: string): string {
  return `Error from server (NotFound): ${crdName(crd)} "${name}" not found`;
}

/**
 * `kubectl get` tables for namespaces, configmaps and custom resources (structured output of every
 * resource goes through kubectl-print.ts). Returns null when the request is not this module's.
 */
export function getObjects(
  inv: Invocation,
  p: ParsedFlags,
  kind: string,
  names: readonly string[],
): number | null {
  const state = inv.ctx.state;
  const resource = KINDS[kind];
  if (resource === 'nodes') return null;
  const ns = str(p, 'namespace') ?? 'default';
  const all = p.values['all-namespaces'] === true;
  if (resource === 'namespaces') {
    const list = state.cluster?.namespaces ?? [];
    const found = names.length > 0 ? names.filter((n) => list.includes(n)) : [...list];
    for (const n of names.filter((x) => !list.includes(x)))
      inv.io.err(`Error from server (NotFound): namespaces "${n}" not found`);
    if (found.length > 0) {
      inv.io.out(
        formatTable(
          ['NAME', 'STATUS', 'AGE'],
          found.map((n) => {
            const o = namespaceObject(state, n) as { status: { phase: string } };
            const created = state.cluster?.namespaceMeta?.[n]?.createdAt ?? clusterStart(state);
            return [n, o.status.phase, humanDuration(state.now - created)];
          }),
        ),
      );
    }
    return found.length === names.length || names.length === 0 ? 0 : 1;
  }
  if (resource === 'configmaps') {
    const cms = configMaps(state).filter((c) => all || c.namespace === ns);
    const found = names.length > 0 ? cms.filter((c) => names.includes(c.name)) : cms;
    for (const n of names.filter((x) => !cms.some((c) => c.name === x)))
      inv.io.err(`Error from server (NotFound): configmaps "${n}" not found`);
    if (names.length === 0 && found.length === 0) {
      inv.io.err(`No resources found in ${ns} namespace.`);
      return 0;
    }
    if (found.length > 0) {
      const start = clusterStart(state);
      inv.io.out(
        formatTable(
          [...(all ? ['NAMESPACE'] : []), 'NAME', 'DATA', 'AGE'],
          found.map((c) => [
            ...(all ? [c.namespace] : []),
            c.name,
            String(Object.keys(c.data).length),
            humanDuration(state.now - start),
          ]),
        ),
      );
    }
    return found.length === names.length || names.length === 0 ? 0 : 1;
  }
  const matched = crMatches(state, kind);
  if (matched === null) return null;
  const inNs = matched.items.filter((r) => all || r.namespace === ns);
  const found = names.length > 0 ? inNs.filter((r) => names.includes(r.name)) : inNs;
  for (const n of names.filter((x) => !inNs.some((r) => r.name === x)))
    inv.io.err(crNotFound(matched.crd, n));
  if (names.length === 0 && found.length === 0) {
    inv.io.err(`No resources found in ${ns} namespace.`);
    return 0;
  }
  if (found.length > 0)
    inv.io.out(
      formatTable(
        ['NAME', 'AGE'],
        found.map((r) => [r.name, humanDuration(state.now - r.createdAt)]),
      ),
    );
  return found.length === names.length || names.length === 0 ? 0 : 1;
}

/** True when `kubectl get KIND -o OUTPUT` is answered by {@link getObjects}. */
export function handlesGet(state: ClusterState, kind: string, _output?: string): boolean {
  const resource = KINDS[kind];
  if (resource === 'configmaps' || resource === 'namespaces') return true;
  if (resource === 'nodes') return false;
  return crMatches(state, kind) !== null;
}
