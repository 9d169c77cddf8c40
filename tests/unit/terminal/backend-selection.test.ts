import { describe, expect, it } from 'vitest';

import {
  BACKEND_STORAGE_KEY,
  detectWebContainerSupport,
  effectiveBackend,
  readBackendChoice,
  writeBackendChoice,
} from '../../../src/lib/terminal/backends/backend-selection.ts';

/** A Storage stand-in backed by a Map; `blocked` throws like storage in some privacy modes. */
function memoryStorage(blocked = false): Pick<Storage, 'getItem' | 'setItem'> & {
  items: Map<string, string>;
} {
  const items = new Map<string, string>();
  return {
    items,
    getItem(key) {
      if (blocked) throw new Error('SecurityError');
      return items.get(key) ?? null;
    },
    setItem(key, value) {
      if (blocked) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('WebContainer feature detection', () => {
  it('is available on a cross-origin isolated page with SharedArrayBuffer', () => {
    const support = detectWebContainerSupport({
      crossOriginIsolated: true,
      SharedArrayBuffer: ArrayBuffer,
    });

    expect(support).toEqual({ available: true });
  });

  it('names the missing COOP/COEP headers on a page that is not cross-origin isolated', () => {
    const support = detectWebContainerSupport({
      crossOriginIsolated: false,
      SharedArrayBuffer: ArrayBuffer,
    });

    expect(support.available).toBe(false);
    expect(support.available ? '' : support.reason).toContain('COOP/COEP headers');
  });

  it('names SharedArrayBuffer when an isolated page lacks it', () => {
    const support = detectWebContainerSupport({ crossOriginIsolated: true });

    expect(support.available ? '' : support.reason).toContain('SharedArrayBuffer');
  });

  it('treats a missing crossOriginIsolated (old browsers, Node) as not isolated', () => {
    const support = detectWebContainerSupport({});

    expect(support.available).toBe(false);
  });
});

describe('backend choice', () => {
  it('defaults to the worker when nothing is stored', () => {
    const storage = memoryStorage();

    expect(readBackendChoice(storage)).toBe('worker');
  });

  it('persists the WebContainer choice under one site-wide key', () => {
    const storage = memoryStorage();

    writeBackendChoice(storage, 'webcontainer');

    expect(storage.items.get(BACKEND_STORAGE_KEY)).toBe('webcontainer');
    expect(readBackendChoice(storage)).toBe('webcontainer');
  });

  it('reads an unknown stored value as the worker', () => {
    const storage = memoryStorage();
    storage.items.set(BACKEND_STORAGE_KEY, 'quantum');

    expect(readBackendChoice(storage)).toBe('worker');
  });

  it('survives storage that throws, choosing the worker', () => {
    const storage = memoryStorage(true);

    writeBackendChoice(storage, 'webcontainer');

    expect(readBackendChoice(storage)).toBe('worker');
  });

  it('starts the worker when the stored WebContainer choice is not supported here', () => {
    const unsupported = { available: false, reason: 'no headers' } as const;

    expect(effectiveBackend('webcontainer', unsupported)).toBe('worker');
    expect(effectiveBackend('webcontainer', { available: true })).toBe('webcontainer');
    expect(effectiveBackend('worker', { available: true })).toBe('worker');
  });
});
