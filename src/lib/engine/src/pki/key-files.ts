/**
 * Key file contents as kubeadm writes them (client-go keyutil.MarshalPrivateKeyToPEM: RSA keys
 * as PKCS#1 `RSA PRIVATE KEY`; pkiutil.EncodePublicKeyPEM: `PUBLIC KEY` SubjectPublicKeyInfo).
 */
import { children, fromPem, readTlv, toHex, toPem } from './der.ts';
import type { KeyPoolEntry } from './key-pool.ts';

/** `ca.key`, `apiserver.key`, `sa.key`, client-key-data…: PKCS#1 PEM of a pool key. */
export function privateKeyPem(entry: KeyPoolEntry): string {
  // PrivateKeyInfo ::= SEQUENCE { version, algorithm, privateKey OCTET STRING (RSAPrivateKey) }
  const info = readTlv(fromPem(entry.pkcs8Pem, 'PRIVATE KEY'));
  const rsaPrivateKey = children(info)[2];
  if (rsaPrivateKey === undefined) throw new Error(`malformed PKCS#8 key ${entry.id}`);
  return toPem(rsaPrivateKey.content, 'RSA PRIVATE KEY');
}

/** `sa.pub`: SubjectPublicKeyInfo PEM of a pool key. */
export function publicKeyPem(entry: KeyPoolEntry): string {
  return entry.spkiPem;
}

/**
 * The value kubeadm prints in `--discovery-token-ca-cert-hash`: `sha256:` + hex SHA-256 of the CA
 * certificate's DER SubjectPublicKeyInfo (pubkeypin.Hash).
 */
export function caCertHash(caKey: KeyPoolEntry): string {
  return `sha256:${caKey.spkiSha256Hex}`;
}

/** Modulus (hex, no leading zero) and public exponent of a pool key, for `openssl rsa -text`-like uses. */
export function rsaPublicNumbers(entry: KeyPoolEntry): { modulusHex: string; exponent: number } {
  const spki = readTlv(fromPem(entry.spkiPem, 'PUBLIC KEY'));
  const bitString = children(spki)[1];
  if (bitString === undefined) throw new Error(`malformed SPKI ${entry.id}`);
  const [modulus, exponent] = children(readTlv(bitString.content.subarray(1)));
  if (!modulus || !exponent) throw new Error(`malformed RSA public key ${entry.id}`);
  return {
    modulusHex: toHex(modulus.content).replace(/^00/, ''),
    exponent: parseInt(toHex(exponent.content), 16),
  };
}
