/**
 * Public API of the engine core (pure, no I/O). Named re-exports only.
 */
export { apply } from './commands/apply.ts';
export type {
  Command,
  CommandType,
  InitOptions,
  JoinOptions,
  MachineSpec,
  PackageRequest,
} from './commands/types.ts';
export type { Applied, Rejected, Transition, Context } from './commands/result.ts';
export type { EngineEvent, Stream } from './events.ts';
export type {
  ClusterState,
  Cluster,
  Machine,
  NodeObject,
  PodObject,
  BootstrapToken,
  CertificateMeta,
  InstalledPackage,
  KubePackage,
  ServiceState,
} from './model/state.ts';
export { EngineError, engineError, isEngineError, errorCatalog } from './errors.ts';
export type { ErrorCode, ErrorEntry, ErrorParams } from './errors.ts';
export {
  parseVersion,
  isVersion,
  formatVersion,
  normalizeVersion,
  compareVersions,
  isPreRelease,
  minorLabel,
} from './model/version.ts';
export type { Version } from './model/version.ts';
export {
  DEFAULT_KUBERNETES_VERSION,
  DEFAULT_CLOCK_START,
  DEFAULT_SEED,
  DEFAULT_SCENARIO,
  DEFAULT_PACKAGE_REVISION,
} from './model/defaults.ts';
export { buildInfo, versionInfo } from './model/build-info.ts';
export type { BuildInfo } from './model/build-info.ts';
export { createRng } from './random.ts';
export type { Rng } from './random.ts';
export {
  parseDuration,
  parseTime,
  formatRfc3339,
  formatRfc1123z,
  MAX_SIMULATED_TIME,
  isSimulatedTime,
  advancedTime,
} from './clock.ts';
export { parseGoTimeDuration, goQuote, type GoDurationResult } from './go-duration.ts';
export {
  clusterStateSchema,
  firstIssue,
  isHostName,
  isCleanAbsolutePath,
} from './model/state-schema.ts';
export { createEmptyState } from './state/create.ts';
export {
  applyAddMachines,
  DEFAULT_MACHINE_PREFIX,
  MAX_MACHINE_COUNT,
} from './machine/add-machines.ts';
export type { AddMachinesRequest } from './machine/add-machines.ts';
export { migrateState } from './state/migrate.ts';
// Machines by name in a structurally shared keyed map (one write copies one small bucket)
export {
  findMachine,
  findMachineBy,
  hasMachine,
  machineList,
  machineNames,
  putMachine,
  removeMachine,
} from './state/machines.ts';
export {
  emptyKeyed,
  getKeyed,
  hasKeyed,
  setKeyed,
  setManyKeyed,
  deleteKeyed,
  updateKeyed,
  keyedKeys,
  keyedValues,
  keyedEntries,
  findKeyed,
  keyedFromRecord,
  keyedToRecord,
  isKeyedMap,
} from './model/keyed-map.ts';
export type { KeyedMap } from './model/keyed-map.ts';
// Node and Pod objects in the object store, as compact records (one read or write is O(1))
export {
  controlPlaneNodes,
  findNode,
  nodeCount,
  nodeList,
  putNode,
  removeNode,
  updateNode,
} from './state/nodes.ts';
export { findPod, podCount, podList, podsOnNode, putPod, removePod } from './state/pods.ts';
export { csrList, findCsr, putCsr } from './state/csrs.ts';
export { crdList } from './state/custom-resources.ts';
export {
  findNamespace,
  hasNamespace,
  namespaceNames,
  putNamespace,
  removeNamespace,
} from './state/namespaces.ts';
export { nodeOfMachine } from './views/node-index.ts';
export { listNodes, listPods } from './views/cluster.ts';
export type { NodeRow, PodRow } from './views/cluster.ts';
export { scenarios, listScenarios, buildScenario, scenarioShell } from './scenarios/index.ts';
export type { Scenario, ScenarioShell } from './scenarios/index.ts';
export { flattenPhases, runPhases, formatPhaseHelp } from './workflow/phase.ts';
export type { Phase, PhaseEntry } from './workflow/phase.ts';
export { initPhases } from './kubeadm/init.ts';
export { joinPhases } from './kubeadm/join.ts';
export { formatJoinCommand, formatJoinCommandOneLine, goDuration } from './kubeadm/join-command.ts';
export { FLANNEL_URL } from './kubectl/flannel.ts';
export { isDirectory, normalizePath, dirname } from './machine/system.ts';
export { tokenValid } from './kubeadm/tokens.ts';
// HA / etcd / faults
export {
  etcdView,
  etcdLeader,
  hasQuorum,
  memberRunning,
  quorumSize,
  requireEtcdQuorum,
  faultsOf,
  machineUp,
  hash64,
} from './etcd/model.ts';
export type { EtcdMember, EtcdClusterState, Fault, FaultKind } from './etcd/model.ts';
// External etcd topology
export { externalEtcdOf, clusterExternalEtcd, usesExternalEtcd } from './etcd/model.ts';
export type { ExternalEtcdCluster, ExternalEtcdConfig } from './etcd/model.ts';
export { applyExternalEtcdBootstrap, ETCD_SERVICE_MANAGER_CONF } from './etcd/external.ts';
export { FAULT_KINDS, NODE_MONITOR_GRACE_MS, nodeLostByFault } from './etcd/faults.ts';
export { NODE_STATUS_REPORT_MS } from './controllers/node-lifecycle.ts';
export {
  parseSnapshot,
  storeRevision,
  totalKeys,
  etcdDataDir,
  SNAPSHOT_PREFIX,
} from './etcd/ops.ts';
export type { SnapshotData } from './etcd/ops.ts';
export { kubernetesEndpoints, runningApiservers, RECONCILE_INTERVAL_MS } from './ha/endpoints.ts';
export { apiserverReachable } from './ha/apiserver.ts';
export type { KubernetesEndpoints, ApiserverConfig } from './ha/endpoints.ts';
export { CERTIFICATE_SPECS as CERT_SPECS } from './pki/specs.ts';
export { certRef, keyRef, caCertPath, kubeconfigText } from './kubeadm/certs/refs.ts';
export { usingExternalCA } from './kubeadm/certs/init-phases.ts';
export {
  KUBELET_CLIENT_SIGNER,
  KUBELET_SERVING_SIGNER,
  KUBELET_CLIENT_CURRENT,
} from './kubeadm/certs/csr.ts';
export type { CertificateSigningRequest } from './kubeadm/certs/csr.ts';
// kubeadm configuration, kubectl objects, teardown, conformance
export {
  initDefaultsYaml,
  joinDefaultsYaml,
  kubeletConfigurationYaml,
  kubeProxyConfigurationYaml,
  clusterConfigurationYaml,
  yamlScalar,
  KUBEADM_API,
} from './config/defaults.ts';
export { loadConfigText, planInitFromConfig, findDoc, parseGoDuration } from './config/load.ts';
export type {
  ConfigDocument,
  ConfigWarning,
  Loaded,
  InitConfigPlan,
  ExternalEtcd,
} from './config/load.ts';
export { migrateConfig } from './config/migrate.ts';
// Upgrades and distribution (kubeadm upgrade plan/apply/node, drain, apt repository per minor)
export { planUpgrade, planComponents, compareEtcd } from './kubeadm/upgrade/plan.ts';
export type {
  UpgradePlanResult,
  AvailableUpgrade,
  PlanRow,
  ConfigVersionState,
  PlanInput,
} from './kubeadm/upgrade/plan.ts';
export { applyUpgradeApply } from './kubeadm/upgrade/apply.ts';
export type { UpgradeApplyOptions } from './kubeadm/upgrade/apply.ts';
export { applyUpgradeNode } from './kubeadm/upgrade/node.ts';
export type { UpgradeNodeOptions } from './kubeadm/upgrade/node.ts';
export { applyCordon, applyDrain } from './kubectl/drain.ts';
export type { DrainOptions } from './kubectl/drain.ts';
export {
  evictPod,
  EVICTION_REFUSED,
  type EvictionOutcome,
  type EvictionRequest,
  type EvictionStatus,
} from './workloads/pod-eviction.ts';
export {
  CONTAINER_STOP_MS,
  DEFAULT_TERMINATION_GRACE_SECONDS,
  deletePod,
  nextPodTermination,
  podGoneAt,
  type PodDeletion,
} from './workloads/pod-deletion.ts';
export {
  KUBERNETES_LIST,
  configuredMinor,
  indexedMinor,
  repositoryLine,
  repositoryVersions,
  KUBERNETES_KEYRING,
  KEYRING_CONTENT,
  RELEASE_KEY_ARMORED,
  releaseKeyMinor,
  releaseKeyUrl,
} from './machine/apt-repository.ts';
export {
  imagesFor,
  stableForMinor,
  latestStable,
  resolveVersionLabel,
  isKnownRelease,
} from './model/releases.ts';
export { checkUpgradePolicy } from './policy/upgrade-policy.ts';
export { releaseCatalog, newestMinors } from './model/releases.ts';
export {
  defaultReleaseMinor,
  normalizeMinor,
  releaseTrack,
  releaseTrackMinors,
  renderTemplate,
  trackVariables,
  type ReleaseTrack,
} from './model/release-track.ts';
export { planUpgradePath } from './policy/upgrade-path.ts';
export type { PlanStep, PlanAction, UpgradePlan } from './policy/upgrade-path.ts';
export { skewRanges, checkComponentSkew } from './policy/skew.ts';
export type { SkewRange, SkewFinding, SkewComponent } from './policy/skew.ts';
export { checkKubeletVersion } from './policy/kubelet-version-check.ts';
export {
  reconcileEndpoints,
  reconcileLeaseEndpoints,
  reconcileNoneEndpoints,
} from './policy/endpoint-reconciler.ts';
export type {
  EndpointPort,
  EndpointsState,
  ReconcileResult,
  MasterCountInput,
  MasterLease,
  LeaseInput,
} from './policy/endpoint-reconciler.ts';
export { klogPrefix } from './kubeadm/upgrade/common.ts';
export { goals, checkGoal } from './goals/index.ts';
export type { Goal, GoalCheck, GoalShell } from './goals/index.ts';
export type { CustomResource, CustomResourceDefinition, NamespaceMeta } from './model/state.ts';
export {
  crKey,
  crdName,
  customResourcesOf,
  findCrd,
  IMMORTAL_NAMESPACES,
} from './kubectl/objects.ts';
export {
  podLabels,
  parseSelector,
  matchesSelector,
  labelSelectorRequirements,
  selectorString,
} from './kubectl/labels.ts';
export type { LabelRequirement, SelectorOp } from './kubectl/labels.ts';
export { podSelectorOf, podsByLogging } from './kubectl/log-pods.ts';
export { canonicalQuantity, milliValue, parseQuantity, quantityValue } from './objects/quantity.ts';
export { podQosClass, podRequests } from './controllers/resource-fit.ts';
export { qualifiedNameErrors, labelValueErrors } from './kubectl/validation.ts';
export {
  SONOBUOY_MODES,
  sonobuoyResult,
  sonobuoyRemainingMs,
  maxRequestsInflight,
  sonobuoyTarball,
} from './conformance/sonobuoy.ts';
export type { SonobuoyMode, SonobuoyResult } from './conformance/sonobuoy.ts';
// API versions per release and stored objects (src/apiserver)
export {
  SERVED_RESOURCES,
  minorOf,
  serves,
  servedVersions,
  storageVersion,
  resourceByKind,
  resourceByName,
} from './apiserver/served-versions.ts';
export type { ServedResource, ServedVersion } from './apiserver/served-versions.ts';
export {
  apiObjects,
  apiObjectKey,
  apiserverMinor,
  objectReadable,
  applyApiObject,
} from './apiserver/objects.ts';
export type { StoredApiObject, ApiObjectManifest } from './apiserver/objects.ts';
// The API object store (src/store): one generic path for every API object
export { listObjects, getObject, resolveType, listTyped, servingMinor } from './store/read.ts';
export type { ResourceType as ApiResourceType } from './store/read.ts';
export {
  RESOURCE_CATALOG,
  catalogFor,
  preferredVersion,
  versionsServed,
  groupVersion,
  resourceId,
} from './store/catalog.ts';
export type { CatalogResource } from './store/catalog.ts';
export { tableColumns } from './store/columns.ts';
export type { Cell, Column } from './store/columns.ts';
export { putObject, putObjects, removeObject } from './store/write.ts';
export { updateServedObject, CONTROLLER_TAINTS } from './store/update.ts';
export { isUserPod } from './workloads/user-pod-mark.ts';
export { readStored as readStoredObject } from './store/buckets.ts';
export { reconcileWorkloads, podTemplateHash } from './controllers/workloads.ts';
export { applyPatch, mergePatch, strategicPatch, jsonPatch } from './store/patch.ts';
export { threeWayPatch } from './store/three-way.ts';
export type { PatchType, PatchResult } from './store/patch.ts';
export type { ApiObject, NewObject, ObjectMeta, OwnerReference, Json } from './store/types.ts';
export type { ObjectStore } from './store/buckets.ts';
export { discoveredGroups, preferredResources, servedGroupVersions } from './store/discovery.ts';
export { authorize, ruleAllows, rulesReview } from './rbac/authorizer.ts';
export type {
  AccessDecision,
  AccessRequest,
  PolicyRule,
  RulesReview,
  UserInfo,
} from './rbac/authorizer.ts';
export { impersonate } from './rbac/impersonation.ts';
export type { Impersonated } from './rbac/impersonation.ts';
export type {
  DiscoveredGroup,
  DiscoveredResource,
  DiscoveredVersion,
  PreferredResource,
} from './store/discovery.ts';
export { nodeObject } from './objects/node-object.ts';
export { nodePodCidr } from './controllers/node-ipam.ts';
export { flannelLeaseError, crashLoop, FLANNEL_NETWORK } from './controllers/flannel.ts';
export { podObjects, POD_RESOURCES } from './objects/pod-object.ts';
export { uid as legacyUid, meta as legacyMeta, clusterStart } from './objects/legacy-meta.ts';
export { configMaps, configMapObject } from './objects/config-maps.ts';
export { namespaceObject, crObject } from './objects/namespace-object.ts';
export { endpointAddresses, endpointsObjects, csrObjects } from './objects/endpoints-csr.ts';
export {
  answeringApiserver,
  etcdAnswers,
  componentStatuses,
  componentNotFound,
} from './objects/component-statuses.ts';
export { batchFieldErrors, invalidMessage } from './objects/batch-validation.ts';
export { podAdmissionError } from './store/pod-admission.ts';
export type { FieldError } from './objects/batch-validation.ts';
export { containerExit, containerOutput } from './workloads/container-run.ts';
export type { ContainerExit, OutputPart } from './workloads/container-run.ts';
export { isJobPod } from './workloads/job-pod-run.ts';
export { loadOpenApiSchemas, schemaClosure, schemaKinds, schemaNameOf } from './openapi/schemas.ts';
export type { GroupVersionKind, OpenApiSchema, OpenApiSchemas } from './openapi/schemas.ts';
export { groupVersionDocument, groupVersionPrefix, servedDocument } from './openapi/documents.ts';
export type { DocumentResource } from './openapi/documents.ts';
export { customResourceSchemas } from './openapi/custom-resources.ts';
export {
  KINDS as PROTOBUF_KINDS,
  POINTERS as PROTOBUF_POINTERS,
  rawFields as protobufFields,
} from './protobuf/schema.ts';
export type { Schema as ProtobufSchema, Raw as ProtobufRaw } from './protobuf/schema.ts';
export { storedProtobuf } from './protobuf/encode.ts';
export { registryKeyValues, registryPrefix } from './etcd/keyspace.ts';
export type { EtcdKeyValue } from './etcd/keyspace.ts';
