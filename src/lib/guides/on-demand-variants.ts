/**
 * Astro integration: after the build, moves the release variants a reader does not see first out
 * of the named pages into a `variants.json` beside each (variant-split.ts); the page loads them
 * when the reader picks another release (variants-on-demand.ts). Runs before Pagefind indexes
 * dist/, which skips those variants anyway (`data-pagefind-ignore`). `astro dev` serves pages whole.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { splitVariants } from './variant-split.ts';

/** Options: pages by route (`/hard-way/`) and the release whose variants stay in the page. */
export interface OnDemandVariantsOptions {
  readonly pages: readonly string[];
  readonly keep: string;
}

/** Adds `data-variants-src` to the document's `<html>` tag. */
function nameSource(html: string, src: string): string {
  const marked = html.replace(/<html\b/i, `<html data-variants-src="${src}"`);
  if (marked === html) throw new Error('page has no <html> tag');
  return marked;
}

/** The integration (astro.config.mjs). */
export function onDemandVariants(options: OnDemandVariantsOptions): AstroIntegration {
  return {
    name: 'kubelife:on-demand-variants',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        for (const route of options.pages) {
          const file = fileURLToPath(new URL(`.${route}index.html`, dir));
          const split = splitVariants(await readFile(file, 'utf8'), options.keep);
          const src = `${route}variants.json`;
          await writeFile(file, nameSource(split.html, src));
          await writeFile(fileURLToPath(new URL(`.${src}`, dir)), JSON.stringify(split.variants));
          logger.info(`${route}: ${split.variants.length} release variant groups moved to ${src}`);
        }
      },
    },
  };
}
