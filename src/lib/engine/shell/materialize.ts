/**
 * The seam between file contents in the state and what `cat` shows: files holding `@pki:`
 * references become real PEM text. Keys come straight from the shipped key pool; certificates
 * are materialised by the PKI module (async WebCrypto).
 */
import type { ClusterState } from '../src/index.ts';
import { keyPool } from '../src/pki/key-pool.ts';
import type { Materializer } from './types.ts';

const REF = /@pki:(key|pub|cert|base64):([^\s]+)/g;

async function resolveOne(state: ClusterState, machine: string, kind: string, arg: string): Promise<string> {
  if (kind === 'key') return keyPool.find((k) => k.id === arg)?.pkcs8Pem ?? '';
  if (kind === 'pub') return keyPool.find((k) => k.id === arg)?.spkiPem ?? '';
  const m = state.machines[machine];
  if (kind === 'cert') return (await certificatePem(state, machine, arg)) ?? m?.files[arg] ?? '';
  // base64 of the referenced file's PEM, as kubeconfigs embed it.
  const content = m?.files[arg];
  const pem = content === undefined ? await certificatePem(state, machine, arg) : await defaultMaterializer(state, machine, content);
  return base64(pem ?? '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// PEM text is ASCII, so each character is one byte.
function base64(text: string): string {
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

/** Hook the PKI module registers to turn certificate metadata into PEM. */
export type CertificatePemSource = (state: ClusterState, machine: string, path: string) => Promise<string | undefined>;

let certificateSource: CertificatePemSource | null = null;

/** Registers the certificate source (the PKI module's materialiser). */
export function registerCertificateSource(source: CertificatePemSource | null): void {
  certificateSource = source;
}

async function certificatePem(state: ClusterState, machine: string, path: string): Promise<string | undefined> {
  return certificateSource ? certificateSource(state, machine, path) : undefined;
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
  return out + content.slice(last);
};
