/**
 * Synchronous, dependency-free X.509 reader: the fields openssl and kubeadm print. Works on any
 * PEM kubelife materialises (and on ordinary RSA certificates in general).
 */
import { children, decodeOid, fromPem, fromUtf8, readTlv } from './der.ts';
import type { Tlv } from './der.ts';

/** One attribute of a distinguished name; `rdn` groups multi-valued RDNs. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
  readonly rdn: number;
}

/** One certificate extension. */
export interface ParsedExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

/** A decoded certificate. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  /** DER of TBSCertificate (the signed bytes). */
  readonly tbs: Uint8Array;
  /** 0-based version field (2 = v3). */
  readonly version: number;
  /** Serial magnitude bytes (sign-padding 0x00 removed). */
  readonly serial: Uint8Array;
  readonly signatureAlgorithmOid: string;
  readonly issuer: readonly NameAttribute[];
  /** DER of the issuer Name, for exact matching. */
  readonly issuerDer: Uint8Array;
  readonly subject: readonly NameAttribute[];
  readonly subjectDer: Uint8Array;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly publicKeyAlgorithmOid: string;
  /** DER of SubjectPublicKeyInfo. */
  readonly spki: Uint8Array;
  /** RSA modulus magnitude bytes and exponent (undefined for non-RSA keys). */
  readonly rsa?: { readonly modulus: Uint8Array; readonly exponent: number };
  readonly extensions: readonly ParsedExtension[];
  readonly signatureValue: Uint8Array;
}

/** Parses the first `CERTIFICATE` block of a PEM text. */
export function parseCertificatePem(pem: string): ParsedCertificate {
  return parseCertificateDer(fromPem(pem, 'CERTIFICATE'));
}

/** Parses a DER certificate. */
export function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  const [tbsTlv, sigAlg, sigValue] = children(readTlv(der));
  if (!tbsTlv || !sigAlg || !sigValue) throw new Error('malformed certificate');
  let fields = children(tbsTlv);
  let version = 0;
  if (fields[0]?.tag === 0xa0) {
    version = intValue(children(fields[0])[0]);
    fields = fields.slice(1);
  }
  const [serial, , issuer, validity, subject, spki, ...rest] = fields;
  if (!serial || !issuer || !validity || !subject || !spki)
    throw new Error('malformed TBSCertificate');
  const [notBefore, notAfter] = children(validity);
  const [spkiAlg, spkiBits] = children(spki);
  const publicKeyAlgorithmOid = decodeOid(
    children(spkiAlg ?? spki)[0]?.content ?? new Uint8Array(),
  );
  let rsa: ParsedCertificate['rsa'];
  if (publicKeyAlgorithmOid === '1.2.840.113549.1.1.1' && spkiBits) {
    const [modulus, exponent] = children(readTlv(spkiBits.content.subarray(1)));
    if (modulus && exponent)
      rsa = { modulus: stripZero(modulus.content), exponent: intValue(exponent) };
  }
  const extensionsWrapper = rest.find((t) => t.tag === 0xa3);
  const extensions: ParsedExtension[] = [];
  const extSeq = extensionsWrapper ? children(extensionsWrapper)[0] : undefined;
  for (const ext of extSeq ? children(extSeq) : []) {
    const parts = children(ext);
    const critical = parts.length === 3 && parts[1]?.content[0] === 0xff;
    extensions.push({
      oid: decodeOid(parts[0]?.content ?? new Uint8Array()),
      critical,
      value: parts[parts.length - 1]?.content ?? new Uint8Array(),
    });
  }
  return {
    der,
    tbs: tbsTlv.raw,
    version,
    serial: stripZero(serial.content),
    signatureAlgorithmOid: decodeOid(children(sigAlg)[0]?.content ?? new Uint8Array()),
    issuer: parseName(issuer),
    issuerDer: issuer.raw,
    subject: parseName(subject),
    subjectDer: subject.raw,
    notBefore: parseTime(notBefore),
    notAfter: parseTime(notAfter),
    publicKeyAlgorithmOid,
    spki: spki.raw,
    ...(rsa ? { rsa } : {}),
    extensions,
    signatureValue: sigValue.content.subarray(1),
  };
}

function stripZero(bytes: Uint8Array): Uint8Array {
  return bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes;
}

function intValue(t: Tlv | undefined): number {
  let v = 0;
  for (const b of t?.content ?? []) v = v * 256 + b;
  return v;
}

function parseName(name: Tlv): NameAttribute[] {
  const out: NameAttribute[] = [];
  children(name).forEach((rdn, index) => {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      out.push({
        oid: decodeOid(type?.content ?? new Uint8Array()),
        value: fromUtf8(value?.content ?? new Uint8Array()),
        rdn: index,
      });
    }
  });
  return out;
}

function parseTime(t: Tlv | undefined): number {
  const text = fromUtf8(t?.content ?? new Uint8Array());
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error(`unsupported time ${text}`);
  let year = Number(m[1]);
  if (t?.tag === 0x17) year += year < 50 ? 2000 : 1900; // UTCTime (RFC 5280 §4.1.2.5.1)
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
