/**
 * Client-certificate authentication in the simulated cluster's time: a client is the cluster's
 * admin when its certificate was issued and signed by the cluster CA and is valid at the
 * simulated clock's time (not the host's: a scenario 400 days on has expired certificates a
 * real clock would still accept, and the reverse). TLS itself accepts any client certificate;
 * the request is answered 401 Unauthorized otherwise, as kube-apiserver answers.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go (Verify with
 * the CA pool; an expired certificate is unauthorized).
 */
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** True when the socket's client certificate authenticates at simulated time `nowMs`. */
export function clientAuthenticated(
  socket: TLSSocket,
  ca: X509Certificate,
  nowMs: number,
): boolean {
  const peer = socket.getPeerCertificate();
  if (!peer || !('raw' in peer) || peer.raw === undefined) return false;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(peer.raw);
  } catch {
    return false;
  }
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
  return Date.parse(cert.validFrom) <= nowMs && nowMs <= Date.parse(cert.validTo);
}

/** True when the host's clock lies within a certificate's validity (real TLS clients check it). */
export function validNow(pem: string, hostNowMs: number): boolean {
  const cert = new X509Certificate(pem);
  return Date.parse(cert.validFrom) <= hostNowMs && hostNowMs <= Date.parse(cert.validTo);
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * Who the request comes from: the client certificate's CN as the user and its O values as the
 * groups, with system:authenticated added (x509.go CommonNameUserConversion,
 * authenticated_group_adder.go), and the impersonation headers it carries.
 */
export function requestIdentity(req: IncomingMessage): {
  user?: { name: string; groups: string[] };
  impersonateUser?: string;
  impersonateGroups?: string[];
} {
  const peer = (req.socket as TLSSocket).getPeerCertificate();
  const subject = peer && 'subject' in peer ? peer.subject : undefined;
  const name = subject?.CN;
  const as = req.headersDistinct['impersonate-user']?.[0];
  const asGroups = req.headersDistinct['impersonate-group'] ?? [];
  return {
    ...(typeof name === 'string'
      ? { user: { name, groups: [...asList(subject?.O), 'system:authenticated'] } }
      : {}),
    ...(as !== undefined ? { impersonateUser: as } : {}),
    ...(asGroups.length > 0 ? { impersonateGroups: asGroups } : {}),
  };
}
