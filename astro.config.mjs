// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { snippetTransformer } from './src/lib/guides/snippet-transformer.ts';

/**
 * kubelife site configuration.
 *
 * - `source` is prepended to the resolve conditions so `kubelife` (the workspace engine package)
 *   resolves straight to its .ts sources: no engine build is needed for the site or its worker.
 * - Code blocks get dual light/dark Shiki themes (switched by CSS variables, see global.css) and the
 *   snippet transformer, which marks `console run` blocks as runnable and `text output` blocks as
 *   expected output.
 */
export default defineConfig({
  site: 'https://kubelife.dev',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [snippetTransformer()],
    },
  },
  vite: {
    resolve: { conditions: ['source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
    worker: {
      format: 'es',
      rollupOptions: {},
    },
  },
});
