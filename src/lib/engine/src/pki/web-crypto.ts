/**
 * The one place PKI code touches WebCrypto. Core is compiled without DOM types, so this declares
 * the minimal slice it uses; browsers, Web Workers and Node ≥ 20 all provide `globalThis.crypto`.
 */

/** Opaque WebCrypto key handle. */
export type CryptoKeyHandle = object;

/** The subset of SubtleCrypto the PKI module calls. */
export interface SubtleCryptoLike {
  importKey(
    format: 'pkcs8' | 'spki',
    keyData: Uint8Array,
    algorithm: { name: string; hash: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyHandle>;
  sign(algorithm: { name: string }, key: CryptoKeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: string },
    key: CryptoKeyHandle,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** The subset of the WebCrypto `Crypto` object the PKI module calls. */
export interface WebCryptoLike {
  readonly subtle: SubtleCryptoLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * Returns the WebCrypto implementation to use: the injected one, else `globalThis.crypto`.
 * This is the only ambient access to a platform API in core; it is deterministic in effect
 * because kubelife only signs with RSASSA-PKCS1-v1_5 (no randomness in signatures) and never
 * calls getRandomValues itself.
 */
export function getWebCrypto(injected?: WebCryptoLike): WebCryptoLike {
  if (injected) return injected;
  const ambient = (globalThis as { crypto?: WebCryptoLike }).crypto;
  if (!ambient?.subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  return ambient;
}

/** RSASSA-PKCS1-v1_5 with SHA-256: what Go's x509 uses for RSA keys, and deterministic. */
export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const keyCache = new WeakMap<WebCryptoLike, Map<string, Promise<CryptoKeyHandle>>>();

/** Imports (and memoises per crypto object) a PEM-derived key for signing or verifying. */
export function importRsaKey(
  crypto: WebCryptoLike,
  format: 'pkcs8' | 'spki',
  cacheId: string,
  der: Uint8Array,
): Promise<CryptoKeyHandle> {
  let perCrypto = keyCache.get(crypto);
  if (!perCrypto) {
    perCrypto = new Map();
    keyCache.set(crypto, perCrypto);
  }
  const id = `${format}:${cacheId}`;
  let key = perCrypto.get(id);
  if (!key) {
    key = crypto.subtle.importKey(format, der, RSA_SHA256, false, [
      format === 'pkcs8' ? 'sign' : 'verify',
    ]);
    perCrypto.set(id, key);
  }
  return key;
}
