/**
 * Per-guide persistence of the simulated cluster in sessionStorage, so walking through a guide's
 * leaves continues one cluster. A page continues from the saved state only when that state came
 * from the same page (a reload) or from the previous leaf (the reader just ran it); otherwise it
 * starts from its declared scenario, exactly like the doc-tests do.
 */

/** What is stored per guide. */
export interface SavedSession {
  /** Page that produced the state (leaf slug, or `hard-way`). */
  readonly page: string;
  /** Engine state from `session.save()`. */
  readonly state: unknown;
  /** Hard-way pages: the page segment the state belongs to (see src/lib/guides/hard-way.ts). */
  readonly segment?: number;
}

/** The page asking where to start. */
export interface PageIdentity {
  /** Storage key, one per guide (and one for its hard-way page). */
  readonly key: string;
  readonly page: string;
  /** The previous leaf in reading order, if any. */
  readonly previousPage?: string | undefined;
}

/** Where a page's terminal starts. */
export type StartPoint =
  | {
      readonly from: 'saved';
      readonly page: string;
      readonly state: unknown;
      readonly segment?: number | undefined;
    }
  | { readonly from: 'scenario' };

/** Decides where a page's terminal starts (pure). */
export function chooseStart(saved: SavedSession | undefined, page: PageIdentity): StartPoint {
  if (saved === undefined) return { from: 'scenario' };
  if (
    saved.page === page.page ||
    (page.previousPage !== undefined && saved.page === page.previousPage)
  ) {
    return { from: 'saved', page: saved.page, state: saved.state, segment: saved.segment };
  }
  return { from: 'scenario' };
}

/** Storage key for a guide's leaves, or for its hard-way page. */
export function storageKey(guide: string, hardWay: boolean): string {
  return hardWay ? `kubelife:session:hard-way:${guide}` : `kubelife:session:${guide}`;
}

/**
 * The storage key of a guide's session in one release: each release keeps its own cluster, so
 * switching the release picker never continues a cluster built for another release.
 */
export function releaseStorageKey(key: string, release: string): string {
  return release === '' ? key : `${key}:${release}`;
}

/** Reads a saved session; undefined when absent, unreadable or storage is blocked. */
export function readSaved(
  storage: Pick<Storage, 'getItem'>,
  key: string,
): SavedSession | undefined {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as Partial<SavedSession>;
    if (typeof parsed.page !== 'string') return undefined;
    return typeof parsed.segment === 'number'
      ? { page: parsed.page, state: parsed.state, segment: parsed.segment }
      : { page: parsed.page, state: parsed.state };
  } catch {
    return undefined;
  }
}

/** Writes a saved session; storage failures (quota, privacy mode) only lose persistence. */
export function writeSaved(
  storage: Pick<Storage, 'setItem'>,
  key: string,
  saved: SavedSession,
): void {
  try {
    storage.setItem(key, JSON.stringify(saved));
  } catch {
    // Persistence is a convenience; the terminal keeps working without it.
  }
}

/** Forgets a guide's saved session. */
export function clearSaved(storage: Pick<Storage, 'removeItem'>, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // See writeSaved.
  }
}
