/**
 * The reader's release choice on the page: which release track's variants are visible. Shared by
 * the picker, the terminals and the snippet buttons (one place that knows the attribute and key).
 */

/** localStorage key of the chosen release (a minor such as "v1.36"). */
export const RELEASE_KEY = 'kubelife-release';

/** Marks `root` (the `<html>` element) with the release whose variants CSS shows. */
export function applyRelease(root: HTMLElement, minor: string): void {
  root.dataset['release'] = minor;
}

/** The release the page shows now (set before first paint; the newest when nothing was chosen). */
export function currentRelease(root: HTMLElement = document.documentElement): string {
  return root.dataset['release'] ?? '';
}

/**
 * True when `element` belongs to the release the page shows: it is not inside a variant of
 * another release (elements outside any variant belong to every release).
 */
export function inCurrentRelease(element: Element, release: string): boolean {
  const variant = element.closest('[data-minor]');
  const only = element.closest('[data-minors]');
  return (
    (variant === null || variant.getAttribute('data-minor') === release) &&
    (only === null || (only.getAttribute('data-minors') ?? '').split(' ').includes(release))
  );
}

/**
 * CSS that hides every variant of a release other than the chosen one, for each release:
 * `html[data-release="v1.37"] [data-minor]:not([data-minor="v1.37"]) { display: none }`, and
 * release-only prose (`data-minors="v1.36 v1.35"`) on the releases it does not name.
 */
export function releaseVariantCss(minors: readonly string[]): string {
  return minors
    .map(
      (m) =>
        `html[data-release="${m}"] [data-minor]:not([data-minor="${m}"]),` +
        `html[data-release="${m}"] [data-minors]:not([data-minors~="${m}"]){display:none!important}`,
    )
    .join('\n');
}
