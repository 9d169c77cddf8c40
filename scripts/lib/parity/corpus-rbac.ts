/**
 * The everyday corpus of the cluster's RBAC objects and who may do what: the bootstrap policy
 * kube-apiserver creates, kubeadm's bindings, kube-controller-manager's ServiceAccounts
 * (kubernetes.io/docs/reference/access-authn-authz/rbac/ "Default roles and role bindings",
 * reference/kubectl/generated/kubectl_describe/, kubectl_auth/kubectl_auth_can-i/ examples).
 */
import type { ParityCase } from './run-case.ts';

const RBAC = [
  'kubectl get clusterroles',
  'kubectl get clusterrolebindings',
  'kubectl get clusterrolebindings -o wide',
  'kubectl get roles -A',
  'kubectl get rolebindings -A -o wide',
  'kubectl get clusterrole view -o yaml',
  'kubectl get clusterrolebinding system:node -o yaml',
  'kubectl describe clusterrole view',
  'kubectl describe clusterrole admin',
  'kubectl describe clusterrole cluster-admin',
  'kubectl describe clusterrole system:discovery',
  'kubectl describe clusterrole system:controller:certificate-controller',
  'kubectl describe role extension-apiserver-authentication-reader -n kube-system',
  'kubectl describe clusterrole nope',
  'kubectl get sa -n kube-system',
  'kubectl get serviceaccounts -A',
  'kubectl auth can-i list pods --as=system:serviceaccount:default:default',
  'kubectl auth can-i --list --as=system:serviceaccount:default:default',
  'kubectl auth can-i get /healthz --as=system:anonymous',
  'kubectl auth can-i get /api --as=system:anonymous',
  'kubectl auth can-i get configmaps/cluster-info -n kube-public --as=system:anonymous',
  'kubectl auth can-i update deployments/status --as=system:serviceaccount:kube-system:deployment-controller',
  'kubectl auth can-i get nodes --as=system:kube-scheduler',
  'kubectl auth can-i create leases -n kube-system --as=system:kube-controller-manager',
  'kubectl auth can-i list pods --as=jane --as-group=system:serviceaccounts',
];

/** The RBAC group of the corpus. */
export const RBAC_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/rbac', source: 'corpus', scenario: 'workers-joined', lines: RBAC },
];
