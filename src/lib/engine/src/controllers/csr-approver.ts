/**
 * kube-controller-manager's csrapproving controller (pkg/controller/certificates/approver/
 * sarapprove.go, kubernetes commit 017bb938): a pending CSR for signer
 * kubernetes.io/kube-apiserver-client-kubelet is recognised as a kubelet client certificate,
 * "selfnodeclient" when its requestor is the certificate's subject (a kubelet renewing its own
 * certificate) and "nodeclient" otherwise (a bootstrap token asking for a new node), and is
 * approved only when a SubjectAccessReview says the requestor may `create`
 * `certificatesigningrequests/<that subresource>` in certificates.k8s.io. kubeadm grants both
 * through ClusterRoleBindings (cmd/kubeadm/app/phases/bootstraptoken/node/tlsbootstrap.go):
 * kubeadm:node-autoapprove-bootstrap (group system:bootstrappers:kubeadm:default-node-token →
 * …:nodeclient) and kubeadm:node-autoapprove-certificate-rotation (group system:nodes →
 * …:selfnodeclient). Delete one and those CSRs stay Pending. The review runs against the RBAC
 * authorizer (rbac/authorizer.ts).
 */
import type { ClusterState } from '../model/state.ts';
import { authorize } from '../rbac/authorizer.ts';

/** The kubelet client signer the approver handles (capi.KubeAPIServerClientKubeletSignerName). */
const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';

/** What the approver needs of a CSR: spec.signerName, spec.username, spec.groups, the CN asked for. */
export interface CsrRequest {
  readonly signerName: string;
  readonly username: string;
  readonly groups: readonly string[];
  /** The Subject CommonName of the request (system:node:<name> for kubelet client certificates). */
  readonly commonName: string;
}

/** Which recognizer approved a CSR (the SubjectAccessReview's subresource). */
export type CsrApproval = 'selfnodeclient' | 'nodeclient';

/** The Approved condition's message each recognizer writes (sarapprove.go recognizers()). */
export const APPROVAL_MESSAGES: Readonly<Record<CsrApproval, string>> = {
  selfnodeclient: 'Auto approving self kubelet client certificate after SubjectAccessReview.',
  nodeclient: 'Auto approving kubelet client certificate after SubjectAccessReview.',
};

/**
 * sarApprover.handle for a pending CSR: the recognizer whose SubjectAccessReview allowed it, or
 * null when none did (the CSR stays Pending; the controller logs "recognized csr %q as %v but
 * subject access review was not approved").
 */
export function approveKubeletClientCsr(state: ClusterState, csr: CsrRequest): CsrApproval | null {
  if (csr.signerName !== KUBELET_CLIENT_SIGNER) return null;
  const user = { name: csr.username, groups: csr.groups };
  const recognized: CsrApproval[] = [
    ...(csr.username === csr.commonName ? (['selfnodeclient'] as const) : []),
    'nodeclient',
  ];
  for (const subresource of recognized) {
    const review = authorize(state, user, {
      kind: 'resource',
      verb: 'create',
      namespace: '',
      group: 'certificates.k8s.io',
      resource: 'certificatesigningrequests',
      subresource,
      name: '',
    });
    if (review.allowed) return subresource;
  }
  return null;
}
