/**
 * The RBAC objects kubeadm init creates, per phase (names and subjects from kubeadm's sources):
 * - upload-config: Roles/RoleBindings `kubeadm:nodes-kubeadm-config`
 *   (cmd/kubeadm/app/phases/uploadconfig/uploadconfig.go) and `kubeadm:kubelet-config`
 *   (phases/kubelet/config.go), letting joining nodes read their ConfigMaps;
 * - bootstrap-token: ClusterRole+Binding `kubeadm:get-nodes`, ClusterRoleBindings
 *   `kubeadm:kubelet-bootstrap`, `kubeadm:node-autoapprove-bootstrap`,
 *   `kubeadm:node-autoapprove-certificate-rotation` (phases/bootstraptoken/node/tlsbootstrap.go)
 *   and the kube-public Role/RoleBinding `kubeadm:bootstrap-signer-clusterinfo`
 *   (phases/bootstraptoken/clusterinfo/clusterinfo.go);
 * - kubeconfig: ClusterRoleBinding `kubeadm:cluster-admins` (phases/kubeconfig, v1.29+).
 */
import { renderManifest, type Placed } from './manifest.ts';

const TOKEN_GROUP = 'system:bootstrappers:kubeadm:default-node-token';

const clusterRoleBinding = (name: string, role: string, subject: string): string => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${name}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${role}
subjects:
${subject}`;

const group = (name: string): string =>
  `- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: ${name}\n`;

const configMapReader = (name: string, namespace: string, configMap: string, subjects: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${name}
  namespace: ${namespace}
rules:
- apiGroups:
  - ""
  resourceNames:
  - ${configMap}
  resources:
  - configmaps
  verbs:
  - get
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}
  namespace: ${namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${name}
subjects:
${subjects}`;

/** upload-config/kubeadm: joining nodes may read kubeadm-config. */
export function kubeadmConfigRbac(created: string): Placed[] {
  const subjects = group(TOKEN_GROUP) + group('system:nodes');
  return renderManifest(
    configMapReader('kubeadm:nodes-kubeadm-config', 'kube-system', 'kubeadm-config', subjects),
    {},
    created,
  );
}

/** upload-config/kubelet: joining nodes may read kubelet-config. */
export function kubeletConfigRbac(created: string): Placed[] {
  const subjects = group('system:nodes') + group(TOKEN_GROUP);
  return renderManifest(
    configMapReader('kubeadm:kubelet-config', 'kube-system', 'kubelet-config', subjects),
    {},
    created,
  );
}

/** The bootstrap-token phase's RBAC (before the cluster-info ConfigMap's Role). */
export function bootstrapTokenRbac(created: string): Placed[] {
  const getNodes = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: kubeadm:get-nodes
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
`;
  const anonymous =
    '- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: system:anonymous\n';
  return [
    ...renderManifest(getNodes, {}, created),
    ...renderManifest(
      clusterRoleBinding('kubeadm:get-nodes', 'kubeadm:get-nodes', group(TOKEN_GROUP)),
      {},
      created,
    ),
    ...renderManifest(
      clusterRoleBinding(
        'kubeadm:kubelet-bootstrap',
        'system:node-bootstrapper',
        group(TOKEN_GROUP),
      ),
      {},
      created,
    ),
    ...renderManifest(
      clusterRoleBinding(
        'kubeadm:node-autoapprove-bootstrap',
        'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
        group(TOKEN_GROUP),
      ),
      {},
      created,
    ),
    ...renderManifest(
      clusterRoleBinding(
        'kubeadm:node-autoapprove-certificate-rotation',
        'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
        group('system:nodes'),
      ),
      {},
      created,
    ),
    ...renderManifest(
      configMapReader(
        'kubeadm:bootstrap-signer-clusterinfo',
        'kube-public',
        'cluster-info',
        anonymous,
      ),
      {},
      created,
    ),
  ];
}

/** `kubeadm:cluster-admins`, bound to cluster-admin for admin.conf's group (v1.29+). */
export function clusterAdminsBinding(created: string): Placed[] {
  return renderManifest(
    clusterRoleBinding('kubeadm:cluster-admins', 'cluster-admin', group('kubeadm:cluster-admins')),
    {},
    created,
  );
}
