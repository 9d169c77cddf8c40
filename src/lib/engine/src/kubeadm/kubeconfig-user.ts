/**
 * `kubeadm kubeconfig user`: a client certificate for an additional user, signed by the cluster
 * CA found in certificatesDir, for a kubeconfig the command prints (cmd/kubeadm/app/cmd/
 * kubeconfig.go newCmdUserKubeConfig → phases/kubeconfig/kubeconfig.go
 * WriteKubeConfigWithClientCert, v1.31+: notAfter = start time + --validity-period).
 *
 * The certificate record is kept in the machine's certificate records under a key of its own
 * (no file holds it): the shell builds the printed kubeconfig from it, and the PEM is rebuilt
 * from the record like every other certificate of the simulation.
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { createRng } from '../random.ts';
import { createKeyPicker, randomSerialHex } from '../pki/plan-certificates.ts';
import { CERTIFICATE_BACKDATE_MS, type CertificateMeta } from '../pki/specs.ts';
import { findMachine } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';
import { usedKeyIds } from './certs/csr.ts';

/** Prefix of the record keys of user certificates (`<prefix><serial>`). */
export const USER_CERT_PREFIX = 'kubeadm-kubeconfig-user:';

/** What `kubeadm kubeconfig user` resolved from its flags and configuration. */
export interface KubeconfigUserOptions {
  readonly clientName: string;
  readonly organizations: readonly string[];
  readonly validityMs: number;
  /** ClusterConfiguration.certificatesDir. */
  readonly certificatesDir: string;
  /** `https://host:port` (GetControlPlaneEndpoint). */
  readonly server: string;
}

const floorToSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** pkiutil.TryLoadCertAndKeyFromDisk's error for a missing file, wrapped as kubeconfig.go does. */
function missing(file: string, what: 'certificate' | 'key'): Transition {
  const load = what === 'key' ? 'private key' : 'certificate';
  return fail(
    new EngineError('Kubeadm', {
      message: `couldn't create a kubeconfig; the CA files couldn't be loaded: failed to load ${what}: couldn't load the ${load} file ${file}: open ${file}: no such file or directory`,
    }),
  );
}

/** Signs the user's client certificate; the new record's key is in the returned state. */
export function applyKubeconfigUser(
  state: ClusterState,
  machine: string,
  o: KubeconfigUserOptions,
): Transition {
  const m = findMachine(state, machine);
  const dir = o.certificatesDir.replace(/\/+$/, '');
  const caPath = `${dir}/ca.crt`;
  const keyPath = `${dir}/ca.key`;
  const ca = m?.certs[caPath];
  if (!m || m.files[caPath] === undefined || !ca) return missing(caPath, 'certificate');
  if (m.files[keyPath] === undefined) return missing(keyPath, 'key');
  const rng = createRng(state.rng);
  const random = (): number => rng.next();
  const keyId = createKeyPicker(random, usedKeyIds(state)).next();
  const serialHex = randomSerialHex(random);
  const path = `${USER_CERT_PREFIX}${serialHex}`;
  const meta: CertificateMeta & { readonly signer: CertificateMeta } = {
    name: o.clientName,
    kind: 'kubeconfig',
    path,
    keyPath: path,
    subject: { commonName: o.clientName, organizations: [...o.organizations] },
    issuer: 'ca',
    dnsNames: [],
    ipAddresses: [],
    notBefore: floorToSecond(state.now - CERTIFICATE_BACKDATE_MS),
    notAfter: floorToSecond(state.now + o.validityMs),
    isCA: false,
    keyUsages: ['digitalSignature', 'keyEncipherment'],
    extKeyUsages: ['clientAuth'],
    serialHex,
    keyId,
    server: o.server,
    signer: ca,
  };
  return ok({
    ...state,
    machines: setKeyed(state.machines, m.name, { ...m, certs: { ...m.certs, [path]: meta } }),
    rng: rng.state,
  });
}
