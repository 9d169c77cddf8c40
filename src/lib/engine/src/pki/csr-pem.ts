/**
 * PKCS#10 certificate requests (`openssl req -new`) as real PEM, signed with the simulation key
 * (RSASSA-PKCS1-v1_5/SHA-256, deterministic).
 */
import { fromPem } from './der.ts';
import type { KeyPoolEntry } from './key-pool.ts';
import type { CertificateSubject } from './specs.ts';
import { getWebCrypto, importRsaKey, RSA_SHA256 } from './web-crypto.ts';
import type { WebCryptoLike } from './web-crypto.ts';
import { loadX509 } from './x509-loader.ts';

/** `-----BEGIN CERTIFICATE REQUEST-----` for `subject`, signed by `key`. */
export async function materializeCsr(
  subject: CertificateSubject,
  key: KeyPoolEntry,
  injected?: WebCryptoLike,
): Promise<string> {
  const crypto = getWebCrypto(injected);
  const x509 = await loadX509();
  const privateKey = await importRsaKey(
    crypto,
    'pkcs8',
    key.id,
    fromPem(key.pkcs8Pem, 'PRIVATE KEY'),
  );
  // The generator exports the public key into the request, so this one must be extractable.
  const publicKey = await crypto.subtle.importKey(
    'spki',
    new Uint8Array(fromPem(key.spkiPem, 'PUBLIC KEY')),
    RSA_SHA256,
    true,
    ['verify'],
  );
  // openssl keeps the -subj order (CN first here).
  const name: Array<Record<string, string[]>> = [{ '2.5.4.3': [subject.commonName] }];
  if (subject.organizations.length > 0) name.push({ '2.5.4.10': [...subject.organizations] });
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    {
      name,
      keys: { privateKey, publicKey } as never,
      signingAlgorithm: RSA_SHA256,
    },
    crypto as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[1],
  );
  return csr.toString('pem').replace(/\r\n/g, '\n').trimEnd() + '\n';
}
