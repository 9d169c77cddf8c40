/**
 * The bootstrap ClusterRoleBindings and the Roles and RoleBindings of kube-system and
 * kube-public, as data.
 *
 * - ClusterRoleBindings: policy.go ClusterRoleBindings() (the stored form is
 *   testdata/cluster-role-bindings.yaml): each binds the ClusterRole of the same name. The
 *   `system:node` binding keeps no subjects (deprecated in 1.7 for the Node authorizer, kept so
 *   tightening reconciliation removes the old subject).
 * - Roles and RoleBindings: testdata/namespace-roles.yaml and namespace-role-bindings.yaml at
 *   commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282. The leasecandidates rule of the
 *   leader-locking Roles and the leader-election-controller subject arrived with coordinated
 *   leader election (KEP-4355, v1.31).
 */
import type { RuleText } from './rule-text.ts';

/** A binding subject: `User:NAME`, `Group:NAME` or `ServiceAccount:NAMESPACE:NAME`. */
export type SubjectText = string;

/** One binding as data. */
export interface BindingData {
  readonly name: string;
  /** The role bound (default: the binding's own name). */
  readonly role?: string;
  readonly subjects: readonly SubjectText[];
  /** Subjects from a minor on: [subject, first minor]. */
  readonly laterSubjects?: readonly (readonly [SubjectText, number])[];
}

/** A namespaced role as data (rules in rule-text.ts form; [rule, first minor] for later rules). */
export interface NamespacedRoleData {
  readonly namespace: string;
  readonly name: string;
  readonly rules: readonly (RuleText | readonly [RuleText, number])[];
}

/** cluster-role-bindings.yaml's items. */
export const CLUSTER_ROLE_BINDINGS: readonly BindingData[] = [
  { name: 'cluster-admin', subjects: ['Group:system:masters'] },
  { name: 'system:basic-user', subjects: ['Group:system:authenticated'] },
  { name: 'system:discovery', subjects: ['Group:system:authenticated'] },
  { name: 'system:kube-controller-manager', subjects: ['User:system:kube-controller-manager'] },
  { name: 'system:kube-dns', subjects: ['ServiceAccount:kube-system:kube-dns'] },
  { name: 'system:kube-scheduler', subjects: ['User:system:kube-scheduler'] },
  { name: 'system:monitoring', subjects: ['Group:system:monitoring'] },
  { name: 'system:node', subjects: [] },
  { name: 'system:node-proxier', subjects: ['User:system:kube-proxy'] },
  {
    name: 'system:public-info-viewer',
    subjects: ['Group:system:authenticated', 'Group:system:unauthenticated'],
  },
  {
    name: 'system:service-account-issuer-discovery',
    subjects: ['Group:system:serviceaccounts'],
  },
  { name: 'system:volume-scheduler', subjects: ['User:system:kube-scheduler'] },
];

const EVENTS: RuleText = '"" events.k8s.io | events | create patch update';
const LEADER_LOCKING: NamespacedRoleData['rules'] = [
  'coordination.k8s.io | leases | create get list update watch',
  ['coordination.k8s.io | leasecandidates | create get list update watch', 31],
];

/** namespace-roles.yaml's items (kube-public first, as the file lists them). */
export const NAMESPACE_ROLES: readonly NamespacedRoleData[] = [
  {
    namespace: 'kube-public',
    name: 'system:controller:bootstrap-signer',
    rules: ['"" | configmaps | get list watch', '"" | configmaps | update | cluster-info', EVENTS],
  },
  {
    namespace: 'kube-system',
    name: 'extension-apiserver-authentication-reader',
    rules: ['"" | configmaps | get list watch | extension-apiserver-authentication'],
  },
  {
    namespace: 'kube-system',
    name: 'system::leader-locking-kube-controller-manager',
    rules: LEADER_LOCKING,
  },
  {
    namespace: 'kube-system',
    name: 'system::leader-locking-kube-scheduler',
    rules: LEADER_LOCKING,
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:bootstrap-signer',
    rules: ['"" | secrets | get list watch'],
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:cloud-provider',
    rules: ['"" | configmaps | create get list watch'],
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:token-cleaner',
    rules: ['"" | secrets | delete get list watch', EVENTS],
  },
];

/** namespace-role-bindings.yaml's items, by namespace. */
export const NAMESPACE_ROLE_BINDINGS: readonly (BindingData & { readonly namespace: string })[] = [
  {
    namespace: 'kube-public',
    name: 'system:controller:bootstrap-signer',
    subjects: ['ServiceAccount:kube-system:bootstrap-signer'],
  },
  {
    namespace: 'kube-system',
    name: 'system::extension-apiserver-authentication-reader',
    role: 'extension-apiserver-authentication-reader',
    subjects: ['User:system:kube-controller-manager', 'User:system:kube-scheduler'],
  },
  {
    namespace: 'kube-system',
    name: 'system::leader-locking-kube-controller-manager',
    subjects: [
      'User:system:kube-controller-manager',
      'ServiceAccount:kube-system:kube-controller-manager',
    ],
    laterSubjects: [['ServiceAccount:kube-system:leader-election-controller', 31]],
  },
  {
    namespace: 'kube-system',
    name: 'system::leader-locking-kube-scheduler',
    subjects: ['User:system:kube-scheduler', 'ServiceAccount:kube-system:kube-scheduler'],
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:bootstrap-signer',
    subjects: ['ServiceAccount:kube-system:bootstrap-signer'],
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:cloud-provider',
    subjects: ['ServiceAccount:kube-system:cloud-provider'],
  },
  {
    namespace: 'kube-system',
    name: 'system:controller:token-cleaner',
    subjects: ['ServiceAccount:kube-system:token-cleaner'],
  },
];
