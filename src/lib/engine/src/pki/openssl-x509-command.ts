/**
 * `openssl x509 [-in file] [-noout] [-subject] … [-checkend N]` as one pure function over the
 * certificate PEM, reproducing apps/x509.c ordering: each print option is numbered by the position
 * of its LAST occurrence and printed in that order; the PEM follows unless -noout; -checkend last.
 */
import {
  formatCheckEnd,
  formatEndDate,
  formatExt,
  formatIssuer,
  formatModulus,
  formatPubkey,
  formatSerial,
  formatStartDate,
  formatSubject,
  formatText,
} from './openssl-format.ts';
import { parseCertificatePem } from './parse-certificate.ts';
import { toPem } from './der.ts';
import { sha1, sha256 } from './sha.ts';

/** Output of a simulated command. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

type PrintOption =
  | 'subject'
  | 'issuer'
  | 'startdate'
  | 'enddate'
  | 'serial'
  | 'modulus'
  | 'pubkey'
  | 'text'
  | 'ext'
  | 'fingerprint';

/**
 * `-fingerprint` digests: without a digest option OpenSSL 3.0 uses SHA1 and prints "SHA1"; a
 * digest option prints its own lowercase name (`-sha256` → "sha256 Fingerprint=…").
 */
const FINGERPRINT_DIGESTS: Readonly<Record<string, (der: Uint8Array) => Uint8Array>> = {
  '-sha1': sha1,
  '-sha256': sha256,
};

/**
 * Runs `openssl x509` over `pem` (already read from `-in`) with the remaining arguments (`-in X`
 * may be left in; it is skipped). `now` is the simulated clock (epoch ms) for `-checkend`.
 */
export function runOpensslX509(pem: string, args: readonly string[], now: number): CommandOutput {
  const order = new Map<PrintOption, number>();
  let position = 0;
  let noout = false;
  let checkend: number | undefined;
  let extNames: string[] = [];
  let digestName = 'SHA1';
  let digest = sha1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const mark = (o: PrintOption): void => void order.set(o, ++position);
    switch (arg) {
      case '-in':
      case '-inform':
        i++;
        break;
      case '-noout':
        noout = true;
        break;
      case '-subject':
      case '-issuer':
      case '-serial':
      case '-modulus':
      case '-pubkey':
      case '-text':
      case '-startdate':
      case '-enddate':
        mark(arg.slice(1) as PrintOption);
        break;
      case '-fingerprint':
        mark('fingerprint');
        break;
      case '-sha1':
      case '-sha256':
        digestName = arg.slice(1);
        digest = FINGERPRINT_DIGESTS[arg] ?? sha1;
        break;
      case '-dates':
        mark('startdate');
        mark('enddate');
        break;
      case '-ext':
        extNames = (args[++i] ?? '').split(',').filter(Boolean);
        mark('ext');
        break;
      case '-checkend': {
        const text = args[++i] ?? '';
        if (!/^-?\d+$/.test(text)) return usageError(`x509: Can't parse "${text}" as a number`);
        checkend = Number(text);
        break;
      }
      default:
        return usageError(`x509: Unknown option: ${arg}`);
    }
  }
  let cert;
  try {
    cert = parseCertificatePem(pem);
  } catch {
    return { stdout: '', stderr: 'Unable to load certificate\n', exitCode: 1 };
  }
  const printers: Record<PrintOption, () => string> = {
    subject: () => `${formatSubject(cert)}\n`,
    issuer: () => `${formatIssuer(cert)}\n`,
    startdate: () => `${formatStartDate(cert)}\n`,
    enddate: () => `${formatEndDate(cert)}\n`,
    serial: () => `${formatSerial(cert)}\n`,
    modulus: () => `${formatModulus(cert)}\n`,
    pubkey: () => formatPubkey(cert),
    text: () => formatText(cert),
    ext: () => formatExt(cert, extNames),
    fingerprint: () =>
      `${digestName} Fingerprint=${Array.from(digest(cert.der), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')}\n`,
  };
  let stdout = [...order.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([o]) => printers[o]())
    .join('');
  if (!noout) stdout += toPem(cert.der, 'CERTIFICATE');
  let exitCode = 0;
  if (checkend !== undefined) {
    const result = formatCheckEnd(cert, checkend, now);
    stdout += `${result.line}\n`;
    exitCode = result.exitCode;
  }
  return { stdout, stderr: '', exitCode };
}

function usageError(message: string): CommandOutput {
  return { stdout: '', stderr: `${message}\nx509: Use -help for summary.\n`, exitCode: 1 };
}
