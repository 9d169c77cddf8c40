/**
 * The `system:controller:<name>` ClusterRoles of kube-controller-manager's controllers, each
 * bound by a ClusterRoleBinding of the same name to the ServiceAccount `kube-system/<name>`
 * (testdata/controller-role-bindings.yaml), transcribed from upstream
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/controller-roles.yaml at commit
 * 008b3652959ca58af8be3fb5b6ecfe9ae7638282 (the v1.36 line: device-taint-eviction-controller is
 * in the default-gates file), in the file's order.
 *
 * `since` is the first minor whose default feature gates add the role (controller_policy.go adds
 * a feature-gated controller's role only when its gate is on): GenericEphemeralVolume and
 * TTLAfterFinished beta in v1.21, LegacyServiceAccountTokenCleanUp beta in v1.29,
 * ValidatingAdmissionPolicy GA in v1.30, MultiCIDRServiceAllocator GA and SELinuxChangePolicy
 * beta in v1.33, DynamicResourceAllocation and VolumeAttributesClass GA in v1.34, DRADeviceTaints
 * beta in v1.36 (pkg/features/kube_features.go versioned specs: the minor each gate's default
 * turns true). Rule changes of older minors inside a role are not replayed (documented
 * simplification).
 */
import type { RoleData } from './cluster-roles.ts';
import type { RuleText } from './rule-text.ts';

const EVENTS: RuleText = '"" events.k8s.io | events | create patch update';
const READ = 'get list watch';
const ALL = 'create delete get list patch update watch';

/** controller-roles.yaml's items, names without the `system:controller:` prefix. */
export const CONTROLLER_ROLES: readonly RoleData[] = [
  {
    name: 'attachdetach-controller',
    rules: [
      '"" | persistentvolumeclaims persistentvolumes | list watch',
      `"" | nodes | ${READ}`,
      '"" | nodes/status | patch update',
      '"" | pods | list watch',
      EVENTS,
      'storage.k8s.io | volumeattachments | create delete get list watch',
      `storage.k8s.io | csidrivers | ${READ}`,
      `storage.k8s.io | csinodes | ${READ}`,
    ],
  },
  {
    name: 'certificate-controller',
    rules: [
      'certificates.k8s.io | certificatesigningrequests | delete get list watch',
      'certificates.k8s.io | certificatesigningrequests/approval certificatesigningrequests/status | update',
      'certificates.k8s.io | signers | approve | kubernetes.io/kube-apiserver-client-kubelet',
      'certificates.k8s.io | signers | sign | kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown',
      'authorization.k8s.io | subjectaccessreviews | create',
      EVENTS,
    ],
  },
  {
    name: 'clusterrole-aggregation-controller',
    rules: ['rbac.authorization.k8s.io | clusterroles | escalate get list patch update watch'],
  },
  {
    name: 'cronjob-controller',
    rules: [
      'batch | cronjobs | get list update watch',
      `batch | jobs | ${ALL}`,
      'batch | cronjobs/status | update',
      'batch | cronjobs/finalizers | update',
      '"" | pods | delete list watch',
      EVENTS,
    ],
  },
  {
    name: 'daemon-set-controller',
    rules: [
      `apps extensions | daemonsets | ${READ}`,
      'apps extensions | daemonsets/status | update',
      'apps extensions | daemonsets/finalizers | update',
      '"" | nodes | list watch',
      '"" | pods | create delete list patch watch',
      '"" | pods/binding | create',
      `apps | controllerrevisions | ${ALL}`,
      EVENTS,
    ],
  },
  {
    name: 'deployment-controller',
    rules: [
      'apps extensions | deployments | get list update watch',
      'apps extensions | deployments/status | update',
      'apps extensions | deployments/finalizers | update',
      `apps extensions | replicasets | ${ALL}`,
      '"" | pods | get list update watch',
      EVENTS,
    ],
  },
  {
    name: 'device-taint-eviction-controller',
    since: 36,
    rules: [
      '"" | pods | delete get list watch',
      '"" | pods/status | patch update',
      `resource.k8s.io | resourceclaims | ${READ}`,
      `resource.k8s.io | resourceslices | ${READ}`,
      `resource.k8s.io | deviceclasses | ${READ}`,
      EVENTS,
    ],
  },
  {
    name: 'disruption-controller',
    rules: [
      `apps extensions | deployments | ${READ}`,
      `apps extensions | replicasets | ${READ}`,
      `"" | replicationcontrollers | ${READ}`,
      `policy | poddisruptionbudgets | ${READ}`,
      `apps | statefulsets | ${READ}`,
      'policy | poddisruptionbudgets/status | update',
      '"" | pods/status | patch update',
      '* | */scale | get',
      EVENTS,
    ],
  },
  {
    name: 'endpoint-controller',
    rules: [
      `"" | pods services | ${READ}`,
      '"" | endpoints | create delete get list update watch',
      '"" | endpoints/restricted | create',
      EVENTS,
    ],
  },
  {
    name: 'endpointslice-controller',
    rules: [
      `"" | nodes pods services | ${READ}`,
      '"" | services/finalizers | update',
      'discovery.k8s.io | endpointslices | create delete get list update watch',
      EVENTS,
    ],
  },
  {
    name: 'endpointslicemirroring-controller',
    rules: [
      `"" | endpoints services | ${READ}`,
      '"" | services/finalizers | update',
      '"" | endpoints/finalizers | update',
      'discovery.k8s.io | endpointslices | create delete get list update watch',
      EVENTS,
    ],
  },
  {
    name: 'ephemeral-volume-controller',
    since: 21,
    rules: [
      `"" | pods | ${READ}`,
      '"" | pods/finalizers | update',
      '"" | persistentvolumeclaims | create get list watch',
      EVENTS,
    ],
  },
  {
    name: 'expand-controller',
    rules: [
      '"" | persistentvolumes | get list patch update watch',
      '"" | persistentvolumeclaims/status | patch update',
      `"" | persistentvolumeclaims | ${READ}`,
      EVENTS,
    ],
  },
  {
    name: 'generic-garbage-collector',
    rules: ['* | * | delete get list patch update watch', EVENTS],
  },
  {
    name: 'horizontal-pod-autoscaler',
    rules: [
      `autoscaling | horizontalpodautoscalers | ${READ}`,
      'autoscaling | horizontalpodautoscalers/status | update',
      '* | */scale | get update',
      '"" | pods | list watch',
      'metrics.k8s.io | pods | list watch',
      `custom.metrics.k8s.io | * | ${READ}`,
      `external.metrics.k8s.io | * | ${READ}`,
      EVENTS,
    ],
  },
  {
    name: 'job-controller',
    rules: [
      'batch | jobs | get list patch update watch',
      'batch | jobs/status | update',
      'batch | jobs/finalizers | update',
      '"" | pods | create delete list patch watch',
      EVENTS,
    ],
  },
  {
    name: 'legacy-service-account-token-cleaner',
    since: 29,
    rules: [
      '"" | configmaps | get | kube-apiserver-legacy-service-account-token-tracking',
      '"" | secrets | delete patch',
    ],
  },
  {
    name: 'namespace-controller',
    rules: [
      '"" | namespaces | delete get list watch',
      '"" | namespaces/finalize namespaces/status | update',
      '* | * | delete deletecollection get list watch',
    ],
  },
  {
    name: 'node-controller',
    rules: [
      '"" | nodes | delete get list patch update watch',
      '"" | nodes/status | patch update',
      '"" | pods/status | patch update',
      '"" | pods | delete get list watch',
      EVENTS,
    ],
  },
  {
    name: 'persistent-volume-binder',
    rules: [
      '"" | persistentvolumes | create delete get list update watch',
      '"" | persistentvolumes/status | update',
      '"" | persistentvolumeclaims | get list update watch',
      '"" | persistentvolumeclaims/status | update',
      '"" | pods | create delete get list watch',
      `storage.k8s.io | storageclasses | ${READ}`,
      '"" | nodes | list watch',
      EVENTS,
      '"" | events | watch',
    ],
  },
  {
    name: 'pod-garbage-collector',
    rules: ['"" | pods | delete list watch', `"" | nodes | ${READ}`, '"" | pods/status | patch'],
  },
  {
    name: 'pv-protection-controller',
    rules: ['"" | persistentvolumes | get list update watch', EVENTS],
  },
  {
    name: 'pvc-protection-controller',
    rules: [
      '"" | persistentvolumeclaims | get list update watch',
      '"" | persistentvolumeclaims/status | update',
      `"" | pods | ${READ}`,
      EVENTS,
    ],
  },
  {
    name: 'replicaset-controller',
    rules: [
      'apps extensions | replicasets | get list update watch',
      'apps extensions | replicasets/status | update',
      'apps extensions | replicasets/finalizers | update',
      '"" | pods | create delete list patch watch',
      EVENTS,
    ],
  },
  {
    name: 'replication-controller',
    rules: [
      '"" | replicationcontrollers | get list update watch',
      '"" | replicationcontrollers/status | update',
      '"" | replicationcontrollers/finalizers | update',
      '"" | pods | create delete list patch watch',
      EVENTS,
    ],
  },
  {
    name: 'resource-claim-controller',
    since: 34,
    rules: [
      `"" | pods | ${READ}`,
      '"" | pods/finalizers | update',
      'resource.k8s.io | resourceclaims | create delete get list watch',
      'resource.k8s.io | resourceclaims resourceclaims/status | patch update',
      '"" | pods/status | patch update',
      EVENTS,
      'resource.k8s.io | resourceclaims/binding | patch update',
    ],
  },
  {
    name: 'resourcequota-controller',
    rules: ['* | * | list watch', '"" | resourcequotas/status | update', EVENTS],
  },
  {
    name: 'root-ca-cert-publisher',
    rules: ['"" | configmaps | create update', EVENTS],
  },
  {
    name: 'route-controller',
    rules: ['"" | nodes | list watch', '"" | nodes/status | patch', EVENTS],
  },
  {
    name: 'selinux-warning-controller',
    since: 33,
    rules: [
      EVENTS,
      `"" | persistentvolumes | ${READ}`,
      `"" | persistentvolumeclaims | ${READ}`,
      `"" | pods | ${READ}`,
      `storage.k8s.io | csidrivers | ${READ}`,
    ],
  },
  {
    name: 'service-account-controller',
    rules: ['"" | serviceaccounts | create', EVENTS],
  },
  {
    name: 'service-cidrs-controller',
    since: 33,
    rules: [
      'networking.k8s.io | servicecidrs | get list patch update watch',
      'networking.k8s.io | servicecidrs/finalizers | patch update',
      'networking.k8s.io | servicecidrs/status | patch update',
      `networking.k8s.io | ipaddresses | ${READ}`,
      EVENTS,
    ],
  },
  {
    name: 'service-controller',
    rules: [
      `"" | services | ${READ}`,
      '"" | services/status | patch update',
      '"" | nodes | list watch',
      EVENTS,
    ],
  },
  {
    name: 'statefulset-controller',
    rules: [
      '"" | pods | list watch',
      `apps | statefulsets | ${READ}`,
      'apps | statefulsets/status | update',
      'apps | statefulsets/finalizers | update',
      '"" | pods | create delete get patch update',
      `apps | controllerrevisions | ${ALL}`,
      '"" | persistentvolumeclaims | create get list watch',
      '"" | persistentvolumeclaims | delete update',
      '"" | pods/finalizers | update',
      EVENTS,
    ],
  },
  {
    name: 'ttl-after-finished-controller',
    since: 21,
    rules: ['batch | jobs | delete get list watch', EVENTS],
  },
  {
    name: 'ttl-controller',
    rules: ['"" | nodes | list patch update watch', EVENTS],
  },
  {
    name: 'validatingadmissionpolicy-status-controller',
    since: 30,
    rules: [
      `admissionregistration.k8s.io | validatingadmissionpolicies | ${READ}`,
      'admissionregistration.k8s.io | validatingadmissionpolicies/status | get patch update',
      EVENTS,
    ],
  },
  {
    name: 'volumeattributesclass-protection-controller',
    since: 34,
    rules: [
      `"" | persistentvolumeclaims | ${READ}`,
      `"" | persistentvolumes | ${READ}`,
      'storage.k8s.io | volumeattributesclasses | get list update watch',
      EVENTS,
    ],
  },
];
