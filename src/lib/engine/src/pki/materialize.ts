/**
 * Turns certificate metadata into real, verifiable X.509 PEM, byte-for-byte in the shape Go's
 * crypto/x509 gives kubeadm's certificates (extension order and encoding of x509.CreateCertificate):
 * KeyUsage (critical), ExtKeyUsage, BasicConstraints (critical), SubjectKeyId (CAs only: SHA-1 of
 * the public key bits), AuthorityKeyId (non-self-signed: the issuer's SubjectKeyId), SAN (DNS
 * names, then IPs). Signed with RSASSA-PKCS1-v1_5/SHA-256, so the same inputs give the same PEM.
 */
import { concat, fromPem, oid, readTlv, sequence, children, tlv, utf8 } from './der.ts';
import type { KeyPoolEntry } from './key-pool.ts';
import { parseIp } from './net.ts';
import type { CertificateMeta, ExtKeyUsage, KeyUsage } from './specs.ts';
import { getWebCrypto, importRsaKey, RSA_SHA256 } from './web-crypto.ts';
import type { WebCryptoLike } from './web-crypto.ts';
import { loadX509 } from './x509-loader.ts';

/** The CA that signs a certificate: its metadata and its simulation key. */
export interface IssuerInput {
  readonly meta: CertificateMeta;
  readonly keyPoolEntry: KeyPoolEntry;
}

/** Options shared by the materialise functions. */
export interface MaterializeOptions {
  /** WebCrypto to use; defaults to `globalThis.crypto` (see getWebCrypto). */
  readonly crypto?: WebCryptoLike;
}

const KEY_USAGE_BITS: Record<KeyUsage, number> = {
  digitalSignature: 0,
  keyEncipherment: 2,
  keyCertSign: 5,
};
const EXT_KEY_USAGE_OIDS: Record<ExtKeyUsage, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/**
 * Materialises one certificate as PEM (`-----BEGIN CERTIFICATE-----`), signed by `issuer`'s key,
 * or by its own key when `issuer` is `'self'` (CAs).
 */
export async function materializeCertificate(
  meta: CertificateMeta,
  keyPoolEntry: KeyPoolEntry,
  issuer: IssuerInput | 'self',
  options: MaterializeOptions = {},
): Promise<string> {
  const crypto = getWebCrypto(options.crypto);
  const x509 = await loadX509();
  const signer = issuer === 'self' ? { meta, keyPoolEntry } : issuer;
  const spki = fromPem(keyPoolEntry.spkiPem, 'PUBLIC KEY');
  const signingKey = await importRsaKey(
    crypto,
    'pkcs8',
    signer.keyPoolEntry.id,
    fromPem(signer.keyPoolEntry.pkcs8Pem, 'PRIVATE KEY'),
  );

  const extensions: Array<[string, boolean, Uint8Array]> = [
    ['2.5.29.15', true, keyUsageValue(meta.keyUsages)],
  ];
  if (meta.extKeyUsages.length > 0) {
    extensions.push([
      '2.5.29.37',
      false,
      sequence(...meta.extKeyUsages.map((u) => oid(EXT_KEY_USAGE_OIDS[u]))),
    ]);
  }
  extensions.push([
    '2.5.29.19',
    true,
    meta.isCA ? sequence(tlv(0x01, Uint8Array.of(0xff))) : sequence(),
  ]);
  if (meta.isCA) extensions.push(['2.5.29.14', false, tlv(0x04, await subjectKeyId(crypto, spki))]);
  if (issuer !== 'self' && issuer.meta.isCA) {
    const issuerSpki = fromPem(issuer.keyPoolEntry.spkiPem, 'PUBLIC KEY');
    extensions.push([
      '2.5.29.35',
      false,
      sequence(tlv(0x80, await subjectKeyId(crypto, issuerSpki))),
    ]);
  }
  const san = subjectAltNameValue(meta);
  if (san) extensions.push(['2.5.29.17', false, san]);

  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: meta.serialHex.length % 2 ? `0${meta.serialHex}` : meta.serialHex,
      subject: nameJson(meta),
      issuer: nameJson(signer.meta),
      notBefore: new Date(meta.notBefore),
      notAfter: new Date(meta.notAfter),
      // A copy is ArrayBuffer-backed, which DOM's BufferSource typing requires.
      publicKey: new Uint8Array(spki),
      signingKey: signingKey as never,
      signingAlgorithm: RSA_SHA256,
      extensions: extensions.map(
        ([id, critical, value]) => new x509.Extension(id, critical, new Uint8Array(value)),
      ),
    },
    // x509 types this parameter with DOM's Crypto; the engine's minimal WebCrypto type is the
    // subset it uses (core compiles without DOM types).
    crypto as Parameters<typeof x509.X509CertificateGenerator.create>[1],
  );
  return cert.toString('pem').replace(/\r\n/g, '\n').trimEnd() + '\n';
}

/** Go's pkix.Name order: O before CN, one RDN per attribute type. */
function nameJson(meta: CertificateMeta): Array<Record<string, string[]>> {
  const rdns: Array<Record<string, string[]>> = [];
  if (meta.subject.organizations.length > 0)
    rdns.push({ '2.5.4.10': [...meta.subject.organizations] });
  rdns.push({ '2.5.4.3': [meta.subject.commonName] });
  return rdns;
}

/** KeyUsage BIT STRING as Go marshals it: bits reversed per byte, trailing zero bits unused. */
function keyUsageValue(usages: readonly KeyUsage[]): Uint8Array {
  let mask = 0;
  for (const u of usages) mask |= 1 << KEY_USAGE_BITS[u];
  const bytes = [reverseBits(mask & 0xff), reverseBits((mask >> 8) & 0xff)];
  const used = bytes[1] !== 0 ? bytes : bytes.slice(0, 1);
  const last = used[used.length - 1] ?? 0;
  let unused = 0;
  while (unused < 8 && last !== 0 && !(last & (1 << unused))) unused++;
  return tlv(0x03, Uint8Array.from([unused, ...used]));
}

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
  return r;
}

function subjectAltNameValue(meta: CertificateMeta): Uint8Array | undefined {
  const names: Uint8Array[] = meta.dnsNames.map((d) => tlv(0x82, utf8(d)));
  for (const ip of meta.ipAddresses) {
    const bytes = parseIp(ip);
    if (bytes) names.push(tlv(0x87, bytes));
  }
  return names.length > 0 ? sequence(...names) : undefined;
}

/** Go's default SubjectKeyId (Go ≤ 1.24): SHA-1 of the subjectPublicKey BIT STRING's bytes. */
async function subjectKeyId(crypto: WebCryptoLike, spkiDer: Uint8Array): Promise<Uint8Array> {
  const bitString = children(readTlv(spkiDer))[1];
  if (!bitString) throw new Error('malformed SubjectPublicKeyInfo');
  const keyBits = bitString.content.subarray(1);
  return new Uint8Array(await crypto.subtle.digest('SHA-1', concat(keyBits)));
}
