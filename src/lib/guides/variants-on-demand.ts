/**
 * Loads a page's other release variants when the reader needs them. A page whose build moved them
 * out (variant-split.ts, on-demand-variants.ts) names their file in `<html data-variants-src>` and
 * marks each kept variant `data-variants="N"`; the file is a JSON array whose entry N is the HTML
 * of group N's other variants. Once inserted, CSS shows the chosen release's variants as on every
 * other page (release-choice.ts), and the snippet buttons find them in the DOM.
 */

let loading: Promise<void> | undefined;

/** Whether `root`'s page still lacks variants of `release` (false on pages that hold them all). */
export function lacksVariants(release: string, root: Document = document): boolean {
  if (root.documentElement.dataset['variantsSrc'] === undefined) return false;
  const kept = root.querySelector<HTMLElement>('[data-variants]')?.dataset['minor'];
  return kept !== undefined && kept !== release;
}

/**
 * Inserts the page's other variants (once; concurrent callers share the request). Resolves at
 * once on a page that holds every variant. A failed request rejects, and the next call retries.
 */
export function loadVariants(root: Document = document): Promise<void> {
  const src = root.documentElement.dataset['variantsSrc'];
  if (src === undefined) return Promise.resolve();
  loading ??= fetch(src)
    .then(async (response) => {
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      const variants = (await response.json()) as unknown;
      if (!Array.isArray(variants)) throw new Error(`${src}: not a list of variants`);
      for (const anchor of root.querySelectorAll<HTMLElement>('[data-variants]')) {
        const html: unknown = variants[Number(anchor.dataset['variants'])];
        if (typeof html === 'string' && html !== '') anchor.insertAdjacentHTML('afterend', html);
      }
      delete root.documentElement.dataset['variantsSrc'];
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/** Makes sure the page holds the variants of `release` before they are shown or run. */
export function variantsFor(release: string, root: Document = document): Promise<void> {
  return lacksVariants(release, root) ? loadVariants(root) : Promise.resolve();
}
