/**
 * The RBAC defaults kube-apiserver creates when it starts (the rbac/bootstrap-roles post-start
 * hook reconciles them): the ClusterRoles and ClusterRoleBindings that the answers of
 * `kubectl auth can-i` and the objects kubeadm binds need, each labelled
 * `kubernetes.io/bootstrapping: rbac-defaults` and annotated for auto-update as upstream does.
 * A real cluster has about 70 such roles (controller roles, admin/edit/view, …); the simulator
 * keeps the subset below.
 *
 * upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles,
 * ClusterRoleBindings) and its testdata/cluster-roles.yaml, cluster-role-bindings.yaml (the
 * stored form). Rules as of v1.28+: system:basic-user also creates selfsubjectrulesreviews and
 * (authentication.k8s.io) selfsubjectreviews; system:discovery and system:public-info-viewer
 * include /livez, /readyz and /version/.
 */
import { renderManifest, type Placed } from './manifest.ts';

const META = `  annotations:
    rbac.authorization.kubernetes.io/autoupdate: "true"
  labels:
    kubernetes.io/bootstrapping: rbac-defaults`;

const role = (name: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
${META}
  name: ${name}
rules:
${rules}`;

const binding = (
  name: string,
  subjects: string,
): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
${META}
  name: ${name}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${name}
subjects:
${subjects}`;

const group = (name: string): string =>
  `- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: ${name}`;
const user = (name: string): string =>
  `- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: ${name}`;

const ROLES = [
  role(
    'cluster-admin',
    `- apiGroups:
  - '*'
  resources:
  - '*'
  verbs:
  - '*'
- nonResourceURLs:
  - '*'
  verbs:
  - '*'`,
  ),
  role(
    'system:basic-user',
    `- apiGroups:
  - authorization.k8s.io
  resources:
  - selfsubjectaccessreviews
  - selfsubjectrulesreviews
  verbs:
  - create
- apiGroups:
  - authentication.k8s.io
  resources:
  - selfsubjectreviews
  verbs:
  - create`,
  ),
  role(
    'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
    `- apiGroups:
  - certificates.k8s.io
  resources:
  - certificatesigningrequests/nodeclient
  verbs:
  - create`,
  ),
  role(
    'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
    `- apiGroups:
  - certificates.k8s.io
  resources:
  - certificatesigningrequests/selfnodeclient
  verbs:
  - create`,
  ),
  role(
    'system:discovery',
    `- nonResourceURLs:
  - /api
  - /api/*
  - /apis
  - /apis/*
  - /healthz
  - /livez
  - /openapi
  - /openapi/*
  - /readyz
  - /version
  - /version/
  verbs:
  - get`,
  ),
  role(
    'system:node-bootstrapper',
    `- apiGroups:
  - certificates.k8s.io
  resources:
  - certificatesigningrequests
  verbs:
  - create
  - get
  - list
  - watch`,
  ),
  role(
    'system:node-proxier',
    `- apiGroups:
  - ""
  resources:
  - endpoints
  - services
  verbs:
  - list
  - watch
- apiGroups:
  - ""
  - events.k8s.io
  resources:
  - events
  verbs:
  - create
  - patch
  - update
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - discovery.k8s.io
  resources:
  - endpointslices
  verbs:
  - list
  - watch`,
  ),
  role(
    'system:public-info-viewer',
    `- nonResourceURLs:
  - /healthz
  - /livez
  - /readyz
  - /version
  - /version/
  verbs:
  - get`,
  ),
];

const BINDINGS = [
  binding('cluster-admin', group('system:masters')),
  binding('system:basic-user', group('system:authenticated')),
  binding('system:discovery', group('system:authenticated')),
  binding('system:node-proxier', user('system:kube-proxy')),
  binding(
    'system:public-info-viewer',
    `${group('system:authenticated')}\n${group('system:unauthenticated')}`,
  ),
];

const MANIFEST = [...ROLES, ...BINDINGS].join('\n---\n');

/** The bootstrap ClusterRoles and ClusterRoleBindings, created at `created`. */
export function bootstrapPolicyObjects(created: string): Placed[] {
  return renderManifest(MANIFEST, {}, created);
}
