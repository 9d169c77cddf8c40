/**
 * RSA key encodings as `openssl rsa` and `openssl pkey` convert them: PKCS#1 (`RSA PRIVATE KEY`,
 * `RSA PUBLIC KEY`), PKCS#8 (`PRIVATE KEY`) and SubjectPublicKeyInfo (`PUBLIC KEY`), in PEM or
 * DER. OpenSSL 3 writes private keys as PKCS#8 unless `-traditional`, public keys as SPKI.
 */
import { children, concat, fromBase64, oid, readTlv, sequence, tlv } from './der.ts';

/** A parsed RSA key: the PKCS#1 private key when known, and always the SPKI public key. */
export interface RsaKey {
  readonly pkcs1Private?: Uint8Array;
  readonly spki: Uint8Array;
}

const RSA_ALGORITHM = sequence(oid('1.2.840.113549.1.1.1'), tlv(0x05, new Uint8Array()));

/** SPKI of a PKCS#1 RSAPublicKey (SEQUENCE { n, e }). */
function spkiOf(rsaPublicKey: Uint8Array): Uint8Array {
  return sequence(RSA_ALGORITHM, tlv(0x03, concat(Uint8Array.of(0), rsaPublicKey)));
}

/** The SPKI of a PKCS#1 RSAPrivateKey (version, n, e, d, …). */
function spkiFromPrivate(pkcs1: Uint8Array): Uint8Array {
  const [, n, e] = children(readTlv(pkcs1));
  if (!n || !e) throw new Error('not an RSA private key');
  return spkiOf(sequence(n.raw, e.raw));
}

/** PKCS#8 PrivateKeyInfo wrapping a PKCS#1 key (what OpenSSL 3 writes by default). */
export function pkcs8FromPkcs1(pkcs1: Uint8Array): Uint8Array {
  return sequence(tlv(0x02, Uint8Array.of(0)), RSA_ALGORITHM, tlv(0x04, pkcs1));
}

/** The PKCS#1 RSAPublicKey inside an SPKI (`-RSAPublicKey_out`). */
export function rsaPublicKeyOf(spki: Uint8Array): Uint8Array {
  const bits = children(readTlv(spki))[1];
  if (!bits) throw new Error('not a public key');
  return bits.content.subarray(1);
}

function fromDer(der: Uint8Array, pub: boolean): RsaKey {
  const top = children(readTlv(der));
  if (pub) {
    // SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING }; PKCS#1 public: SEQUENCE { n, e }.
    if (top[0]?.tag === 0x30) return { spki: der };
    return { spki: spkiOf(der) };
  }
  // PKCS#8: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }.
  if (top[1]?.tag === 0x30 && top[2]?.tag === 0x04) {
    const pkcs1 = top[2].content;
    return { pkcs1Private: pkcs1, spki: spkiFromPrivate(pkcs1) };
  }
  return { pkcs1Private: der, spki: spkiFromPrivate(der) };
}

const BLOCK = /-----BEGIN ([A-Z ]+)-----([^-]*)-----END \1-----/;

/**
 * Reads an RSA key from PEM text or DER bytes (a byte string). `pub` = `-pubin`. Returns null when
 * nothing readable is there (openssl: "Could not read private key from …").
 */
export function parseRsaKey(input: Uint8Array | string, pub: boolean): RsaKey | null {
  try {
    if (typeof input !== 'string') return fromDer(input, pub);
    for (const m of input.matchAll(new RegExp(BLOCK.source, 'g'))) {
      const label = m[1] ?? '';
      const der = fromBase64((m[2] ?? '').replace(/\s+/g, ''));
      if (pub && (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY')) return fromDer(der, true);
      if (!pub && (label === 'RSA PRIVATE KEY' || label === 'PRIVATE KEY'))
        return fromDer(der, false);
    }
    return null;
  } catch {
    return null;
  }
}
