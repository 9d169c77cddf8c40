/**
 * A bootstrap CSR approved by hand (`kubectl certificate approve`) after the csrapproving
 * controller left it Pending: the kubelet that posted it is still waiting (its certificate
 * manager keeps polling the request after `kubeadm join` gave up), so once the signer issues
 * the certificate it writes kubelet-client-current.pem, which the kubelet.conf it wrote at
 * bootstrap already names, and registers its Node (k/website kubelet-tls-bootstrapping.md,
 * "Approval"; pkg/kubelet/certificate/bootstrap/bootstrap.go LoadClientConfig).
 */
import type { ClusterState } from '../../model/state.ts';
import { createRng } from '../../random.ts';
import { findCsr, putCsr } from '../../state/csrs.ts';
import { findNode } from '../../state/nodes.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';
import { registerKubeletNode } from '../join.ts';
import { issueKubeletClientCert } from './csr.ts';

/** The state after the kubelets waiting on the approved CSRs `names` got their certificates. */
export function finishApprovedBootstraps(
  state: ClusterState,
  names: readonly string[],
): ClusterState {
  let s = state;
  const rng = createRng(state.rng);
  for (const name of names) {
    const csr = findCsr(s, name);
    const m = csr?.machine !== undefined ? findMachine(s, csr.machine) : undefined;
    if (!csr || !m || csr.condition !== 'Approved,Issued') continue;
    // The request is answered: nobody waits on it any more.
    const { machine: _done, ...answered } = csr;
    s = putCsr(s, answered);
    if (m.kubelet.active !== 'active' || findNode(s, csr.node)) continue;
    const issued = issueKubeletClientCert(s, m, csr.node, m.ip, rng, s.now);
    s = { ...s, machines: setKeyed(s.machines, m.name, issued) };
    s = registerKubeletNode(s, {
      machine: m.name,
      node: csr.node,
      controlPlane: false,
      t: s.now,
      rng,
    });
  }
  return s === state ? state : { ...s, rng: rng.state };
}
