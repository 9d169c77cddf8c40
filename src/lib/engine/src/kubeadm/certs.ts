/**
 * Certificate metadata kubeadm init creates (cmd/kubeadm/app/phases/certs/certs.go,
 * GetDefaultCertList): names, subjects, SANs and lifetimes. Keys come from the shipped pool,
 * chosen by the seeded RNG; real PEMs are materialised later from this metadata.
 */
import type { CertificateMeta } from '../model/state.ts';
import type { Rng } from '../random.ts';
import { keyPool } from '../pki/key-pool.ts';

const DAY = 86_400_000;
/** kubeadm's CertificateValidityPeriod: one year. */
export const CERT_VALIDITY_MS = 365 * DAY;
/** kubeadm's CACertificateValidityPeriod: ten years. */
export const CA_VALIDITY_MS = 10 * 365 * DAY;
/** kubeadm backdates NotBefore to tolerate clock skew between machines. */
export const CERT_BACKDATE_MS = 5 * 60_000;

/** One certificate of the default list, in generation order (CAs before what they sign). */
export interface CertSpec {
  readonly name: string;
  /** File base name under /etc/kubernetes/pki, e.g. "etcd/server". */
  readonly baseName: string;
  readonly ca: string | null;
  readonly cn: (node: string) => string;
  readonly o?: readonly string[];
  /** Serving certificates print their SANs during init. */
  readonly serving?: boolean;
}

/** kubeadm's default certificate list for a stacked-etcd control plane. */
export const CERT_SPECS: readonly CertSpec[] = [
  { name: 'ca', baseName: 'ca', ca: null, cn: () => 'kubernetes' },
  { name: 'apiserver', baseName: 'apiserver', ca: 'ca', cn: () => 'kube-apiserver', serving: true },
  { name: 'apiserver-kubelet-client', baseName: 'apiserver-kubelet-client', ca: 'ca', cn: () => 'kube-apiserver-kubelet-client', o: ['kubeadm:cluster-admins'] },
  { name: 'front-proxy-ca', baseName: 'front-proxy-ca', ca: null, cn: () => 'front-proxy-ca' },
  { name: 'front-proxy-client', baseName: 'front-proxy-client', ca: 'front-proxy-ca', cn: () => 'front-proxy-client' },
  { name: 'etcd-ca', baseName: 'etcd/ca', ca: null, cn: () => 'etcd-ca' },
  { name: 'etcd-server', baseName: 'etcd/server', ca: 'etcd-ca', cn: (n) => n, serving: true },
  { name: 'etcd-peer', baseName: 'etcd/peer', ca: 'etcd-ca', cn: (n) => n, serving: true },
  { name: 'etcd-healthcheck-client', baseName: 'etcd/healthcheck-client', ca: 'etcd-ca', cn: () => 'kube-etcd-healthcheck-client' },
  { name: 'apiserver-etcd-client', baseName: 'apiserver-etcd-client', ca: 'etcd-ca', cn: () => 'kube-apiserver-etcd-client' },
];

/** Where the API server's and etcd's SANs come from. */
export interface SanInput {
  readonly node: string;
  readonly advertiseAddress: string;
  readonly serviceIP: string;
  readonly controlPlaneEndpointHost: string | null;
}

const isIP = (s: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(s) || s.includes(':');

/** SANs of a serving certificate, ordered as kubeadm prints them (DNS names sorted). */
export function sansFor(spec: CertSpec, input: SanInput): { dnsNames: string[]; ips: string[] } {
  if (spec.name === 'apiserver') {
    const dns = [input.node, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
    const ips = [input.serviceIP, input.advertiseAddress];
    const ep = input.controlPlaneEndpointHost;
    if (ep) {
      if (isIP(ep)) {
        if (!ips.includes(ep)) ips.push(ep);
      } else if (!dns.includes(ep)) dns.push(ep);
    }
    return { dnsNames: dns.sort(), ips };
  }
  if (spec.name === 'etcd-server' || spec.name === 'etcd-peer') {
    return { dnsNames: [input.node, 'localhost'].sort(), ips: [input.advertiseAddress, '127.0.0.1', '::1'] };
  }
  return { dnsNames: [], ips: [] };
}

/** Builds certificate metadata, drawing a pool key and a serial from the RNG. */
export function makeCert(
  spec: CertSpec,
  input: SanInput,
  now: number,
  rng: Rng,
): CertificateMeta {
  const key = keyPool[rng.int(keyPool.length)];
  const { dnsNames, ips } = sansFor(spec, input);
  const serial = String(BigInt(rng.int(2 ** 31)) * 4294967296n + BigInt(rng.int(2 ** 32)));
  return {
    name: spec.baseName,
    subject: spec.o ? { cn: spec.cn(input.node), o: spec.o } : { cn: spec.cn(input.node) },
    issuer: spec.ca ? (CERT_SPECS.find((c) => c.name === spec.ca)?.baseName ?? spec.ca) : spec.baseName,
    dnsNames,
    ips,
    notBefore: now - CERT_BACKDATE_MS,
    notAfter: now + (spec.ca ? CERT_VALIDITY_MS : CA_VALIDITY_MS),
    serial,
    keyId: key?.id ?? 'sim-rsa2048-00',
    isCA: spec.ca === null,
  };
}

/** Looks up a pool key by id. */
export function poolKey(id: string): (typeof keyPool)[number] | undefined {
  return keyPool.find((k) => k.id === id);
}
