import { getCollection, type CollectionEntry } from 'astro:content';

import { guideHref, leavesOf, neighbours, overviews, parseGuideId } from './routes.ts';
import { buildGuideTree, type TreeGroup } from './tree.ts';

/** A `guides` collection entry. */
export type GuideEntry = CollectionEntry<'guides'>;

/** Everything a guide page needs besides its own rendered content. */
export interface GuideContext {
  readonly entries: readonly GuideEntry[];
  readonly overview: GuideEntry | undefined;
  readonly leaves: readonly GuideEntry[];
  readonly tree: readonly TreeGroup[];
}

/** Loads the collection once per page and derives the guide's overview, leaves and sidebar tree. */
export async function loadGuideContext(guide: string, currentPath: string): Promise<GuideContext> {
  const entries = await getCollection('guides');
  return {
    entries,
    overview: overviews(entries).find((entry) => parseGuideId(entry.id).guide === guide),
    leaves: leavesOf(entries, guide),
    tree: buildGuideTree(entries, currentPath),
  };
}

/** Pager links for a leaf: previous/next leaf, falling back to the guide overview before the first. */
export function pagerFor(
  context: GuideContext,
  id: string,
): {
  prev: { title: string; href: string } | undefined;
  next: { title: string; href: string } | undefined;
} {
  const { prev, next } = neighbours(context.entries, id);
  const before = prev ?? context.overview;
  return {
    prev: before && { title: before.data.title, href: guideHref(before.id) },
    next: next && { title: next.data.title, href: guideHref(next.id) },
  };
}
