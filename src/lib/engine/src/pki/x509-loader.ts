/**
 * Lazily loads @peculiar/x509 with its `reflect-metadata` polyfill evaluated first (its DI
 * container throws without it). Lazy so the site's engine worker only pays for X.509 code when a
 * certificate is first materialised.
 */
import type * as X509 from '@peculiar/x509';

type X509Module = typeof X509;

let loading: Promise<X509Module> | undefined;

/** Resolves the @peculiar/x509 module (loaded once, after reflect-metadata). */
export function loadX509(): Promise<X509Module> {
  loading ??= (async () => {
    await import('reflect-metadata');
    return import('@peculiar/x509');
  })();
  return loading;
}
