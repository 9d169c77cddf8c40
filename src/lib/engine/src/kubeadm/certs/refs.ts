/**
 * How certificate material lives in the state: files hold short `@pki:` references and the
 * metadata records sit in `machine.certs` (plain JSON); the shell turns references into real PEM
 * on read (shell/pki-source.ts). Kubeconfig text is kept whole so tools can read `server:`.
 * Layout of a kubeconfig: cmd/kubeadm/app/util/kubeconfig/kubeconfig.go (CreateWithCerts).
 */
import type { CertificateMeta, KeyPairMeta } from '../../pki/specs.ts';

/** `@pki:cert:<path>`: the PEM of the certificate whose metadata is `machine.certs[path]`. */
export const certRef = (path: string): string => `@pki:cert:${path}`;
/** `@pki:key:<keyId>`: the PKCS#1 PEM of a simulation key (kubeadm writes `RSA PRIVATE KEY`). */
export const keyRef = (keyId: string): string => `@pki:key:${keyId}`;
/** `@pki:pub:<keyId>`: a public key PEM (`sa.pub`). */
export const pubRef = (keyId: string): string => `@pki:pub:${keyId}`;
/** `@pki:b64cert:<path>`: base64 of the certificate PEM (kubeconfig `*-data` fields). */
export const b64CertRef = (path: string): string => `@pki:b64cert:${path}`;
/** `@pki:b64key:<keyId>`: base64 of the private key PEM. */
export const b64KeyRef = (keyId: string): string => `@pki:b64key:${keyId}`;

/** Files of a CA or leaf certificate: `.crt` and `.key` (kubeconfig certs live inside the .conf). */
export function certificateFiles(meta: CertificateMeta, withKey = true): Record<string, string> {
  if (meta.kind === 'kubeconfig') return { [meta.path]: kubeconfigText(meta) };
  const files: Record<string, string> = { [meta.path]: certRef(meta.path) };
  if (withKey) files[meta.keyPath] = keyRef(meta.keyId);
  return files;
}

/** `sa.key` / `sa.pub`. */
export function serviceAccountFiles(sa: KeyPairMeta): Record<string, string> {
  return { [sa.keyPath]: keyRef(sa.keyId), [sa.publicKeyPath]: pubRef(sa.keyId) };
}

/** Path of a CA's certificate file (`ca` → pki/ca.crt, `etcd-ca` → pki/etcd/ca.crt). */
export function caCertPath(caName: string): string {
  const base = caName === 'etcd-ca' ? 'etcd/ca' : caName;
  return `/etc/kubernetes/pki/${base}.crt`;
}

/**
 * A client-certificate kubeconfig as kubeadm writes it (same layout as pki/kubeconfig.ts
 * formatKubeconfig), with references where the base64 data goes.
 */
export function kubeconfigText(meta: CertificateMeta, clusterName = 'kubernetes'): string {
  const user = meta.subject.commonName;
  const context = `${user}@${clusterName}`;
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${b64CertRef(caCertPath(meta.issuer))}`,
    `    server: ${meta.server ?? ''}`,
    `  name: ${clusterName}`,
    'contexts:',
    '- context:',
    `    cluster: ${clusterName}`,
    `    user: ${user}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    `    client-certificate-data: ${b64CertRef(meta.path)}`,
    `    client-key-data: ${b64KeyRef(meta.keyId)}`,
    '',
  ].join('\n');
}
