/**
 * Kubelet TLS bootstrap on a joining node (k/website kubelet-tls-bootstrapping.md): the kubelet
 * authenticates with the bootstrap token (user system:bootstrap:<token-id>), posts a CSR for
 * signer kubernetes.io/kube-apiserver-client-kubelet, kube-controller-manager's csrapproving
 * controller auto-approves it and its signer issues the certificate, which the kubelet stores in
 * /var/lib/kubelet/pki/kubelet-client-current.pem (kubelet.conf points at it).
 */
import type { ClusterState } from '../../model/state.ts';
import { createRng, type Rng } from '../../random.ts';
import { addCsr, csrName, issueKubeletClientCert, KUBELET_CLIENT_SIGNER } from './csr.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** Issues the joining node's client certificate through an auto-approved bootstrap CSR. */
export function kubeletTlsBootstrap(
  state: ClusterState,
  machine: string,
  node: string,
  ip: string,
  tokenId: string,
  rng: Rng,
  now: number,
): ClusterState {
  const m = findMachine(state, machine);
  if (!m || !state.cluster) return state;
  // Forked stream: one main-stream draw however many values the PKI needs.
  const fork = createRng(Math.floor(rng.next() * 4294967296));
  const issued = issueKubeletClientCert(state, m, node, ip, fork, now);
  const next = { ...state, machines: setKeyed(state.machines, machine, issued) };
  return addCsr(next, {
    name: csrName(fork, true),
    signerName: KUBELET_CLIENT_SIGNER,
    requestor: `system:bootstrap:${tokenId}`,
    createdAt: now,
    requestedDurationMs: null,
    condition: 'Approved,Issued',
    node,
  });
}
