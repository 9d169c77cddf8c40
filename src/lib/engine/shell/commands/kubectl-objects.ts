/**
 * Custom resources as kubectl's mutating verbs find them: the CRD a type argument names and its
 * instances, and the NotFound error for one of them (`widgets.example.com "x" not found`).
 */
import {
  crdName,
  customResourcesOf,
  findCrd,
  type ClusterState,
  type CustomResource,
  type CustomResourceDefinition,
} from '../../src/index.ts';

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
