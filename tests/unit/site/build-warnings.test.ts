import { describe, expect, it } from 'vitest';

import {
  isAstroHeadInjectDirective,
  unexplainedWarnings,
} from '../../../src/lib/site/build-warnings.ts';

// One MDX page's warning as Rolldown printed it through Astro before astro.config.mjs dropped it
// (withastro/astro#18087), colour codes included.
const HEAD_INJECT =
  '00:13:57 [WARN] [vite] \u001b[33m[MODULE_LEVEL_DIRECTIVE] \u001b[0mThe semantics of the module level directive "use astro:head-inject" in "src/content/guides/pki/own-ca.mdx?astroPropagatedAssets" may not be preserved when bundling.';

describe('the build log check', () => {
  it('passes a log with only build progress and the explained Shiki advisory', () => {
    const log = [
      '00:21:34 [WARN] [config] Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP). Consider using Prism syntax highlighting instead, or disable CSP if Shiki is required.',
      '00:21:48 [build] 81 page(s) built in 5.64s',
      'Indexed 68 pages',
    ].join('\n');

    expect(unexplainedWarnings(log)).toEqual([]);
  });

  it('fails on a bundler warning, an Astro warning, npm and Node warnings, without colour codes', () => {
    const log = [
      HEAD_INJECT,
      "00:13:55 [WARN] [csp] `security.csp.styleDirective` defines `style-src` resources ('self')",
      'npm warn EBADENGINE Unsupported engine {',
      '(node:7226) Warning: To load an ES module, set "type": "module"',
      '00:14:01 [build] Complete!',
    ].join('\n');

    const found = unexplainedWarnings(log);

    expect(found).toHaveLength(4);
    expect(found[0]).toContain('[MODULE_LEVEL_DIRECTIVE] The semantics');
  });
});

describe('the bundler warning astro.config.mjs drops', () => {
  it('is the MODULE_LEVEL_DIRECTIVE warning for Astro\'s "use astro:head-inject" marker', () => {
    expect(
      isAstroHeadInjectDirective({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use astro:head-inject" in "x.mdx?astroPropagatedAssets" may not be preserved when bundling.',
      }),
    ).toBe(true);
  });

  it('is not another directive, nor another warning that mentions the marker', () => {
    expect(
      isAstroHeadInjectDirective({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use client" in "a.tsx" may not be preserved when bundling.',
      }),
    ).toBe(false);
    expect(
      isAstroHeadInjectDirective({
        code: 'EVAL',
        message: 'uses "use astro:head-inject" and eval',
      }),
    ).toBe(false);
  });
});
