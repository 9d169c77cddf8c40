/**
 * Finds guide pages on disk in reading order: each guide's overview first, then its leaves by
 * their `order` field (file name breaks ties). Shared by the doc-test CLI and the Vitest suite.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitFrontmatter } from '../../src/lib/guides/snippets.ts';
import type { PageMeta } from '../../src/lib/guides/snippets.ts';

/** One guide page read from disk. */
export interface GuidePage {
  /** Path relative to the repository root, e.g. src/content/guides/install/init-control-plane.mdx */
  readonly file: string;
  readonly source: string;
  readonly meta: PageMeta;
}

/** One guide folder with its pages in reading order. */
export interface GuideFiles {
  readonly guide: string;
  readonly overview: GuidePage | undefined;
  readonly leaves: readonly GuidePage[];
}

/** Default location of the guides, relative to the repository root. */
export const guidesDir = 'src/content/guides';

function readPage(root: string, path: string): GuidePage {
  const source = readFileSync(path, 'utf8');
  return { file: relative(root, path), source, meta: splitFrontmatter(source).meta };
}

/** Lists every guide under `root/guidesDir` with its pages in reading order. */
export function listGuides(root: string): GuideFiles[] {
  const base = join(root, guidesDir);
  return readdirSync(base)
    .filter((name) => statSync(join(base, name)).isDirectory())
    .sort()
    .map((guide) => {
      const pages = readdirSync(join(base, guide))
        .filter((f) => /\.mdx?$/.test(f))
        .sort()
        .map((f) => readPage(root, join(base, guide, f)));
      const overview = pages.find((p) => p.meta.kind === 'overview');
      const leaves = pages
        .filter((p) => p !== overview)
        .sort((a, b) => (a.meta.order ?? 0) - (b.meta.order ?? 0));
      return { guide, overview, leaves };
    })
    .sort((a, b) => (a.overview?.meta.order ?? 99) - (b.overview?.meta.order ?? 99));
}
