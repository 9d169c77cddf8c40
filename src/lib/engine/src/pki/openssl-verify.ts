/**
 * `openssl verify -CAfile <bundle> cert…` (OpenSSL 3.0 apps/verify.c): chain lookup by issuer name
 * and authority key id, then real RSA signature and validity checks from the root down (WebCrypto,
 * hence async). Messages are X509_verify_cert_error_string texts; failures go to stderr as
 * `<subject>` / `error N at D depth lookup: …` / `error <file>: verification failed`, exit code 2.
 */
import { fromPemAll } from './der.ts';
import { formatName } from './openssl-format.ts';
import { parseCertificateDer } from './parse-certificate.ts';
import type { ParsedCertificate } from './parse-certificate.ts';
import type { CommandOutput } from './openssl-x509-command.ts';
import { getWebCrypto, importRsaKey, RSA_SHA256 } from './web-crypto.ts';
import type { WebCryptoLike } from './web-crypto.ts';

/** OpenSSL verify error codes kubelife can produce, with their messages. */
export const VERIFY_ERRORS = {
  7: 'certificate signature failure',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  18: 'self-signed certificate',
  20: 'unable to get local issuer certificate',
} as const;

/** One certificate argument: the file name as typed and its PEM contents. */
export interface VerifyTarget {
  readonly file: string;
  readonly pem: string;
}

/** Verifies each target against the CA bundle at simulated time `now` (epoch ms). */
export async function runOpensslVerify(
  caFilePem: string,
  targets: readonly VerifyTarget[],
  now: number,
  crypto?: WebCryptoLike,
): Promise<CommandOutput> {
  const trusted = fromPemAll(caFilePem, 'CERTIFICATE').map(parseCertificateDer);
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const target of targets) {
    const der = fromPemAll(target.pem, 'CERTIFICATE')[0];
    if (der === undefined) {
      stderr += `Could not find certificate from ${target.file}\n`;
      exitCode = 2;
      continue;
    }
    const failures = await verifyOne(parseCertificateDer(der), trusted, now, getWebCrypto(crypto));
    if (failures.length === 0) stdout += `${target.file}: OK\n`;
    else {
      for (const failure of failures) {
        stderr += `${formatName(failure.cert.subject)}\n`;
        stderr += `error ${failure.code} at ${failure.depth} depth lookup: ${VERIFY_ERRORS[failure.code]}\n`;
      }
      stderr += `error ${target.file}: verification failed\n`;
      exitCode = 2;
    }
  }
  return { stdout, stderr, exitCode };
}

interface Failure {
  readonly code: keyof typeof VERIFY_ERRORS;
  readonly depth: number;
  readonly cert: ParsedCertificate;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function keyId(cert: ParsedCertificate, oid: string): Uint8Array | undefined {
  const ext = cert.extensions.find((e) => e.oid === oid);
  if (!ext) return undefined;
  // SKID: OCTET STRING; AKID: SEQUENCE { [0] keyIdentifier, … } — both: take the first inner value.
  const inner = ext.value.subarray(2);
  return oid === '2.5.29.14' ? inner : inner.subarray(2, 2 + (inner[1] ?? 0));
}

function issues(ca: ParsedCertificate, cert: ParsedCertificate): boolean {
  if (!equalBytes(ca.subjectDer, cert.issuerDer)) return false;
  const akid = keyId(cert, '2.5.29.35');
  const skid = keyId(ca, '2.5.29.14');
  return akid === undefined || skid === undefined || equalBytes(akid, skid);
}

async function verifyOne(
  leaf: ParsedCertificate,
  trusted: readonly ParsedCertificate[],
  now: number,
  crypto: WebCryptoLike,
): Promise<Failure[]> {
  // A trusted certificate verifies as itself (e.g. `openssl verify -CAfile ca.crt ca.crt`).
  const anchor = trusted.find((t) => equalBytes(t.der, leaf.der));
  const chain = [leaf];
  if (!anchor) {
    const issuer = trusted.find((t) => issues(t, leaf));
    if (!issuer) {
      const selfSigned = equalBytes(leaf.subjectDer, leaf.issuerDer);
      return [{ code: selfSigned ? 18 : 20, depth: 0, cert: leaf }];
    }
    chain.push(issuer);
  }
  // internal_verify: from the root down, signature then validity. apps/verify.c's callback lets
  // verification continue after "certificate has expired", so every expired link is reported.
  const failures: Failure[] = [];
  for (let depth = chain.length - 1; depth >= 0; depth--) {
    const cert = chain[depth]!;
    if (!(await signatureValid(cert, chain[depth + 1] ?? cert, crypto))) {
      return [...failures, { code: 7, depth, cert }];
    }
    if (cert.notBefore > now) return [...failures, { code: 9, depth, cert }];
    if (cert.notAfter < now) failures.push({ code: 10, depth, cert });
  }
  return failures;
}

async function signatureValid(
  cert: ParsedCertificate,
  signer: ParsedCertificate,
  crypto: WebCryptoLike,
): Promise<boolean> {
  try {
    const key = await importRsaKey(crypto, 'spki', hexId(signer.spki), signer.spki);
    return await crypto.subtle.verify(RSA_SHA256, key, cert.signatureValue, cert.tbs);
  } catch {
    return false;
  }
}

function hexId(bytes: Uint8Array): string {
  // Cache key for imported public keys: the SPKI itself (short enough, exact).
  return (
    Array.from(bytes.subarray(-48), (b) => b.toString(16).padStart(2, '0')).join('') + bytes.length
  );
}
