/**
 * kubeconfig files as kubeadm writes them (kubeconfig.go buildKubeConfigFromSpec →
 * kubeconfigutil.CreateWithCerts → clientcmd.Write): cluster `kubernetes` (clusterName), user =
 * the client certificate's CN, context `<user>@<cluster>`, PEMs base64-encoded, keys sorted as
 * sigs.k8s.io/yaml emits them.
 */
import { toBase64, utf8 } from './der.ts';
import type { KeyPoolEntry } from './key-pool.ts';
import { privateKeyPem } from './key-files.ts';
import { materializeCertificate } from './materialize.ts';
import type { IssuerInput, MaterializeOptions } from './materialize.ts';
import type { CertificateMeta } from './specs.ts';

/** Options of {@link materializeKubeconfig}. */
export interface KubeconfigOptions extends MaterializeOptions {
  /** clusterName from ClusterConfiguration; default `kubernetes`. */
  readonly clusterName?: string;
  /** PEM of the CA certificate if already materialised (saves one signature). */
  readonly caPem?: string;
  /** API server URL; defaults to `meta.server`. */
  readonly server?: string;
}

/** Builds a kubeconfig YAML around a freshly materialised client certificate. */
export async function materializeKubeconfig(
  meta: CertificateMeta,
  keyPoolEntry: KeyPoolEntry,
  ca: IssuerInput,
  options: KubeconfigOptions = {},
): Promise<string> {
  const caPem =
    options.caPem ?? (await materializeCertificate(ca.meta, ca.keyPoolEntry, 'self', options));
  const clientPem = await materializeCertificate(meta, keyPoolEntry, ca, options);
  return formatKubeconfig({
    clusterName: options.clusterName ?? 'kubernetes',
    server: options.server ?? meta.server ?? '',
    userName: meta.subject.commonName,
    caPem,
    clientCertificatePem: clientPem,
    clientKeyPem: privateKeyPem(keyPoolEntry),
  });
}

/** Inputs of {@link formatKubeconfig}. */
export interface KubeconfigFields {
  readonly clusterName: string;
  readonly server: string;
  readonly userName: string;
  readonly caPem: string;
  readonly clientCertificatePem: string;
  readonly clientKeyPem: string;
}

/** The YAML text of a client-certificate kubeconfig (ends with a newline). */
export function formatKubeconfig(f: KubeconfigFields): string {
  const context = `${f.userName}@${f.clusterName}`;
  const b64 = (pem: string): string => toBase64(utf8(pem));
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${b64(f.caPem)}`,
    `    server: ${f.server}`,
    `  name: ${f.clusterName}`,
    'contexts:',
    '- context:',
    `    cluster: ${f.clusterName}`,
    `    user: ${f.userName}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${f.userName}`,
    '  user:',
    `    client-certificate-data: ${b64(f.clientCertificatePem)}`,
    `    client-key-data: ${b64(f.clientKeyPem)}`,
    '',
  ].join('\n');
}
