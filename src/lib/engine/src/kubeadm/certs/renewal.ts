/**
 * `kubeadm certs check-expiration` rows and `kubeadm certs renew` (cmd/kubeadm/app/cmd/certs.go,
 * phases/certs/renewal/manager.go): handlers sorted by name; kubeconfig certs signed by `ca`;
 * external CA = CA certificate without its key (etcd-ca never counts as external). Renewal keeps
 * CN/O/SANs/usages of the EXISTING certificate, issues a new key and serial, new dates from now.
 */
import type { CertificateMeta, ClusterState, Machine } from '../../model/state.ts';
import type { ExpirationRow } from '../../pki/check-expiration.ts';
import {
  CERTIFICATE_BACKDATE_MS,
  CERTIFICATE_SPECS,
  CERTIFICATE_VALIDITY_MS,
  KUBERNETES_DIR,
  PKI_DIR,
} from '../../pki/specs.ts';
import { createKeyPicker, randomSerialHex } from '../../pki/plan-certificates.ts';
import { createRng } from '../../random.ts';
import { text, type EngineEvent } from '../../events.ts';
import { type Transition, ok } from '../../commands/result.ts';
import { caCertPath, certificateFiles } from './refs.ts';
import { usedKeyIds } from './csr.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** One renewable certificate: kubeadm's CertificateRenewHandler. */
export interface RenewHandler {
  readonly name: string;
  readonly longName: string;
  readonly path: string;
  readonly caName: 'ca' | 'front-proxy-ca' | 'etcd-ca';
}

const KUBECONFIG_LONG_NAMES: Record<string, string> = {
  'admin.conf':
    'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself',
  'super-admin.conf': 'certificate embedded in the kubeconfig file for the super-admin',
  'controller-manager.conf':
    'certificate embedded in the kubeconfig file for the controller manager to use',
  'scheduler.conf': 'certificate embedded in the kubeconfig file for the scheduler manager to use',
};

/** Every handler, sorted by name as Manager.Certificates() returns them. */
export const RENEW_HANDLERS: readonly RenewHandler[] = [
  ...CERTIFICATE_SPECS.filter((s) => s.kind === 'leaf').map((s) => ({
    name: s.name,
    longName: s.longName,
    path: `${PKI_DIR}/${s.baseName}.crt`,
    caName: s.issuer,
  })),
  ...Object.entries(KUBECONFIG_LONG_NAMES).map(([name, longName]) => ({
    name,
    longName,
    path: `${KUBERNETES_DIR}/${name}`,
    caName: 'ca' as const,
  })),
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** CA rows: ca, etcd-ca, front-proxy-ca. */
export const CA_NAMES = ['ca', 'etcd-ca', 'front-proxy-ca'] as const;

/** CA certificate present, key absent (IsExternallyManaged; etcd-ca is never external). */
export function externallyManaged(m: Machine, caName: string): boolean {
  if (caName === 'etcd-ca') return false;
  const crt = caCertPath(caName);
  return m.files[crt] !== undefined && m.files[crt.replace(/\.crt$/, '.key')] === undefined;
}

function present(m: Machine, path: string): CertificateMeta | undefined {
  return m.files[path] !== undefined ? m.certs[path] : undefined;
}

/** Rows for both check-expiration tables. */
export function expirationRows(m: Machine): {
  certificates: ExpirationRow[];
  authorities: ExpirationRow[];
} {
  const certificates = RENEW_HANDLERS.map((h): ExpirationRow => {
    const meta = present(m, h.path);
    return meta
      ? {
          name: h.name,
          notAfter: meta.notAfter,
          caName: h.caName,
          externallyManaged: externallyManaged(m, h.caName),
        }
      : { name: h.name, notAfter: 0, missing: true };
  });
  const authorities = CA_NAMES.map((name): ExpirationRow => {
    const meta = present(m, caCertPath(name));
    return meta
      ? { name, notAfter: meta.notAfter, externallyManaged: externallyManaged(m, name) }
      : { name, notAfter: 0, missing: true };
  });
  return { certificates, authorities };
}

/** Renews one certificate record: same identity, new key, serial and validity window. */
export function renewedMeta(
  meta: CertificateMeta,
  now: number,
  keyId: string,
  serialHex: string,
): CertificateMeta {
  return {
    ...meta,
    notBefore: Math.floor((now - CERTIFICATE_BACKDATE_MS) / 1000) * 1000,
    notAfter: Math.floor((now + CERTIFICATE_VALIDITY_MS) / 1000) * 1000,
    keyId,
    serialHex,
  };
}

/**
 * Renews the certificates named by `names` on `machine` (kubeadm's renewal manager): each line of
 * the returned events is what `kubeadm certs renew` prints for it. Missing certificates and those
 * of an external CA are reported and left alone.
 */
export function renewCertificates(
  state: ClusterState,
  machine: string,
  names: readonly string[] | 'all',
): { state: ClusterState; events: EngineEvent[] } {
  const m = findMachine(state, machine);
  if (!m) return { state, events: [] };
  const handlers =
    names === 'all' ? RENEW_HANDLERS : RENEW_HANDLERS.filter((h) => names.includes(h.name));
  const rng = createRng(state.rng);
  const random = (): number => rng.next();
  const keys = createKeyPicker(random, usedKeyIds(state));
  const events: EngineEvent[] = [];
  let files = m.files;
  let certs = m.certs;
  for (const h of handlers) {
    const meta = files[h.path] !== undefined ? certs[h.path] : undefined;
    if (!meta) {
      events.push(text(`MISSING! ${h.longName}`));
      continue;
    }
    if (externallyManaged({ ...m, files }, h.caName)) {
      const caBase = h.caName === 'etcd-ca' ? 'etcd/ca' : h.caName;
      events.push(text(`Detected external ${caBase}, ${h.longName} can't be renewed`));
      continue;
    }
    const next = renewedMeta(meta, state.now, keys.next(), randomSerialHex(random));
    files = { ...files, ...certificateFiles(next) };
    if (next.kind === 'kubeconfig')
      files = {
        ...files,
        [h.path]: (files[h.path] ?? '').replace(
          /server: \S*/,
          `server: ${/server: (\S*)/.exec(m.files[h.path] ?? '')?.[1] ?? next.server ?? ''}`,
        ),
      };
    certs = { ...certs, [h.path]: next };
    events.push(text(`${h.longName} renewed`));
  }
  return {
    state: {
      ...state,
      rng: rng.state,
      machines: setKeyed(state.machines, machine, { ...m, files, certs }),
    },
    events,
  };
}

/**
 * `kubeadm certs renew <name>|all` on `machine`: prints one line per handler, as renewCert does.
 * `header` lines (reading the cluster configuration) are produced by the caller.
 */
export function applyCertsRenew(
  state: ClusterState,
  machine: string,
  name: string,
  header: readonly string[],
): Transition {
  if (!findMachine(state, machine)) return ok(state);
  const renewed = renewCertificates(state, machine, name === 'all' ? 'all' : [name]);
  const events: EngineEvent[] = [...header.map((l) => text(l)), ...renewed.events];
  if (name === 'all') {
    events.push(
      text(
        '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.',
      ),
    );
  }
  return ok(renewed.state, events);
}
