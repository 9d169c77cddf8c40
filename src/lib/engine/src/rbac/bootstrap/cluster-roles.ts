/**
 * kube-apiserver's bootstrap ClusterRoles (not the controller roles, see controller-roles.ts),
 * transcribed rule by rule from upstream
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml at commit
 * 025f2834a128798cef30018a5e6a6ae82b5ad885 (the version of the 1.28–1.33 line: selfsubjectreviews
 * in system:basic-user, /metrics/slis in system:monitoring, no default-on DRA rules yet), in the
 * file's order. Rule text: rule-text.ts. `aggregate` names the `aggregate-to-X` label the role's
 * aggregationRule selects (its rules are then filled by the clusterrole-aggregation controller,
 * policy.ts); `labels` are labels besides kubernetes.io/bootstrapping.
 *
 * Simplification (documented): every minor the engine models gets these rules; upstream's
 * smaller per-minor changes before v1.28 (e.g. selfsubjectreviews) are not replayed.
 */
import type { RuleText } from './rule-text.ts';

/** One bootstrap role as data. */
export interface RoleData {
  readonly name: string;
  readonly rules: readonly RuleText[];
  readonly labels?: Readonly<Record<string, string>>;
  /** `admin`, `edit` or `view`: the role aggregates roles labelled aggregate-to-<this>. */
  readonly aggregate?: string;
  /** First 1.x minor that has the role (absent: every modelled minor). */
  readonly since?: number;
}

const EVENTS: RuleText = '"" events.k8s.io | events | create patch update';
const READ = 'get list watch';
const WRITE = 'create delete deletecollection patch update';
const toAdmin = { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' };
const toEdit = { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' };
const toView = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' };

/** cluster-roles.yaml's items. */
export const CLUSTER_ROLES: readonly RoleData[] = [
  { name: 'admin', rules: [], aggregate: 'admin' },
  {
    name: 'cluster-admin',
    rules: ['* | * | *', 'URL * | *'],
  },
  { name: 'edit', rules: [], aggregate: 'edit', labels: toAdmin },
  {
    name: 'system:aggregate-to-admin',
    labels: toAdmin,
    rules: [
      'authorization.k8s.io | localsubjectaccessreviews | create',
      'rbac.authorization.k8s.io | rolebindings roles | create delete deletecollection get list patch update watch',
    ],
  },
  {
    name: 'system:aggregate-to-edit',
    labels: toEdit,
    rules: [
      `"" | pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy | ${READ}`,
      '"" | serviceaccounts | impersonate',
      `"" | pods pods/attach pods/exec pods/portforward pods/proxy | ${WRITE}`,
      '"" | pods/eviction | create',
      `"" | configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy | ${WRITE}`,
      '"" | serviceaccounts/token | create',
      `apps | daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale | ${WRITE}`,
      `autoscaling | horizontalpodautoscalers | ${WRITE}`,
      `batch | cronjobs jobs | ${WRITE}`,
      `extensions | daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale | ${WRITE}`,
      `policy | poddisruptionbudgets | ${WRITE}`,
      `networking.k8s.io | ingresses networkpolicies | ${WRITE}`,
      'coordination.k8s.io | leases | create delete deletecollection get list patch update watch',
    ],
  },
  {
    name: 'system:aggregate-to-view',
    labels: toView,
    rules: [
      `"" | configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status | ${READ}`,
      `"" | bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status | ${READ}`,
      `"" | namespaces | ${READ}`,
      `discovery.k8s.io | endpointslices | ${READ}`,
      `apps | controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status | ${READ}`,
      `autoscaling | horizontalpodautoscalers horizontalpodautoscalers/status | ${READ}`,
      `batch | cronjobs cronjobs/status jobs jobs/status | ${READ}`,
      `extensions | daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale | ${READ}`,
      `policy | poddisruptionbudgets poddisruptionbudgets/status | ${READ}`,
      `networking.k8s.io | ingresses ingresses/status networkpolicies | ${READ}`,
    ],
  },
  {
    name: 'system:auth-delegator',
    rules: [
      'authentication.k8s.io | tokenreviews | create',
      'authorization.k8s.io | subjectaccessreviews | create',
    ],
  },
  {
    name: 'system:basic-user',
    rules: [
      'authorization.k8s.io | selfsubjectaccessreviews selfsubjectrulesreviews | create',
      'authentication.k8s.io | selfsubjectreviews | create',
    ],
  },
  {
    name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
    rules: ['certificates.k8s.io | certificatesigningrequests/nodeclient | create'],
  },
  {
    name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
    rules: ['certificates.k8s.io | certificatesigningrequests/selfnodeclient | create'],
  },
  {
    name: 'system:certificates.k8s.io:kube-apiserver-client-approver',
    rules: ['certificates.k8s.io | signers | approve | kubernetes.io/kube-apiserver-client'],
  },
  {
    name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver',
    rules: [
      'certificates.k8s.io | signers | approve | kubernetes.io/kube-apiserver-client-kubelet',
    ],
  },
  {
    name: 'system:certificates.k8s.io:kubelet-serving-approver',
    rules: ['certificates.k8s.io | signers | approve | kubernetes.io/kubelet-serving'],
  },
  {
    name: 'system:certificates.k8s.io:legacy-unknown-approver',
    rules: ['certificates.k8s.io | signers | approve | kubernetes.io/legacy-unknown'],
  },
  {
    name: 'system:discovery',
    rules: [
      'URL /api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/ | get',
    ],
  },
  {
    name: 'system:heapster',
    rules: [`"" | events namespaces nodes pods | ${READ}`, `extensions | deployments | ${READ}`],
  },
  {
    name: 'system:kube-aggregator',
    rules: [`"" | endpoints services | ${READ}`],
  },
  {
    name: 'system:kube-controller-manager',
    rules: [
      EVENTS,
      'coordination.k8s.io | leases | create',
      'coordination.k8s.io | leases | get update | kube-controller-manager',
      '"" | secrets serviceaccounts | create',
      '"" | secrets | delete',
      '"" | configmaps namespaces secrets serviceaccounts | get',
      '"" | secrets serviceaccounts | update',
      'authentication.k8s.io | tokenreviews | create',
      'authorization.k8s.io | subjectaccessreviews | create',
      '* | * | list watch',
      '"" | serviceaccounts/token | create',
    ],
  },
  {
    name: 'system:kube-dns',
    rules: ['"" | endpoints services | list watch'],
  },
  {
    name: 'system:kube-scheduler',
    rules: [
      EVENTS,
      'coordination.k8s.io | leases | create',
      'coordination.k8s.io | leases | get update | kube-scheduler',
      `"" | nodes | ${READ}`,
      '"" | pods | delete get list watch',
      '"" | bindings pods/binding | create',
      '"" | pods/status | patch update',
      `"" | replicationcontrollers services | ${READ}`,
      `apps extensions | replicasets | ${READ}`,
      `apps | statefulsets | ${READ}`,
      `policy | poddisruptionbudgets | ${READ}`,
      `"" | persistentvolumeclaims persistentvolumes | ${READ}`,
      'authentication.k8s.io | tokenreviews | create',
      'authorization.k8s.io | subjectaccessreviews | create',
      `storage.k8s.io | csinodes | ${READ}`,
      `"" | namespaces | ${READ}`,
      `storage.k8s.io | csidrivers | ${READ}`,
      `storage.k8s.io | csistoragecapacities | ${READ}`,
    ],
  },
  {
    name: 'system:kubelet-api-admin',
    rules: [
      `"" | nodes | ${READ}`,
      '"" | nodes | proxy',
      '"" | nodes/log nodes/metrics nodes/proxy nodes/stats | *',
    ],
  },
  {
    name: 'system:monitoring',
    rules: [
      'URL /healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/* | get',
    ],
  },
  {
    name: 'system:node',
    rules: [
      'authentication.k8s.io | tokenreviews | create',
      'authorization.k8s.io | localsubjectaccessreviews subjectaccessreviews | create',
      `"" | services | ${READ}`,
      '"" | nodes | create get list watch',
      '"" | nodes/status | patch update',
      '"" | nodes | patch update',
      '"" | events | create patch update',
      `"" | pods | ${READ}`,
      '"" | pods | create delete',
      '"" | pods/status | patch update',
      '"" | pods/eviction | create',
      `"" | configmaps secrets | ${READ}`,
      '"" | persistentvolumeclaims persistentvolumes | get',
      '"" | endpoints | get',
      'certificates.k8s.io | certificatesigningrequests | create get list watch',
      'coordination.k8s.io | leases | create delete get patch update',
      'storage.k8s.io | volumeattachments | get',
      '"" | serviceaccounts/token | create',
      '"" | persistentvolumeclaims/status | get patch update',
      `storage.k8s.io | csidrivers | ${READ}`,
      'storage.k8s.io | csinodes | create delete get patch update',
      `node.k8s.io | runtimeclasses | ${READ}`,
    ],
  },
  {
    name: 'system:node-bootstrapper',
    rules: ['certificates.k8s.io | certificatesigningrequests | create get list watch'],
  },
  {
    name: 'system:node-problem-detector',
    rules: ['"" | nodes | get', '"" | nodes/status | patch', EVENTS],
  },
  {
    name: 'system:node-proxier',
    rules: [
      '"" | endpoints services | list watch',
      `"" | nodes | ${READ}`,
      EVENTS,
      'discovery.k8s.io | endpointslices | list watch',
    ],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      '"" | persistentvolumes | create delete get list watch',
      '"" | persistentvolumeclaims | get list update watch',
      `storage.k8s.io | storageclasses | ${READ}`,
      '"" | events | watch',
      EVENTS,
    ],
  },
  {
    name: 'system:public-info-viewer',
    rules: ['URL /healthz /livez /readyz /version /version/ | get'],
  },
  {
    name: 'system:service-account-issuer-discovery',
    rules: ['URL /.well-known/openid-configuration /openid/v1/jwks | get'],
  },
  {
    name: 'system:volume-scheduler',
    rules: [
      '"" | persistentvolumes | get list patch update watch',
      `storage.k8s.io | storageclasses | ${READ}`,
      '"" | persistentvolumeclaims | get list patch update watch',
    ],
  },
  { name: 'view', rules: [], aggregate: 'view', labels: toEdit },
];
