/**
 * Kubelet TLS bootstrap on a joining node (k/website kubelet-tls-bootstrapping.md): the kubelet
 * authenticates with the bootstrap token (user system:bootstrap:<token-id>, groups
 * system:bootstrappers, the token's auth-extra-groups and system:authenticated), posts a CSR for
 * signer kubernetes.io/kube-apiserver-client-kubelet, kube-controller-manager's csrapproving
 * controller approves it when the SubjectAccessReview allows (controllers/csr-approver.ts), its
 * signer issues the certificate, and the kubelet stores it in
 * /var/lib/kubelet/pki/kubelet-client-current.pem (kubelet.conf points at it). Not approved, the
 * CSR stays Pending and the kubelet has no client certificate.
 */
import type { ClusterState } from '../../model/state.ts';
import { createRng, type Rng } from '../../random.ts';
import { addCsr, csrName, issueKubeletClientCert, KUBELET_CLIENT_SIGNER } from './csr.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';
import { approveKubeletClientCsr, type CsrApproval } from '../../controllers/csr-approver.ts';

/** Who the kubelet is while it bootstraps: the token's user and the groups the authenticator gives. */
function bootstrapUser(state: ClusterState, tokenId: string) {
  const token = state.cluster?.tokens.find((t) => t.id === tokenId);
  return {
    username: `system:bootstrap:${tokenId}`,
    // plugin/pkg/auth/authenticator/token/bootstrap: system:bootstrappers, then auth-extra-groups.
    groups: [
      'system:bootstrappers',
      ...(token?.groups ?? ['system:bootstrappers:kubeadm:default-node-token']),
      'system:authenticated',
    ],
  };
}

/** Whether the approver would approve the bootstrap CSR of `node` now (null: it stays Pending). */
export function bootstrapCsrApproval(
  state: ClusterState,
  node: string,
  tokenId: string,
): CsrApproval | null {
  const user = bootstrapUser(state, tokenId);
  return approveKubeletClientCsr(state, {
    signerName: KUBELET_CLIENT_SIGNER,
    username: user.username,
    groups: user.groups,
    commonName: `system:node:${node}`,
  });
}

/**
 * Posts the joining node's bootstrap CSR. Approved (`approval` set), the signer issues the client
 * certificate onto the machine; otherwise the CSR is left Pending and the machine gets nothing.
 */
export function kubeletTlsBootstrap(
  state: ClusterState,
  machine: string,
  node: string,
  ip: string,
  tokenId: string,
  rng: Rng,
  now: number,
  approval: CsrApproval | null = bootstrapCsrApproval(state, node, tokenId),
): ClusterState {
  const m = findMachine(state, machine);
  if (!m || !state.cluster) return state;
  // Forked stream: one main-stream draw however many values the PKI needs.
  const fork = createRng(Math.floor(rng.next() * 4294967296));
  const user = bootstrapUser(state, tokenId);
  const issued = approval ? issueKubeletClientCert(state, m, node, ip, fork, now) : m;
  const next = approval ? { ...state, machines: setKeyed(state.machines, machine, issued) } : state;
  return addCsr(next, {
    name: csrName(fork, true),
    signerName: KUBELET_CLIENT_SIGNER,
    requestor: user.username,
    groups: user.groups,
    createdAt: now,
    requestedDurationMs: null,
    condition: approval ? 'Approved,Issued' : 'Pending',
    node,
    // The kubelet keeps waiting for a pending request (kubeadm/certs/approved-bootstrap.ts).
    ...(approval ? {} : { machine }),
  });
}
