// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { snippetTransformer } from './src/lib/guides/snippet-transformer.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { releaseVariantsPlugin } from './src/lib/guides/release-variants.ts';
import { onDemandVariants } from './src/lib/guides/on-demand-variants.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_RESOURCES } from './src/lib/site/csp.ts';
import { cspHeadersIntegration } from './src/lib/site/csp-headers.ts';
import { isAstroHeadInjectDirective } from './src/lib/site/build-warnings.ts';
import {
  releaseTrackMinors,
  releaseTrack,
  trackVariables,
} from './src/lib/engine/src/model/release-track.ts';

/**
 * kubelife site configuration.
 *
 * - `kubelife` (the workspace engine package) resolves straight to its .ts sources: an alias for
 *   the package root and `kubelife/shell` (aliases also apply inside the Web Worker bundle, which
 *   does not see the `source` resolve condition), plus the `source` condition for everything else.
 *   No engine build is needed for the site or its worker, and a stale engine dist/ cannot leak in.
 * - Code blocks get dual light/dark Shiki themes (switched by CSS variables, see global.css) and the
 *   snippet transformer, which marks `console run` blocks as runnable and `text output` blocks as
 *   expected output.
 * - Guides are rendered once per release track (the newest three minors of the engine's release
 *   catalog): release-variants.ts fills their `{{variables}}`. The catalog module is imported by path
 *   so the config never depends on a built engine dist/.
 */
/** @param {string} path a file of the engine package, relative to src/lib/engine */
const engine = (path) => fileURLToPath(new URL(`./src/lib/engine/${path}`, import.meta.url));

/** Every release track with its variables, newest first. */
const tracks = releaseTrackMinors().map((minor) => ({
  minor,
  vars: trackVariables(releaseTrack(minor)),
}));

export default defineConfig({
  site: 'https://kubelife.dev',
  trailingSlash: 'always',
  // The dev toolbar sat over the terminal dock; the site's own dev server needs none of its apps.
  devToolbar: { enabled: false },
  // The whole-site hard-way page holds every guide: its other releases' variants load on demand.
  integrations: [
    mdx(),
    cspHeadersIntegration(),
    onDemandVariants({ pages: ['/hard-way/'], keep: tracks[0]?.minor ?? '' }),
  ],
  // A strict Content-Security-Policy in every page's <meta> (src/lib/site/csp.ts says why each
  // source is there); the same policy plus frame-ancestors goes to dist/_headers.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_RESOURCES] },
      styleDirective: {
        // xterm.js writes its theme and layout as <style> elements and style attributes at run
        // time, and Shiki colours code with style attributes: inline styles stay allowed (inline
        // scripts do not).
        // No plain style-src source: style-src-elem and style-src-attr cover every style, and
        // browsers do not fall back from them to style-src (Astro warns about one that would).
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  markdown: {
    processor: satteri({ mdastPlugins: [releaseVariantsPlugin({ tracks })] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [snippetTransformer({ newestMinor: tracks[0]?.minor })],
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        // Drops only the harmless MODULE_LEVEL_DIRECTIVE warning for Astro's own
        // "use astro:head-inject" marker (one per MDX page; build-warnings.ts says why).
        onwarn(warning, warn) {
          if (!isAstroHeadInjectDirective(warning)) warn(warning);
        },
      },
    },
    resolve: {
      alias: [
        { find: /^kubelife$/, replacement: engine('index.ts') },
        { find: /^kubelife\/shell$/, replacement: engine('shell/index.ts') },
        { find: /^kubelife\/colour$/, replacement: engine('shell/colour.ts') },
        { find: /^kubelife\/input$/, replacement: engine('shell/input.ts') },
        { find: /^kubelife\/doctest$/, replacement: engine('shell/doctest/index.ts') },
      ],
      conditions: ['source', ...defaultClientConditions],
    },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
    worker: {
      format: 'es',
      rollupOptions: {},
    },
  },
});
