/**
 * Certificate PEMs for the simulated filesystem: rebuilt deterministically from the metadata in
 * `machine.certs` (issuer found by its CA path on the same machine) and the shipped simulation
 * keys, then cached, so the first `cat ca.crt` signs once and later reads are free. The state never
 * holds PEM text.
 */
import type { CertificateMeta, ClusterState, Machine } from '../src/index.ts';
import { caCertPath } from '../src/index.ts';
import { keyById } from '../src/pki/materialize-plan.ts';
import { materializeCertificate } from '../src/pki/materialize.ts';
import { findMachine } from '../src/index.ts';

const MAX_ENTRIES = 2000;
const cache = new Map<string, Promise<string>>();

/** Metadata of the certificate stored at `path` on `machine` (copies keep their own record). */
export function certAt(m: Machine | undefined, path: string): CertificateMeta | undefined {
  return m?.certs[path];
}

/** The CA that signed `meta`, as the machine knows it (its CA file record). */
export function issuerOf(m: Machine, meta: CertificateMeta): CertificateMeta | undefined {
  // Signed with `openssl x509 -req`: the CA record at signing time (src/pki/openssl-gen.ts).
  const signer = (meta as { readonly signer?: CertificateMeta }).signer;
  if (signer) return signer;
  if (meta.isCA && meta.issuer === meta.name) return meta;
  return (
    m.certs[caCertPath(meta.issuer)] ??
    Object.values(m.certs).find((c) => c.isCA && c.name === meta.issuer)
  );
}

/** PEM of a certificate record signed by `issuer` (cached by the records' contents). */
export function pemFor(meta: CertificateMeta, issuer: CertificateMeta): Promise<string> {
  const key = JSON.stringify([meta, issuer === meta ? null : issuer]);
  let pem = cache.get(key);
  if (pem === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const signer = issuer === meta ? 'self' : { meta: issuer, keyPoolEntry: keyById(issuer.keyId) };
    pem = materializeCertificate(meta, keyById(meta.keyId), signer);
    cache.set(key, pem);
  }
  return pem;
}

/** PEM of the certificate at `path` on `machine`, or undefined when there is no record. */
export async function certificatePemAt(
  state: ClusterState,
  machine: string,
  path: string,
): Promise<string | undefined> {
  const m = findMachine(state, machine);
  const meta = certAt(m, path);
  if (!m || !meta) return undefined;
  const issuer = issuerOf(m, meta);
  if (!issuer) return undefined;
  return pemFor(meta, issuer);
}
