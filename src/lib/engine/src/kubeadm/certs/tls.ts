/**
 * What a TLS client of the API server sees on the simulated clock: the serving certificate's
 * validity (Go crypto/x509 CertificateInvalidError, Expired: "x509: certificate has expired or is
 * not yet valid: current time <now RFC3339> is after <NotAfter RFC3339>", wrapped by crypto/tls as
 * "tls: failed to verify certificate: …"), then the client certificate (the API server rejects an
 * expired client certificate: 401 Unauthorized).
 */
import { findNode } from '../../state/nodes.ts';
import type { ClusterState, Machine } from '../../model/state.ts';
import { formatRfc3339 } from '../../clock.ts';
import { PKI_DIR } from '../../pki/specs.ts';
import { findMachine, findMachineBy } from '../../state/machines.ts';
import { controlPlaneNodeList } from '../../views/node-index.ts';

/** The machine serving `server` (host:port): the control-plane node with that IP, else the first. */
export function apiserverMachine(state: ClusterState, server: string): Machine | undefined {
  const c = state.cluster;
  if (!c) return undefined;
  const host = server.replace(/:\d+$/, '');
  // The machines named like a control-plane node (few), not every machine on every kubectl call.
  const cps = controlPlaneNodeList(c).flatMap((n) => findMachine(state, n.name) ?? []);
  const byIp = cps.find((m) => m.ip === host);
  if (byIp || cps.length <= 1) return byIp ?? cps[0];
  // The first in the machines' order, as a listing of every machine would give.
  return findMachineBy(state, (m) => findNode(state, m.name)?.controlPlane === true);
}

/** The Go error text when the serving certificate is outside its validity window, else null. */
export function servingCertificateError(state: ClusterState, server: string): string | null {
  const m = apiserverMachine(state, server);
  const cert = m?.certs[`${PKI_DIR}/apiserver.crt`];
  if (!cert) return null;
  if (state.now > cert.notAfter) {
    return `tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${formatRfc3339(state.now)} is after ${formatRfc3339(cert.notAfter)}`;
  }
  if (state.now < cert.notBefore) {
    return `tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${formatRfc3339(state.now)} is before ${formatRfc3339(cert.notBefore)}`;
  }
  return null;
}

/** True when the client certificate of the kubeconfig at `path` on `m` is expired. */
export function clientCertificateExpired(state: ClusterState, m: Machine, path: string): boolean {
  const cert = m.certs[path];
  return cert !== undefined && (state.now > cert.notAfter || state.now < cert.notBefore);
}
