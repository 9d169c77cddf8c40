/**
 * The seam between file contents in the state and what `cat` shows: files holding `@pki:`
 * references become real PEM text. Keys come from the shipped key pool (PKCS#1, as kubeadm
 * writes them); certificates are materialised by the PKI module (async WebCrypto) and cached
 * (pki-source.ts).
 */
import type { ClusterState } from '../src/index.ts';
import { keyById } from '../src/pki/materialize-plan.ts';
import { privateKeyPem, publicKeyPem } from '../src/pki/key-files.ts';
import { certificatePemAt } from './pki-source.ts';
import { materializeCsr } from '../src/pki/csr-pem.ts';
import type { Materializer } from './types.ts';
import { findMachine } from '../src/index.ts';

const REF = /@pki:(key|pkcs8|csr|pub|cert|base64|b64cert|b64key):([^\s]+)/g;

function keyPem(id: string): string {
  try {
    return privateKeyPem(keyById(id));
  } catch {
    return '';
  }
}

async function resolveOne(
  state: ClusterState,
  machine: string,
  kind: string,
  arg: string,
): Promise<string> {
  if (kind === 'key') return keyPem(arg);
  // `openssl genrsa` (OpenSSL 3) writes PKCS#8 `PRIVATE KEY`; `openssl req -new` a PKCS#10 request.
  if (kind === 'pkcs8') {
    try {
      return keyById(arg).pkcs8Pem;
    } catch {
      return '';
    }
  }
  if (kind === 'csr') {
    const meta = findMachine(state, machine)?.certs[arg];
    if (!meta) return '';
    try {
      return await materializeCsr(meta.subject, keyById(meta.keyId));
    } catch {
      return '';
    }
  }
  if (kind === 'pub') {
    try {
      return publicKeyPem(keyById(arg));
    } catch {
      return '';
    }
  }
  if (kind === 'b64key') return base64(keyPem(arg));
  const m = findMachine(state, machine);
  if (kind === 'cert') return (await certificatePem(state, machine, arg)) ?? '';
  if (kind === 'b64cert') return base64((await certificatePem(state, machine, arg)) ?? '');
  // base64 of the referenced file as it reads (kubelet.conf pointing at a .pem, old states).
  const content = m?.files[arg];
  const pem =
    content === undefined
      ? await certificatePem(state, machine, arg)
      : await defaultMaterializer(state, machine, content);
  return base64(pem ?? '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of ASCII text (PEM text is ASCII, so each character is one byte). */
export function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((Number.isNaN(b) ? 0 : b) << 8) | (Number.isNaN(c) ? 0 : c);
    out += (B64[(n >> 18) & 63] ?? '') + (B64[(n >> 12) & 63] ?? '');
    out += Number.isNaN(b) ? '=' : (B64[(n >> 6) & 63] ?? '');
    out += Number.isNaN(c) ? '=' : (B64[n & 63] ?? '');
  }
  return out;
}

/** Decodes base64 to a latin-1 string; returns null on invalid input (like `base64 -d`). */
export function unbase64(text: string): string | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  let out = '';
  let bits = 0;
  let value = 0;
  for (const ch of clean.replace(/=+$/, '')) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** Hook the PKI module registers to turn certificate metadata into PEM. */
export type CertificatePemSource = (
  state: ClusterState,
  machine: string,
  path: string,
) => Promise<string | undefined>;

let certificateSource: CertificatePemSource = certificatePemAt;

/** Replaces the certificate source (tests); `null` restores the PKI module's materialiser. */
export function registerCertificateSource(source: CertificatePemSource | null): void {
  certificateSource = source ?? certificatePemAt;
}

async function certificatePem(
  state: ClusterState,
  machine: string,
  path: string,
): Promise<string | undefined> {
  return certificateSource(state, machine, path);
}

/** Resolves every `@pki:` reference in `content`. */
export const defaultMaterializer: Materializer = async (state, machine, content) => {
  if (!content.includes('@pki:')) return content;
  let out = '';
  let last = 0;
  for (const match of content.matchAll(REF)) {
    out += content.slice(last, match.index);
    out += await resolveOne(state, machine, match[1] ?? '', match[2] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  // A reference on a line of its own already ends with a newline in the PEM: avoid doubling it.
  return (out + content.slice(last)).replace(/-----\n\n(?=-----BEGIN)/g, '-----\n');
};
