/**
 * Pure planner: a node's kubeadm configuration → certificate metadata records. Randomness (serials,
 * simulation keys) only comes from the caller's seeded `random`, so the plan is reproducible.
 * Upstream: cmd/kubeadm/app/phases/certs/certlist.go (GetConfig: notBefore = start − CertificateBackdate,
 * notAfter = start + validity), cmd/kubeadm/app/util/pkiutil/pki_helpers.go (SANs, key usages).
 */
import { keyPool } from './key-pool.ts';
import { apiServerVirtualIp, canonicalIp, httpsUrl, splitHostPort } from './net.ts';
import {
  CA_CERTIFICATE_VALIDITY_MS,
  CERTIFICATE_BACKDATE_MS,
  CERTIFICATE_SPECS,
  CERTIFICATE_VALIDITY_MS,
  KUBERNETES_DIR,
  PKI_DIR,
} from './specs.ts';
import type {
  CertificateMeta,
  CertificatePlan,
  CertificateSpec,
  KeyUsage,
  PlanCertificatesInput,
} from './specs.ts';

/** Plans every certificate kubeadm creates for one control-plane node (see {@link CertificatePlan}). */
export function planCertificates(input: PlanCertificatesInput): CertificatePlan {
  const keys = createKeyPicker(input.random, input.usedKeyIds ?? []);
  const existing = new Map((input.existingCAs ?? []).map((ca) => [ca.name, ca]));
  const wanted = CERTIFICATE_SPECS.filter((spec) => {
    if (spec.only === 'localEtcd') return input.localEtcd ?? true;
    if (spec.only === 'superAdmin') return input.superAdmin ?? true;
    if (spec.only === 'kubeletConf') return input.kubeletConf ?? true;
    return true;
  });
  const certificates: CertificateMeta[] = [];
  for (const spec of wanted) {
    const reused = spec.kind === 'ca' ? existing.get(spec.name) : undefined;
    if (reused) {
      certificates.push(reused);
      continue;
    }
    const keyId = keys.next();
    certificates.push(planOne(spec, input, keyId, randomSerialHex(input.random)));
  }
  if (existing.size > 0) return { certificates };
  return {
    certificates,
    serviceAccountKey: {
      name: 'sa',
      keyPath: `${PKI_DIR}/sa.key`,
      publicKeyPath: `${PKI_DIR}/sa.pub`,
      keyId: keys.next(),
    },
  };
}

/** Plans a single certificate from its spec (used by renewals too: same CN/O/SANs, new dates). */
export function planOne(
  spec: CertificateSpec,
  input: PlanCertificatesInput,
  keyId: string,
  serialHex: string,
): CertificateMeta {
  const isCA = spec.kind === 'ca';
  const commonName = spec.commonName.replaceAll('{nodeName}', input.nodeName);
  const { dnsNames, ipAddresses } = altNames(spec, commonName, input);
  const keyUsages: KeyUsage[] = isCA
    ? ['digitalSignature', 'keyEncipherment', 'keyCertSign']
    : ['digitalSignature', 'keyEncipherment'];
  const path =
    spec.kind === 'kubeconfig'
      ? `${KUBERNETES_DIR}/${spec.baseName}`
      : `${PKI_DIR}/${spec.baseName}.crt`;
  const meta: CertificateMeta = {
    name: spec.name,
    kind: spec.kind,
    path,
    keyPath: spec.kind === 'kubeconfig' ? path : `${PKI_DIR}/${spec.baseName}.key`,
    subject: { commonName, organizations: [...spec.organizations] },
    issuer: spec.issuer,
    dnsNames,
    ipAddresses,
    notBefore: floorToSecond(input.now - CERTIFICATE_BACKDATE_MS),
    notAfter: floorToSecond(
      input.now + (isCA ? CA_CERTIFICATE_VALIDITY_MS : CERTIFICATE_VALIDITY_MS),
    ),
    isCA,
    keyUsages,
    extKeyUsages: [...spec.extKeyUsages],
    serialHex,
    keyId,
  };
  return spec.server ? { ...meta, server: serverUrl(spec.server, input) } : meta;
}

function altNames(
  spec: CertificateSpec,
  commonName: string,
  input: PlanCertificatesInput,
): { dnsNames: string[]; ipAddresses: string[] } {
  const advertise = canonicalIp(input.advertiseAddress);
  if (spec.altNames === 'none') return { dnsNames: [], ipAddresses: [] };
  // NewSelfSignedCACert: DNSNames = [CommonName], no de-duplication or sorting.
  if (spec.altNames === 'self') return { dnsNames: [commonName], ipAddresses: [] };
  if (advertise === undefined) {
    throw new Error(
      `error parsing LocalAPIEndpoint AdvertiseAddress ${input.advertiseAddress}: is not a valid textual representation of an IP address`,
    );
  }
  const dns: string[] = [];
  const ips: string[] = [];
  const addSan = (san: string): void => {
    const ip = canonicalIp(san);
    if (ip !== undefined) ips.push(ip);
    else dns.push(san);
  };
  if (spec.altNames === 'etcd') {
    dns.push(input.nodeName, 'localhost');
    ips.push(advertise, '127.0.0.1', '::1');
  } else {
    const domain = input.dnsDomain ?? 'cluster.local';
    dns.push(
      input.nodeName,
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      `kubernetes.default.svc.${domain}`,
    );
    ips.push(apiServerVirtualIp(input.serviceSubnet ?? '10.96.0.0/12'), advertise);
    if (input.controlPlaneEndpoint) addSan(splitHostPort(input.controlPlaneEndpoint).host);
    for (const san of input.apiServerCertSANs ?? []) addSan(san);
  }
  // RemoveDuplicateAltNames: sets.List → DNS names sorted + unique; IPs unique in first-seen order.
  return { dnsNames: [...new Set(dns)].sort(), ipAddresses: [...new Set(ips)] };
}

function serverUrl(
  kind: 'controlPlaneEndpoint' | 'localAPIEndpoint',
  input: PlanCertificatesInput,
) {
  const bindPort = input.bindPort ?? 6443;
  if (kind === 'controlPlaneEndpoint' && input.controlPlaneEndpoint) {
    const { host, port } = splitHostPort(input.controlPlaneEndpoint);
    return httpsUrl(host, port ?? bindPort);
  }
  return httpsUrl(canonicalIp(input.advertiseAddress) ?? input.advertiseAddress, bindPort);
}

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * A random serial in [1, 2^63) as lowercase hex, like kubeadm's cryptorand.Int(MaxInt64-1)+1,
 * from two draws of the caller's RNG (31 + 32 bits; floats only carry 53 bits).
 */
export function randomSerialHex(random: () => number): string {
  const high = BigInt(Math.floor(random() * 2 ** 31));
  const low = BigInt(Math.floor(random() * 2 ** 32));
  const serial = (high << 32n) | low;
  return (serial === 0n ? 1n : serial).toString(16);
}

/** Picks distinct simulation keys with the caller's RNG, avoiding ids already in use. */
export function createKeyPicker(
  random: () => number,
  usedKeyIds: readonly string[],
): { next(): string } {
  const used = new Set(usedKeyIds);
  return {
    next(): string {
      let free = keyPool.filter((k) => !used.has(k.id));
      // A 64-key pool covers several control planes; beyond that, reuse rather than fail.
      if (free.length === 0) free = [...keyPool];
      const entry = free[Math.floor(random() * free.length)] ?? free[0];
      if (entry === undefined) throw new Error('key pool is empty');
      used.add(entry.id);
      return entry.id;
    },
  };
}
