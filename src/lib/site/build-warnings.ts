/**
 * What the site build (`astro build && pagefind --site dist`) may print as a warning. It prints none
 * that is not explained here: astro.config.mjs drops the one harmless bundler warning at its source
 * ({@link isAstroHeadInjectDirective}), and `npm test` builds through scripts/check-build-log.ts,
 * which fails on every warning line except the advisories listed in {@link KNOWN_BUILD_WARNINGS}.
 */

/** A bundler (Rolldown) warning as its `onwarn` hook receives it. */
export interface BundlerWarning {
  readonly code?: string | undefined;
  readonly message: string;
}

/**
 * Whether a bundler warning is the one Astro's content layer causes for every MDX page: each
 * `*.mdx?astroPropagatedAssets` module it generates starts with the marker
 * `"use astro:head-inject"` (astro/dist/content/vite-plugin-content-assets.js), and Rolldown warns
 * that a module-level directive may not survive bundling (MODULE_LEVEL_DIRECTIVE). Nothing reads
 * the marker after bundling (head propagation goes by the module's `__astroPropagation` export),
 * so the warning is harmless; upstream issue withastro/astro#18087. Any other directive warns.
 */
export function isAstroHeadInjectDirective(warning: BundlerWarning): boolean {
  return (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')
  );
}

/** A warning the build prints on purpose, with why it stays. */
export interface KnownBuildWarning {
  /** Text the warning line contains. */
  readonly contains: string;
  /** Why it is printed and harmless here. */
  readonly reason: string;
}

/** Warnings the build prints that are understood and accepted (each with its reason). */
export const KNOWN_BUILD_WARNINGS: readonly KnownBuildWarning[] = [
  {
    contains:
      'Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy',
    reason:
      "Astro prints this whenever CSP and Shiki are both on (astro/dist/core/messages/runtime.js warnIfCspWithShiki reads the config only). The site's policy allows inline style attributes on purpose (src/lib/site/csp.ts: Shiki and xterm.js colour with them), so Shiki's colours are not blocked; no setting silences it short of dropping Shiki.",
  },
];

/** Terminal colour and style codes (the build log is coloured). */
const ANSI = /\u001b\[[0-9;]*m/g;

/** A line that reports a warning: Astro's `[WARN]`, npm's `npm warn`, Node's `Warning:`, others. */
const WARNING = /\bwarn(ing)?s?\b/i;

/** Warning lines of a build log that no {@link KNOWN_BUILD_WARNINGS} entry explains. */
export function unexplainedWarnings(log: string): string[] {
  return log
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => WARNING.test(line))
    .filter((line) => !KNOWN_BUILD_WARNINGS.some((known) => line.includes(known.contains)))
    .map((line) => line.trim());
}
