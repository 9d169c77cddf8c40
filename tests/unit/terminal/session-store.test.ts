import { describe, expect, it } from 'vitest';

import {
  chooseStart,
  readSaved,
  releaseStorageKey,
  storageKey,
  writeSaved,
} from '../../../src/lib/terminal/session-store.ts';

const page = {
  key: 'kubelife:session:install',
  page: 'install-cni',
  previousPage: 'init-control-plane',
};

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('chooseStart', () => {
  it('starts from the scenario when nothing is saved', () => {
    const start = chooseStart(undefined, page);

    expect(start).toEqual({ from: 'scenario' });
  });

  it('continues from the state the previous leaf left behind', () => {
    const start = chooseStart({ page: 'init-control-plane', state: { n: 1 } }, page);

    expect(start).toEqual({ from: 'saved', page: 'init-control-plane', state: { n: 1 } });
  });

  it('continues its own state after a reload', () => {
    const start = chooseStart({ page: 'install-cni', state: { n: 2 } }, page);

    expect(start).toEqual({ from: 'saved', page: 'install-cni', state: { n: 2 } });
  });

  it('starts from the scenario when the saved state came from an unrelated leaf', () => {
    const start = chooseStart({ page: 'verify', state: { n: 3 } }, page);

    expect(start).toEqual({ from: 'scenario' });
  });

  it('starts the first leaf from its scenario even if another leaf saved state', () => {
    const start = chooseStart(
      { page: 'verify', state: {} },
      { key: 'k', page: 'prepare-machines' },
    );

    expect(start).toEqual({ from: 'scenario' });
  });
});

describe('saved sessions', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();

    writeSaved(storage, 'k', { page: 'verify', state: { machines: ['cp-1'] } });

    expect(readSaved(storage, 'k')).toEqual({ page: 'verify', state: { machines: ['cp-1'] } });
  });

  it('ignores unreadable entries', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');

    expect(readSaved(storage, 'k')).toBeUndefined();
  });

  it('survives storage that throws', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };

    writeSaved(blocked, 'k', { page: 'p', state: null });

    expect(readSaved(blocked, 'k')).toBeUndefined();
  });

  it('keeps hard-way pages apart from the guide leaves', () => {
    expect(storageKey('install', true)).not.toBe(storageKey('install', false));
  });
});

describe('release storage keys', () => {
  it('keeps one cluster per guide and release', () => {
    expect(releaseStorageKey('kubelife:session:upgrade', 'v1.36')).toBe(
      'kubelife:session:upgrade:v1.36',
    );
    expect(releaseStorageKey('kubelife:session:upgrade', 'v1.36')).not.toBe(
      releaseStorageKey('kubelife:session:upgrade', 'v1.37'),
    );
    expect(releaseStorageKey('kubelife:session:upgrade', '')).toBe('kubelife:session:upgrade');
  });
});
