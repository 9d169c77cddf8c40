/**
 * What `openssl x509` (OpenSSL 3.0) prints for a certificate: -subject, -issuer, -startdate,
 * -enddate, -dates, -serial, -checkend, -modulus, -pubkey, -ext, -text, and the PEM itself.
 * Formats follow OpenSSL's apps/x509.c, crypto/x509/t_x509.c (X509_print_ex), crypto/asn1/a_time.c
 * (ASN1_TIME_print) and crypto/x509/v3_*.c; checked against real `openssl x509` in tests.
 */
import { decodeOid, children, readTlv, toPem } from './der.ts';
import { parseCertificatePem } from './parse-certificate.ts';
import type { NameAttribute, ParsedCertificate, ParsedExtension } from './parse-certificate.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};
const ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
};
const EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.15': 'X509v3 Key Usage',
  '2.5.29.37': 'X509v3 Extended Key Usage',
  '2.5.29.19': 'X509v3 Basic Constraints',
  '2.5.29.14': 'X509v3 Subject Key Identifier',
  '2.5.29.35': 'X509v3 Authority Key Identifier',
  '2.5.29.17': 'X509v3 Subject Alternative Name',
};
/** `-ext` names accepted by openssl for the extensions kubeadm uses. */
export const EXT_OPTION_OIDS: Record<string, string> = {
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
};
const KEY_USAGE_NAMES = [
  'Digital Signature',
  'Non Repudiation',
  'Key Encipherment',
  'Data Encipherment',
  'Key Agreement',
  'Certificate Sign',
  'CRL Sign',
  'Encipher Only',
  'Decipher Only',
];
const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication',
};

type Cert = ParsedCertificate | string;
const parsed = (c: Cert): ParsedCertificate => (typeof c === 'string' ? parseCertificatePem(c) : c);

/** A distinguished name in OpenSSL 3's default `-nameopt` form: `O = a, CN = b`. */
export function formatName(attrs: readonly NameAttribute[]): string {
  let out = '';
  attrs.forEach((a, i) => {
    if (i > 0) out += a.rdn === attrs[i - 1]?.rdn ? ' + ' : ', ';
    out += `${SHORT_NAMES[a.oid] ?? a.oid} = ${a.value}`;
  });
  return out;
}

/** ASN1_TIME_print: `Nov 25 14:44:10 2027 GMT` (day space-padded to 2). */
export function formatOpensslTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

const hexBytes = (b: Uint8Array, sep = ':', upper = false): string =>
  Array.from(b, (x) =>
    x.toString(16).padStart(2, '0')[upper ? 'toUpperCase' : 'toLowerCase'](),
  ).join(sep);

/** `subject=O = kubeadm:cluster-admins, CN = kubernetes-admin` */
export const formatSubject = (c: Cert): string => `subject=${formatName(parsed(c).subject)}`;
/** `issuer=CN = kubernetes` */
export const formatIssuer = (c: Cert): string => `issuer=${formatName(parsed(c).issuer)}`;
/** `notBefore=Nov 25 14:39:10 2026 GMT` */
export const formatStartDate = (c: Cert): string =>
  `notBefore=${formatOpensslTime(parsed(c).notBefore)}`;
/** `notAfter=Nov 25 14:44:10 2027 GMT` */
export const formatEndDate = (c: Cert): string =>
  `notAfter=${formatOpensslTime(parsed(c).notAfter)}`;
/** `serial=618FB49243301E90` (uppercase hex of the magnitude). */
export const formatSerial = (c: Cert): string => `serial=${hexBytes(parsed(c).serial, '', true)}`;
/** `Modulus=CF0D…` (uppercase hex, no leading zero byte). */
export const formatModulus = (c: Cert): string =>
  `Modulus=${hexBytes(parsed(c).rsa?.modulus ?? new Uint8Array(), '', true)}`;
/** `-pubkey`: the SubjectPublicKeyInfo as PEM (ends with a newline). */
export const formatPubkey = (c: Cert): string => toPem(parsed(c).spki, 'PUBLIC KEY');

/**
 * `-checkend N`: expiry within N seconds of `now` → `Certificate will expire`, exit code 1;
 * otherwise `Certificate will not expire`, exit code 0.
 */
export function formatCheckEnd(
  c: Cert,
  seconds: number,
  now: number,
): { line: string; exitCode: number } {
  const expires = parsed(c).notAfter < now + seconds * 1000;
  return expires
    ? { line: 'Certificate will expire', exitCode: 1 }
    : { line: 'Certificate will not expire', exitCode: 0 };
}

/** `-ext a,b`: the named extensions, in certificate order, as `-text` prints them (no indent). */
export function formatExt(c: Cert, names: readonly string[]): string {
  const wanted = new Set(names.map((n) => EXT_OPTION_OIDS[n] ?? n));
  return parsed(c)
    .extensions.filter((e) => wanted.has(e.oid))
    .map((e) => formatExtension(e, 0))
    .join('');
}

/** `-text`: X509_print_ex's full dump (ends with a newline). */
export function formatText(c: Cert): string {
  const p = parsed(c);
  const lines = [
    'Certificate:',
    '    Data:',
    `        Version: ${p.version + 1} (0x${p.version.toString(16)})`,
  ];
  lines.push(`        Serial Number:${formatSerialText(p.serial)}`);
  lines.push(`        Signature Algorithm: ${algorithmName(p.signatureAlgorithmOid)}`);
  lines.push(`        Issuer: ${formatName(p.issuer)}`, '        Validity');
  lines.push(`            Not Before: ${formatOpensslTime(p.notBefore)}`);
  lines.push(`            Not After : ${formatOpensslTime(p.notAfter)}`);
  lines.push(`        Subject: ${formatName(p.subject)}`, '        Subject Public Key Info:');
  lines.push(`            Public Key Algorithm: ${algorithmName(p.publicKeyAlgorithmOid)}`);
  if (p.rsa) {
    const modulus = p.rsa.modulus[0]! & 0x80 ? Uint8Array.of(0, ...p.rsa.modulus) : p.rsa.modulus;
    lines.push(
      `                Public-Key: (${p.rsa.modulus.length * 8} bit)`,
      '                Modulus:',
    );
    lines.push(...hexBlock(modulus, 15, '                    '));
    lines.push(`                Exponent: ${p.rsa.exponent} (0x${p.rsa.exponent.toString(16)})`);
  }
  let out = `${lines.join('\n')}\n`;
  if (p.extensions.length > 0) {
    out += '        X509v3 extensions:\n';
    for (const e of p.extensions) out += formatExtension(e, 12);
  }
  out += `    Signature Algorithm: ${algorithmName(p.signatureAlgorithmOid)}\n    Signature Value:\n`;
  out += `${hexBlock(p.signatureValue, 18, '        ').join('\n')}\n`;
  return out;
}

function formatSerialText(serial: Uint8Array): string {
  if (serial.length <= 8 && !(serial.length === 8 && serial[0]! & 0x80)) {
    const value = BigInt(`0x${hexBytes(serial, '') || '0'}`);
    return ` ${value.toString()} (0x${value.toString(16)})`;
  }
  return `\n            ${hexBytes(serial)}`;
}

function algorithmName(oid: string): string {
  return ALGORITHMS[oid] ?? oid;
}

/** Lines of `xx:xx:` with `perLine` bytes, every line but the last ending with `:`. */
function hexBlock(bytes: Uint8Array, perLine: number, indent: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    const chunk = hexBytes(bytes.subarray(i, i + perLine));
    lines.push(`${indent}${chunk}${i + perLine < bytes.length ? ':' : ''}`);
  }
  return lines;
}

function formatExtension(e: ParsedExtension, indent: number): string {
  const pad = ' '.repeat(indent);
  const name = EXTENSION_NAMES[e.oid] ?? e.oid;
  return `${pad}${name}: ${e.critical ? 'critical' : ''}\n${pad}    ${extensionValue(e)}\n`;
}

function extensionValue(e: ParsedExtension): string {
  const value = readTlv(e.value);
  switch (e.oid) {
    case '2.5.29.15': {
      const names: string[] = [];
      const bits = value.content.subarray(1);
      KEY_USAGE_NAMES.forEach((n, i) => {
        if ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) names.push(n);
      });
      return names.join(', ');
    }
    case '2.5.29.37':
      return children(value)
        .map((o) => EKU_NAMES[decodeOid(o.content)] ?? decodeOid(o.content))
        .join(', ');
    case '2.5.29.19': {
      const parts = children(value);
      const ca = parts[0]?.tag === 0x01 && parts[0].content[0] === 0xff;
      const pathlen = parts.find((p) => p.tag === 0x02);
      return `CA:${ca ? 'TRUE' : 'FALSE'}${pathlen ? `, pathlen:${pathlen.content[0] ?? 0}` : ''}`;
    }
    case '2.5.29.14':
      return hexBytes(value.content, ':', true);
    case '2.5.29.35': {
      const keyId = children(value).find((p) => p.tag === 0x80);
      return keyId ? hexBytes(keyId.content, ':', true) : '';
    }
    case '2.5.29.17':
      return children(value)
        .map((n) =>
          n.tag === 0x82
            ? `DNS:${String.fromCharCode(...n.content)}`
            : n.tag === 0x87
              ? `IP Address:${ipText(n.content)}`
              : '<unsupported>',
        )
        .join(', ');
    default:
      return hexBytes(e.value);
  }
}

/** OpenSSL 3.0 prints IPv6 SANs uncompressed with uppercase `%X` groups. */
function ipText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  const groups: string[] = [];
  for (let i = 0; i < b.length; i += 2)
    groups.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16).toUpperCase());
  return groups.join(':');
}
