/**
 * Which API group versions a kube-apiserver minor serves, for the resources of the catalog
 * (store/catalog.ts) whose versions changed recently. Every such row cites an upstream source;
 * minors outside what a source states are simply not claimed (a version is listed as served from the first minor we could
 * verify, not from its real introduction when that was not checked).
 *
 * Simplifications (documented, not hidden):
 * - alpha versions are served here as if the cluster enabled them (`--runtime-config=<group>/<version>=true`
 *   plus the feature gate); a default real cluster does not serve alpha APIs at all;
 * - the storage version of a resource is the newest version served by that minor (the real
 *   apiserver picks a storage version per resource, usually lagging one release behind a new one).
 */

import { preferredVersion, RESOURCE_CATALOG, type ServedVersion } from '../store/catalog.ts';

export type { ServedVersion } from '../store/catalog.ts';

/** A resource of an API group and its versions over time. */
export interface ServedResource {
  readonly group: string;
  readonly kind: string;
  /** Lowercase plural, the REST resource name (`kubectl get <plural>`). */
  readonly plural: string;
  readonly namespaced: boolean;
  readonly versions: readonly ServedVersion[];
  /** Upstream file(s) the rows come from. */
  readonly source: string;
  /**
   * True when kubectl get/apply of it is modelled. FlowSchemas are table-only: a real cluster
   * lists the apiserver's bootstrap FlowSchemas, which the simulator does not model.
   */
  readonly kubectl?: boolean;
}

/** The catalog's rows whose served versions changed across recent minors (each cites its source). */
export const SERVED_RESOURCES: readonly ServedResource[] = RESOURCE_CATALOG.flatMap((r) =>
  r.source === undefined
    ? []
    : [
        {
          group: r.group,
          kind: r.kind,
          plural: r.plural,
          namespaced: r.namespaced,
          versions: r.versions,
          source: r.source,
          ...(r.modelled === false ? {} : { kubectl: true }),
        },
      ],
);

/** The 1.x minor of a version string ("v1.37.1" → 37). */
export function minorOf(version: string): number {
  return Number(version.replace(/^v/, '').split('.')[1] ?? 0);
}

/** True when `minor` serves `version` of the resource; the versions `minor` serves, oldest first. */
export { servesVersion as serves, versionsServed as servedVersions } from '../store/catalog.ts';

/** The version new objects of `r` are stored in by `minor` (see the simplification above), or null. */
export function storageVersion(r: ServedResource, minor: number): string | null {
  return preferredVersion(r, minor);
}

/** Finds a resource by kind and group ("Workload", "scheduling.k8s.io"). */
export function resourceByKind(kind: string, group: string): ServedResource | undefined {
  return SERVED_RESOURCES.find((r) => r.kind === kind && r.group === group);
}

/** Finds a resource by what `kubectl get` accepts: plural, singular, kind, or `plural.group`. */
export function resourceByName(name: string): ServedResource | undefined {
  const n = name.toLowerCase();
  return SERVED_RESOURCES.find(
    (r) =>
      r.kubectl === true &&
      (n === r.plural || n === r.kind.toLowerCase() || n === `${r.plural}.${r.group}`),
  );
}
