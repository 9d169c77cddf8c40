/**
 * Which engine backend the page terminal uses: the offline Web Worker (always, by default) or,
 * when the reader opts in and the page can host one, a WebContainer running `kubelife serve
 * --jsonl`. Pure and tiny: the dock's script imports it before any interaction, so nothing here
 * may pull in the terminal, the engine or `@webcontainer/api`.
 */

/** The two engine backends. */
export type BackendChoice = 'worker' | 'webcontainer';

/** Whether this page can host a WebContainer, and if not, why (shown to the reader). */
export type BackendSupport =
  { readonly available: true } | { readonly available: false; readonly reason: string };

/** The globals feature detection reads (`globalThis` in the page, a plain object in tests). */
export interface IsolationScope {
  readonly crossOriginIsolated?: unknown;
  readonly SharedArrayBuffer?: unknown;
}

/** localStorage key of the reader's backend choice (one for the whole site). */
export const BACKEND_STORAGE_KEY = 'kubelife:backend';

/**
 * Detects WebContainer support without loading anything: WebContainers need `SharedArrayBuffer`,
 * which browsers only expose on cross-origin isolated pages (served with COOP/COEP headers).
 */
export function detectWebContainerSupport(scope: IsolationScope): BackendSupport {
  if (scope.crossOriginIsolated !== true)
    return { available: false, reason: 'needs cross-origin isolation (COOP/COEP headers)' };
  if (typeof scope.SharedArrayBuffer !== 'function')
    return { available: false, reason: 'needs SharedArrayBuffer, which this browser lacks' };
  return { available: true };
}

/** The page's localStorage, or null where merely touching it throws (sandboxed frames). */
export function backendStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads the stored choice; anything but a valid stored choice (or blocked storage) is the worker. */
export function readBackendChoice(storage: Pick<Storage, 'getItem'> | null): BackendChoice {
  try {
    return storage?.getItem(BACKEND_STORAGE_KEY) === 'webcontainer' ? 'webcontainer' : 'worker';
  } catch {
    return 'worker';
  }
}

/** Stores the choice; storage failures (quota, privacy mode) only lose the preference. */
export function writeBackendChoice(
  storage: Pick<Storage, 'setItem'> | null,
  choice: BackendChoice,
): void {
  try {
    storage?.setItem(BACKEND_STORAGE_KEY, choice);
  } catch {
    // A preference is a convenience; the terminal works either way.
  }
}

/** The backend to start: the stored choice when this page supports it, else the worker. */
export function effectiveBackend(stored: BackendChoice, support: BackendSupport): BackendChoice {
  return stored === 'webcontainer' && support.available ? 'webcontainer' : 'worker';
}

/** Human name of a backend, as the dock's select and the terminal's notices show it. */
export const BACKEND_LABELS: Readonly<Record<BackendChoice, string>> = {
  worker: 'Offline engine (Web Worker)',
  webcontainer: 'WebContainer (Node.js in the tab)',
};
