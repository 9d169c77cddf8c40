import {
  guideHref,
  hardWayHref,
  leavesOf,
  overviews,
  parseGuideId,
  type GuideEntryLike,
} from './routes.ts';

/** A page in the sidebar. */
export interface TreeLink {
  readonly type: 'link';
  readonly label: string;
  readonly href: string;
  readonly description: string;
  /** True for the page being rendered (rendered with aria-current="page"). */
  readonly current: boolean;
}

/** A guide in the sidebar: its overview page plus its leaves. */
export interface TreeGroup {
  readonly type: 'group';
  readonly label: string;
  /** The guide's overview page. */
  readonly href: string;
  readonly guide: string;
  readonly description: string;
  /** True when the overview itself is the current page. */
  readonly current: boolean;
  /** True when the current page is the overview or one of its leaves. */
  readonly expanded: boolean;
  readonly entries: readonly TreeNode[];
}

/** One sidebar node: a discriminated union on `type`. */
export type TreeNode = TreeGroup | TreeLink;

/** Normalises a path so `/guides/install` and `/guides/install/` compare equal. */
function normalise(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Builds the sidebar tree from guide entries: one group per guide folder (ordered by the
 * overview's `order`), containing its leaves (ordered by `order`, then title) and, when it has
 * leaves, a last link to its all-in-one "hard way" page. `currentPath`
 * marks the current page and expands its branch. Guides without an overview are left out, because
 * there is no page to link the group to.
 */
export function buildGuideTree(
  entries: readonly GuideEntryLike[],
  currentPath?: string,
): TreeGroup[] {
  const current = currentPath === undefined ? undefined : normalise(currentPath);
  return overviews(entries).map((overview): TreeGroup => {
    const { guide } = parseGuideId(overview.id);
    const href = guideHref(overview.id);
    const links = leavesOf(entries, guide).map((leaf): TreeLink => {
      const leafHref = guideHref(leaf.id);
      return {
        type: 'link',
        label: leaf.data.title,
        href: leafHref,
        description: leaf.data.description,
        current: leafHref === current,
      };
    });
    if (links.length > 0) {
      const allHref = hardWayHref(guide);
      links.push({
        type: 'link',
        label: 'All steps on one page',
        href: allHref,
        description: `Every step of “${overview.data.title}” with one terminal.`,
        current: allHref === current,
      });
    }
    const isCurrent = href === current;
    const inBranch = isCurrent || links.some((link) => link.current);
    return {
      type: 'group',
      label: overview.data.title,
      href,
      guide,
      description: overview.data.description,
      current: isCurrent,
      expanded: inBranch,
      entries: links,
    };
  });
}
