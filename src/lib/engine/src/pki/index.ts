/**
 * kubelife PKI: kubeadm's certificate tree as data, real X.509 from shipped simulation keys,
 * and the text openssl / kubeadm print about certificates. Named re-exports only.
 */
export { keyPool, pickKey } from './key-pool.ts';
export type { KeyPoolEntry } from './key-pool.ts';
export {
  CERTIFICATE_SPECS,
  CERTIFICATE_VALIDITY_MS,
  CA_CERTIFICATE_VALIDITY_MS,
  CERTIFICATE_BACKDATE_MS,
  CLUSTER_ADMINS_GROUP,
  SYSTEM_MASTERS_GROUP,
  PKI_DIR,
  KUBERNETES_DIR,
} from './specs.ts';
export type {
  CertificateMeta,
  CertificatePlan,
  CertificateSpec,
  CertificateSubject,
  KeyPairMeta,
  PlanCertificatesInput,
  CaName,
  KeyUsage,
  ExtKeyUsage,
} from './specs.ts';
export {
  planCertificates,
  planOne,
  randomSerialHex,
  createKeyPicker,
} from './plan-certificates.ts';
export { materializeCertificate } from './materialize.ts';
export type { IssuerInput, MaterializeOptions } from './materialize.ts';
export { materializeKubeconfig, formatKubeconfig } from './kubeconfig.ts';
export type { KubeconfigOptions, KubeconfigFields } from './kubeconfig.ts';
export { materializePlan, keyById } from './materialize-plan.ts';
export { privateKeyPem, publicKeyPem, caCertHash, rsaPublicNumbers } from './key-files.ts';
export { parseCertificatePem, parseCertificateDer } from './parse-certificate.ts';
export type { ParsedCertificate, NameAttribute, ParsedExtension } from './parse-certificate.ts';
export {
  formatName,
  formatOpensslTime,
  formatSubject,
  formatIssuer,
  formatStartDate,
  formatEndDate,
  formatSerial,
  formatModulus,
  formatPubkey,
  formatCheckEnd,
  formatExt,
  formatText,
} from './openssl-format.ts';
export { runOpensslX509 } from './openssl-x509-command.ts';
export type { CommandOutput } from './openssl-x509-command.ts';
export { runOpensslVerify, VERIFY_ERRORS } from './openssl-verify.ts';
export type { VerifyTarget } from './openssl-verify.ts';
export {
  formatCheckExpiration,
  formatKubeadmDate,
  shortHumanDuration,
} from './check-expiration.ts';
export type { ExpirationRow } from './check-expiration.ts';
export { formatTabwriter } from './tabwriter.ts';
export { getWebCrypto } from './web-crypto.ts';
export type { WebCryptoLike } from './web-crypto.ts';
