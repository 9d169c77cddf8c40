/**
 * The resource catalog: every resource kube-apiserver serves, with what discovery tells kubectl
 * (group, versions, kind, plural, singular, short names, namespaced, verbs, categories) and the
 * minors that serve each version. It drives type resolution (`po`, `svc`, `deploy`,
 * `deployments.apps`), and which versions a release serves (the rollback guide's FlowSchema and
 * Workload rows, formerly apiserver/served-versions.ts, are rows here).
 *
 * Sources: the registrations of kube-apiserver (pkg/registry/<group>/rest/storage_<group>.go and
 * each resource's storage.go ShortNames()/Categories()), and `kubectl api-resources` of v1.34+
 * clusters (short names and scope match column for column). Versions are claimed from the first
 * minor we could verify (the `from` below), not necessarily their real introduction; alpha
 * versions are served as if the cluster enabled them (see served-versions.ts).
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

/** One resource as discovery describes it. */
export interface CatalogResource {
  /** '' for the core group. */
  readonly group: string;
  readonly kind: string;
  /** Lowercase plural, the REST resource name. */
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
  readonly versions: readonly ServedVersion[];
  /** Where a row that changed across minors comes from. */
  readonly source?: string;
  /**
   * False for resources kubectl lists but the simulator does not model (a real cluster lists the
   * apiserver's bootstrap FlowSchemas, which are not kept here).
   */
  readonly modelled?: boolean;
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const CREATE_ONLY = ['create'];

interface Row {
  readonly g?: string;
  readonly k: string;
  readonly p?: string;
  readonly s?: readonly string[];
  readonly ns?: boolean;
  readonly v?: readonly ServedVersion[];
  readonly verbs?: readonly string[];
  readonly cat?: readonly string[];
  readonly source?: string;
  readonly modelled?: boolean;
}

const V1: readonly ServedVersion[] = [{ version: 'v1', from: 20 }];
const v1From = (from: number): readonly ServedVersion[] => [{ version: 'v1', from }];

const FLOWCONTROL_SOURCE =
  'kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md (v1.29: flowcontrol v1beta2 no longer served, v1 available since v1.29, v1beta3 since v1.26; v1.32: v1beta3 no longer served)';
// v1beta2 was served before v1.26 too; we only claim what the guide states for 1.26+.
const FLOWCONTROL: readonly ServedVersion[] = [
  { version: 'v1beta2', from: 26, until: 29 },
  { version: 'v1beta3', from: 26, until: 32 },
  { version: 'v1', from: 29 },
];

const ROWS: readonly Row[] = [
  // core (pkg/registry/core/rest/storage_core.go)
  { k: 'Binding', verbs: CREATE_ONLY },
  { k: 'ComponentStatus', p: 'componentstatuses', s: ['cs'], ns: false, verbs: ['get', 'list'] },
  { k: 'ConfigMap', s: ['cm'] },
  { k: 'Endpoints', p: 'endpoints', s: ['ep'] },
  { k: 'Event', s: ['ev'] },
  { k: 'LimitRange', s: ['limits'] },
  {
    k: 'Namespace',
    s: ['ns'],
    ns: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  { k: 'Node', s: ['no'], ns: false },
  { k: 'PersistentVolumeClaim', s: ['pvc'] },
  { k: 'PersistentVolume', s: ['pv'], ns: false },
  { k: 'Pod', s: ['po'], cat: ['all'] },
  { k: 'PodTemplate' },
  { k: 'ReplicationController', s: ['rc'], cat: ['all'] },
  { k: 'ResourceQuota', s: ['quota'] },
  { k: 'Secret' },
  { k: 'ServiceAccount', s: ['sa'] },
  { k: 'Service', s: ['svc'], cat: ['all'] },
  // admissionregistration.k8s.io
  {
    g: 'admissionregistration.k8s.io',
    k: 'MutatingWebhookConfiguration',
    ns: false,
    cat: ['api-extensions'],
  },
  {
    g: 'admissionregistration.k8s.io',
    k: 'ValidatingAdmissionPolicy',
    ns: false,
    v: v1From(30),
    cat: ['api-extensions'],
  },
  {
    g: 'admissionregistration.k8s.io',
    k: 'ValidatingAdmissionPolicyBinding',
    ns: false,
    v: v1From(30),
    cat: ['api-extensions'],
  },
  {
    g: 'admissionregistration.k8s.io',
    k: 'ValidatingWebhookConfiguration',
    ns: false,
    cat: ['api-extensions'],
  },
  // apiextensions.k8s.io, apiregistration.k8s.io
  {
    g: 'apiextensions.k8s.io',
    k: 'CustomResourceDefinition',
    s: ['crd', 'crds'],
    ns: false,
    cat: ['api-extensions'],
  },
  { g: 'apiregistration.k8s.io', k: 'APIService', ns: false, cat: ['api-extensions'] },
  // apps
  { g: 'apps', k: 'ControllerRevision' },
  { g: 'apps', k: 'DaemonSet', s: ['ds'], cat: ['all'] },
  { g: 'apps', k: 'Deployment', s: ['deploy'], cat: ['all'] },
  { g: 'apps', k: 'ReplicaSet', s: ['rs'], cat: ['all'] },
  { g: 'apps', k: 'StatefulSet', s: ['sts'], cat: ['all'] },
  // authentication, authorization
  {
    g: 'authentication.k8s.io',
    k: 'SelfSubjectReview',
    ns: false,
    v: v1From(28),
    verbs: CREATE_ONLY,
  },
  { g: 'authentication.k8s.io', k: 'TokenReview', ns: false, verbs: CREATE_ONLY },
  { g: 'authorization.k8s.io', k: 'LocalSubjectAccessReview', verbs: CREATE_ONLY },
  { g: 'authorization.k8s.io', k: 'SelfSubjectAccessReview', ns: false, verbs: CREATE_ONLY },
  { g: 'authorization.k8s.io', k: 'SelfSubjectRulesReview', ns: false, verbs: CREATE_ONLY },
  { g: 'authorization.k8s.io', k: 'SubjectAccessReview', ns: false, verbs: CREATE_ONLY },
  // autoscaling/v2 is GA since v1.23 (CHANGELOG-1.23); batch/v1 CronJob since v1.21.
  {
    g: 'autoscaling',
    k: 'HorizontalPodAutoscaler',
    s: ['hpa'],
    cat: ['all'],
    v: [
      { version: 'v1', from: 20 },
      { version: 'v2', from: 23 },
    ],
  },
  { g: 'batch', k: 'CronJob', s: ['cj'], cat: ['all'], v: v1From(21) },
  { g: 'batch', k: 'Job', cat: ['all'] },
  { g: 'certificates.k8s.io', k: 'CertificateSigningRequest', s: ['csr'], ns: false },
  { g: 'coordination.k8s.io', k: 'Lease' },
  { g: 'discovery.k8s.io', k: 'EndpointSlice', v: v1From(21) },
  { g: 'events.k8s.io', k: 'Event', s: ['ev'] },
  {
    g: 'flowcontrol.apiserver.k8s.io',
    k: 'FlowSchema',
    ns: false,
    v: FLOWCONTROL,
    source: FLOWCONTROL_SOURCE,
    modelled: false,
  },
  {
    g: 'flowcontrol.apiserver.k8s.io',
    k: 'PriorityLevelConfiguration',
    ns: false,
    v: FLOWCONTROL,
    source: FLOWCONTROL_SOURCE,
    modelled: false,
  },
  // networking.k8s.io: ServiceCIDR and IPAddress are GA since v1.33 (KEP-1880).
  { g: 'networking.k8s.io', k: 'IngressClass', ns: false },
  { g: 'networking.k8s.io', k: 'Ingress', s: ['ing'] },
  { g: 'networking.k8s.io', k: 'IPAddress', p: 'ipaddresses', s: ['ip'], ns: false, v: v1From(33) },
  { g: 'networking.k8s.io', k: 'NetworkPolicy', p: 'networkpolicies', s: ['netpol'] },
  { g: 'networking.k8s.io', k: 'ServiceCIDR', p: 'servicecidrs', ns: false, v: v1From(33) },
  { g: 'node.k8s.io', k: 'RuntimeClass', ns: false },
  { g: 'policy', k: 'PodDisruptionBudget', s: ['pdb'], v: v1From(21) },
  { g: 'rbac.authorization.k8s.io', k: 'ClusterRoleBinding', ns: false },
  { g: 'rbac.authorization.k8s.io', k: 'ClusterRole', ns: false },
  { g: 'rbac.authorization.k8s.io', k: 'RoleBinding' },
  { g: 'rbac.authorization.k8s.io', k: 'Role' },
  // resource.k8s.io/v1 (DRA) is GA since v1.34.
  { g: 'resource.k8s.io', k: 'DeviceClass', ns: false, v: v1From(34) },
  { g: 'resource.k8s.io', k: 'ResourceClaim', v: v1From(34) },
  { g: 'resource.k8s.io', k: 'ResourceClaimTemplate', v: v1From(34) },
  { g: 'resource.k8s.io', k: 'ResourceSlice', ns: false, v: v1From(34) },
  { g: 'scheduling.k8s.io', k: 'PriorityClass', p: 'priorityclasses', s: ['pc'], ns: false },
  {
    // kubernetes/kubernetes CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1, API Change, #138572):
    // "Promotes the scheduling.k8s.io API group from v1alpha2 to v1alpha3 and drops v1alpha2
    // entirely." v1alpha1: the Workload API arrived in v1.35 (KEP-4671). That v1.36 stopped
    // serving v1alpha1 when it added v1alpha2 is assumed by analogy with the 1.37 note.
    g: 'scheduling.k8s.io',
    k: 'Workload',
    v: [
      { version: 'v1alpha1', from: 35, until: 36, alpha: true },
      { version: 'v1alpha2', from: 36, until: 37, alpha: true },
      { version: 'v1alpha3', from: 37, alpha: true },
    ],
    source: 'kubernetes/kubernetes CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1, #138572)',
  },
  { g: 'storage.k8s.io', k: 'CSIDriver', ns: false },
  { g: 'storage.k8s.io', k: 'CSINode', ns: false },
  { g: 'storage.k8s.io', k: 'CSIStorageCapacity', p: 'csistoragecapacities', v: v1From(24) },
  { g: 'storage.k8s.io', k: 'StorageClass', p: 'storageclasses', s: ['sc'], ns: false },
  { g: 'storage.k8s.io', k: 'VolumeAttachment', ns: false },
  {
    g: 'storage.k8s.io',
    k: 'VolumeAttributesClass',
    p: 'volumeattributesclasses',
    s: ['vac'],
    ns: false,
    v: v1From(34),
  },
];

function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  return k.endsWith('s') ? `${k}es` : k.endsWith('y') ? `${k.slice(0, -1)}ies` : `${k}s`;
}

/** Every built-in resource, core group first, then by group as discovery orders them. */
export const RESOURCE_CATALOG: readonly CatalogResource[] = ROWS.map((r) => ({
  group: r.g ?? '',
  kind: r.k,
  plural: r.p ?? pluralOf(r.k),
  singular: r.k.toLowerCase(),
  shortNames: r.s ?? [],
  namespaced: r.ns ?? true,
  verbs: r.verbs ?? ALL_VERBS,
  categories: r.cat ?? [],
  versions: r.v ?? V1,
  ...(r.source !== undefined ? { source: r.source } : {}),
  ...(r.modelled !== undefined ? { modelled: r.modelled } : {}),
}));

/** True when `minor` (1.x) serves `version` of the resource. */
export function servesVersion(
  r: Pick<CatalogResource, 'versions'>,
  version: string,
  minor: number,
): boolean {
  return r.versions.some(
    (v) => v.version === version && minor >= v.from && (v.until === undefined || minor < v.until),
  );
}

/** Versions of `r` that `minor` serves, oldest first. */
export function versionsServed(
  r: Pick<CatalogResource, 'versions'>,
  minor: number,
): readonly string[] {
  return r.versions
    .filter((v) => minor >= v.from && (v.until === undefined || minor < v.until))
    .map((v) => v.version);
}

/** The version discovery prefers (the newest served), or null when `minor` serves none. */
export function preferredVersion(
  r: Pick<CatalogResource, 'versions'>,
  minor: number,
): string | null {
  return versionsServed(r, minor).at(-1) ?? null;
}

/** `group/version` (just `version` for the core group). */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** The store key of a resource: `plural` in the core group, `plural.group` otherwise. */
export function resourceId(r: Pick<CatalogResource, 'plural' | 'group'>): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

/** The resources `minor` serves (at least one version). */
export function catalogFor(minor: number): CatalogResource[] {
  return RESOURCE_CATALOG.filter((r) => preferredVersion(r, minor) !== null);
}
