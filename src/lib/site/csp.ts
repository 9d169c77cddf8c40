/**
 * The site's Content-Security-Policy, one source for the `<meta>` tag Astro writes into every
 * page (astro.config.mjs `security.csp`) and for the `_headers` sample a static host serves
 * (scripts/write-headers.ts). Scripts: only this origin's files and the hashes Astro computes
 * for what it bundles; no inline script, no eval (Pagefind's WebAssembly needs
 * 'wasm-unsafe-eval', which allows compiling WebAssembly only). Styles: inline <style> elements
 * and style attributes stay allowed (astro.config.mjs), because xterm.js writes its theme as
 * <style> elements at run time and Shiki colours code with style attributes; style cannot run
 * code. `frame-ancestors` only works as a header (browsers
 * ignore it in a meta tag): the site is meant to be embedded, so any HTTPS page may frame it.
 */

/** Directives besides script-src and style-src (Astro writes those two from its hashes). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  // The optional WebContainer backend boots StackBlitz's runtime in an iframe (docs/webcontainer.md).
  'frame-src https://stackblitz.com https://*.stackblitz.com https://*.webcontainer-api.io',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Sources of script-src besides Astro's hashes. */
export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Directives only a response header can carry. */
export const CSP_HEADER_ONLY = ["frame-ancestors 'self' https:"] as const;
