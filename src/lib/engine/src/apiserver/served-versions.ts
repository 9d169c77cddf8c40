/**
 * Which API group versions a kube-apiserver minor serves, for a handful of resources that changed
 * recently. Every row is from an upstream source (cited per entry); minors outside what a source
 * states are simply not claimed (a version is listed as served from the first minor we could
 * verify, not from its real introduction when that was not checked).
 *
 * Simplifications (documented, not hidden):
 * - alpha versions are served here as if the cluster enabled them (`--runtime-config=<group>/<version>=true`
 *   plus the feature gate); a default real cluster does not serve alpha APIs at all;
 * - the storage version of a resource is the newest version served by that minor (the real
 *   apiserver picks a storage version per resource, usually lagging one release behind a new one).
 */

/** One version of a resource and the minors that serve it: [from, until) on the 1.x minor. */
export interface ServedVersion {
  readonly version: string;
  /** First 1.x minor serving it (as far as verified). */
  readonly from: number;
  /** First 1.x minor that no longer serves it; absent = still served by the newest minor. */
  readonly until?: number;
  readonly alpha?: boolean;
}

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

const FLOWCONTROL_SOURCE =
  'kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md (v1.29: flowcontrol v1beta2 no longer served, v1 available since v1.29, v1beta3 since v1.26; v1.32: v1beta3 no longer served)';
// v1beta2 was served before v1.26 too; we only claim what the guide states for 1.26+.
const flowcontrolVersions: readonly ServedVersion[] = [
  { version: 'v1beta2', from: 26, until: 29 },
  { version: 'v1beta3', from: 26, until: 32 },
  { version: 'v1', from: 29 },
];

/** The table. */
export const SERVED_RESOURCES: readonly ServedResource[] = [
  {
    group: 'flowcontrol.apiserver.k8s.io',
    kind: 'FlowSchema',
    plural: 'flowschemas',
    namespaced: false,
    versions: flowcontrolVersions,
    source: FLOWCONTROL_SOURCE,
  },
  {
    group: 'flowcontrol.apiserver.k8s.io',
    kind: 'PriorityLevelConfiguration',
    plural: 'prioritylevelconfigurations',
    namespaced: false,
    versions: flowcontrolVersions,
    source: FLOWCONTROL_SOURCE,
  },
  {
    // kubernetes/kubernetes CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1, API Change, #138572):
    // "Promotes the scheduling.k8s.io API group from v1alpha2 to v1alpha3 and drops v1alpha2
    // entirely. Remember to remove all v1alpha2 objects from the api-server while performing the
    // cluster update." The minor v1alpha2 first appeared in was not verified; 1.36 is claimed.
    // v1alpha1: the Workload API was introduced in v1.35 as scheduling.k8s.io/v1alpha1 (Kubernetes
    // blog "Kubernetes v1.35: Introducing Workload Aware Scheduling", KEP-4671). That v1.36 stopped
    // serving v1alpha1 when it added v1alpha2 is assumed by analogy with the 1.37 note above.
    group: 'scheduling.k8s.io',
    kind: 'Workload',
    plural: 'workloads',
    namespaced: true,
    versions: [
      { version: 'v1alpha1', from: 35, until: 36, alpha: true },
      { version: 'v1alpha2', from: 36, until: 37, alpha: true },
      { version: 'v1alpha3', from: 37, alpha: true },
    ],
    source: 'kubernetes/kubernetes CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1, #138572)',
    kubectl: true,
  },
];

/** The 1.x minor of a version string ("v1.37.1" → 37). */
export function minorOf(version: string): number {
  return Number(version.replace(/^v/, '').split('.')[1] ?? 0);
}

/** True when `minor` serves `version` of the resource. */
export function serves(r: ServedResource, version: string, minor: number): boolean {
  return r.versions.some(
    (v) => v.version === version && minor >= v.from && (v.until === undefined || minor < v.until),
  );
}

/** The versions of `r` served by `minor`, oldest first. */
export function servedVersions(r: ServedResource, minor: number): readonly string[] {
  return r.versions
    .filter((v) => minor >= v.from && (v.until === undefined || minor < v.until))
    .map((v) => v.version);
}

/** The version new objects of `r` are stored in by `minor` (see the simplification above), or null. */
export function storageVersion(r: ServedResource, minor: number): string | null {
  return servedVersions(r, minor).at(-1) ?? null;
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
