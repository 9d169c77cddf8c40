/**
 * Materialises a whole {@link CertificatePlan} into the files kubeadm leaves on disk:
 * `<pki>/*.crt|.key`, `etcd/*`, `sa.key|sa.pub` and the kubeconfig files. Returns path → content.
 */
import { keyPool } from './key-pool.ts';
import type { KeyPoolEntry } from './key-pool.ts';
import { privateKeyPem, publicKeyPem } from './key-files.ts';
import { formatKubeconfig } from './kubeconfig.ts';
import { materializeCertificate } from './materialize.ts';
import type { MaterializeOptions } from './materialize.ts';
import type { CertificateMeta, CertificatePlan } from './specs.ts';

/** Looks up a simulation key by id; throws for unknown ids. */
export function keyById(id: string): KeyPoolEntry {
  const entry = keyPool.find((k) => k.id === id);
  if (!entry) throw new Error(`unknown simulation key ${id}`);
  return entry;
}

/** All files for a plan, keyed by absolute path (insertion order = plan order). */
export async function materializePlan(
  plan: CertificatePlan,
  options: MaterializeOptions & { readonly clusterName?: string } = {},
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const cas = new Map<string, { meta: CertificateMeta; pem: string }>();
  for (const meta of plan.certificates.filter((c) => c.isCA)) {
    const pem = await materializeCertificate(meta, keyById(meta.keyId), 'self', options);
    cas.set(meta.name, { meta, pem });
    files[meta.path] = pem;
    files[meta.keyPath] = privateKeyPem(keyById(meta.keyId));
  }
  for (const meta of plan.certificates.filter((c) => !c.isCA)) {
    const ca = cas.get(meta.issuer);
    if (!ca) throw new Error(`certificate "${meta.name}" references unknown CA "${meta.issuer}"`);
    const issuer = { meta: ca.meta, keyPoolEntry: keyById(ca.meta.keyId) };
    const pem = await materializeCertificate(meta, keyById(meta.keyId), issuer, options);
    const keyPem = privateKeyPem(keyById(meta.keyId));
    if (meta.kind === 'kubeconfig') {
      files[meta.path] = formatKubeconfig({
        clusterName: options.clusterName ?? 'kubernetes',
        server: meta.server ?? '',
        userName: meta.subject.commonName,
        caPem: ca.pem,
        clientCertificatePem: pem,
        clientKeyPem: keyPem,
      });
    } else {
      files[meta.path] = pem;
      files[meta.keyPath] = keyPem;
    }
  }
  if (plan.serviceAccountKey) {
    const sa = keyById(plan.serviceAccountKey.keyId);
    files[plan.serviceAccountKey.keyPath] = privateKeyPem(sa);
    files[plan.serviceAccountKey.publicKeyPath] = publicKeyPem(sa);
  }
  return files;
}
