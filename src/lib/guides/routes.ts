/**
 * Pure helpers that map guide collection entries to URLs and reading order. They take the minimal
 * shape of a collection entry so they can be unit-tested without Astro.
 */

/** The part of a `guides` collection entry the routing helpers need. */
export interface GuideEntryLike {
  /** Collection id: `install` for install/index.mdx, `install/verify` for install/verify.mdx. */
  readonly id: string;
  readonly data: {
    readonly title: string;
    readonly description: string;
    readonly kind: 'overview' | 'leaf';
    readonly order: number;
    readonly scenario?: string | undefined;
    readonly produces?: string | undefined;
  };
}

/** Splits a collection id into its guide folder and leaf slug (`undefined` for an overview). */
export function parseGuideId(id: string): { guide: string; leaf: string | undefined } {
  const parts = id.replace(/\/index$/, '').split('/');
  const guide = parts[0] ?? id;
  const leaf = parts.length > 1 ? parts.slice(1).join('/') : undefined;
  return { guide, leaf };
}

/** Site path of a guide entry: `/guides/<guide>/` or `/guides/<guide>/<leaf>/`. */
export function guideHref(id: string): string {
  const { guide, leaf } = parseGuideId(id);
  return leaf === undefined ? `/guides/${guide}/` : `/guides/${guide}/${leaf}/`;
}

/** Site path of a guide's all-in-one page. */
export function hardWayHref(guide: string): string {
  return `/hard-way/${guide}/`;
}

function byOrderThenTitle(a: GuideEntryLike, b: GuideEntryLike): number {
  return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}

/** Overview entries (one per guide), in guide order. */
export function overviews<T extends GuideEntryLike>(entries: readonly T[]): T[] {
  return entries
    .filter((entry) => parseGuideId(entry.id).leaf === undefined)
    .sort(byOrderThenTitle);
}

/** Leaf entries of one guide, in reading order. */
export function leavesOf<T extends GuideEntryLike>(entries: readonly T[], guide: string): T[] {
  return entries
    .filter((entry) => {
      const parsed = parseGuideId(entry.id);
      return parsed.guide === guide && parsed.leaf !== undefined;
    })
    .sort(byOrderThenTitle);
}

/** The leaves before and after `id` within its guide (undefined at either end). */
export function neighbours<T extends GuideEntryLike>(
  entries: readonly T[],
  id: string,
): { prev: T | undefined; next: T | undefined } {
  const leaves = leavesOf(entries, parseGuideId(id).guide);
  const index = leaves.findIndex((entry) => entry.id === id);
  if (index === -1) return { prev: undefined, next: undefined };
  return { prev: leaves[index - 1], next: leaves[index + 1] };
}
