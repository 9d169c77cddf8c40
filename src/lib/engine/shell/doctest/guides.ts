/**
 * Reading order of a folder of pages, as this site's guides use it: the page whose frontmatter says
 * `kind: overview` first, then the others by their `order` field (file name breaks ties). Pages of
 * another docs repository without these fields simply keep file-name order.
 */
import type { DocPage } from './runner.ts';

/** One folder of pages in reading order. */
export interface GuideFiles {
  /** The folder's name (the guide's slug on this site). */
  readonly guide: string;
  readonly overview: DocPage | undefined;
  readonly leaves: readonly DocPage[];
}

/** Orders one folder's pages (given in any order) into overview and leaves. */
export function orderGuide(guide: string, pages: readonly DocPage[]): GuideFiles {
  const sorted = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const overview = sorted.find((p) => p.meta.kind === 'overview');
  const leaves = sorted
    .filter((p) => p !== overview)
    .sort((a, b) => (a.meta.order ?? 0) - (b.meta.order ?? 0));
  return { guide, overview, leaves };
}

/** Orders guides by their overview's `order` (guides without one last, by name). */
export function orderGuides<G extends GuideFiles>(guides: readonly G[]): G[] {
  return [...guides]
    .sort((a, b) => (a.guide < b.guide ? -1 : a.guide > b.guide ? 1 : 0))
    .sort((a, b) => (a.overview?.meta.order ?? 99) - (b.overview?.meta.order ?? 99));
}

/** A guide's pages in reading order (overview first). */
export function guidePages(guide: GuideFiles): DocPage[] {
  return [guide.overview, ...guide.leaves].filter((p) => p !== undefined);
}

/** True when the hard way applies: the folder has leaves that declare the scenario they start from. */
export function hasHardWay(guide: GuideFiles): boolean {
  return guide.leaves.some((leaf) => leaf.meta.kind === 'leaf');
}
