/**
 * CertificateSigningRequests (certificates.k8s.io/v1) as the cluster keeps them, and the kubelet
 * client TLS bootstrap that creates them. Upstream: k/website
 * content/en/docs/reference/access-authn-authz/certificate-signing-requests.md and
 * kubelet-tls-bootstrapping.md; kubelet bootstrap CSR name = "node-csr-" + digest
 * (k8s.io/kubernetes pkg/kubelet/certificate/bootstrap/bootstrap.go digestedName), later
 * rotations/serving CSRs use generateName "csr-".
 */
import { findCsr, putCsr } from '../../state/csrs.ts';
import type { CertificateMeta, ClusterState, Machine } from '../../model/state.ts';
import type { Rng } from '../../random.ts';
import { NAME_SUFFIX_ALPHABET } from '../../random.ts';
import { planOne, randomSerialHex, createKeyPicker } from '../../pki/plan-certificates.ts';
import type { CertificateSpec } from '../../pki/specs.ts';
import { certRef } from './refs.ts';
import { machineBuckets } from '../../state/machines.ts';
import { keyPool } from '../../pki/key-pool.ts';

export type { CertificateSigningRequest } from '../../model/api-records.ts';
import type { CertificateSigningRequest } from '../../model/api-records.ts';

/** Signer of kubelet client certificates (auto-approved by kube-controller-manager). */
export const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';
/** Signer of kubelet serving certificates (never auto-approved by the built-in approver). */
export const KUBELET_SERVING_SIGNER = 'kubernetes.io/kubelet-serving';
/** Where the kubelet keeps its rotated client certificate (symlink to the dated file). */
export const KUBELET_CLIENT_CURRENT = '/var/lib/kubelet/pki/kubelet-client-current.pem';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `node-csr-<43 base64url chars>` for the bootstrap CSR, `csr-<5>` otherwise. */
export function csrName(rng: Rng, bootstrap: boolean): string {
  return bootstrap
    ? `node-csr-${rng.pick(B64URL, 43)}`
    : `csr-${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
}

const KUBELET_CLIENT_SPEC: CertificateSpec = {
  name: 'kubelet-client',
  kind: 'leaf',
  longName: 'kubelet client certificate',
  baseName: 'kubelet-client',
  issuer: 'ca',
  commonName: 'system:node:{nodeName}',
  organizations: ['system:nodes'],
  extKeyUsages: ['clientAuth'],
  altNames: 'none',
};

/** Key ids of the certificates of one bucket of machines, by bucket (buckets are immutable). */
const bucketKeyIds = new WeakMap<object, readonly string[]>();

function keyIdsOf(bucket: Readonly<Record<string, Machine>>): readonly string[] {
  const hit = bucketKeyIds.get(bucket);
  if (hit) return hit;
  const ids = new Set<string>();
  for (const m of Object.values(bucket)) for (const c of Object.values(m.certs)) ids.add(c.keyId);
  const list = [...ids];
  bucketKeyIds.set(bucket, list);
  return list;
}

/** Every simulation key id in use anywhere, so new certificates get fresh keys. */
export function usedKeyIds(state: ClusterState): string[] {
  // Once every pool key is in use the answer cannot change (the picker then reuses the whole
  // pool), so stop there: in a big cluster that is after a few hundred machines, not all 5,000.
  // Each bucket's key ids are computed once per bucket: a join rewrites one bucket of machines.
  const used = new Set<string>();
  let inPool = 0;
  for (const bucket of machineBuckets(state)) {
    for (const id of keyIdsOf(bucket)) {
      if (!used.has(id)) {
        used.add(id);
        if (POOL_IDS.has(id)) inPool++;
      }
    }
    if (inPool === POOL_IDS.size) break;
  }
  return [...used];
}

const POOL_IDS: ReadonlySet<string> = new Set(keyPool.map((k) => k.id));

/**
 * The kubelet's client certificate, issued by the cluster CA through an approved CSR and written
 * to kubelet-client-current.pem (certificate and key in one file).
 */
export function issueKubeletClientCert(
  state: ClusterState,
  machine: Machine,
  node: string,
  ip: string,
  rng: Rng,
  now: number,
): Machine {
  const random = (): number => rng.next();
  const keyId = createKeyPicker(random, usedKeyIds(state)).next();
  const meta: CertificateMeta = {
    ...planOne(
      KUBELET_CLIENT_SPEC,
      { nodeName: node, advertiseAddress: ip, now, random },
      keyId,
      randomSerialHex(random),
    ),
    path: KUBELET_CLIENT_CURRENT,
    keyPath: KUBELET_CLIENT_CURRENT,
  };
  return {
    ...machine,
    files: {
      ...machine.files,
      [KUBELET_CLIENT_CURRENT]: `${certRef(KUBELET_CLIENT_CURRENT)}\n@pki:key:${keyId}`,
    },
    certs: { ...machine.certs, [KUBELET_CLIENT_CURRENT]: meta },
  };
}

/** Adds a CSR to the cluster (no-op before init). */
export function addCsr(state: ClusterState, csr: CertificateSigningRequest): ClusterState {
  return putCsr(state, csr);
}

/**
 * `kubectl certificate approve|deny NAME…`: sets the condition; the kubelet-serving and client
 * signers in kube-controller-manager then issue approved requests (`Approved,Issued`).
 */
export function applyCsrDecision(
  state: ClusterState,
  names: readonly string[],
  approve: boolean,
): ClusterState {
  let next = state;
  for (const name of names) {
    const r = findCsr(next, name);
    if (r?.condition === 'Pending')
      next = putCsr(
        next,
        approve
          ? { ...r, condition: 'Approved,Issued', approvedBy: 'kubectl' }
          : { ...r, condition: 'Denied' },
      );
  }
  return next;
}
