import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import {
  clampDockHeight,
  dockBounds,
  DOCK_HEIGHT_KEY,
  DOCK_STEP,
  keyboardDockHeight,
  readDockHeight,
} from '../../../src/lib/terminal/dock-resize.ts';

describe('terminal dock resizing', () => {
  it('keeps the height between a usable minimum and 80% of the viewport', () => {
    expect(clampDockHeight(10, 1000)).toBe(128);
    expect(clampDockHeight(5000, 1000)).toBe(800);
    expect(clampDockHeight(300.4, 1000)).toBe(300);
    expect(clampDockHeight(Number.NaN, 1000)).toBe(128);
  });

  it('never lets the maximum fall below the minimum on a tiny viewport', () => {
    expect(dockBounds(100)).toEqual({ min: 128, max: 128 });
  });

  it('grows with ArrowUp and shrinks with ArrowDown by one step', () => {
    expect(keyboardDockHeight('ArrowUp', 300, 1000)).toBe(300 + DOCK_STEP);
    expect(keyboardDockHeight('ArrowDown', 300, 1000)).toBe(300 - DOCK_STEP);
  });

  it('jumps to the bounds with Home and End and by a quarter viewport with PageUp', () => {
    expect(keyboardDockHeight('Home', 300, 1000)).toBe(128);
    expect(keyboardDockHeight('End', 300, 1000)).toBe(800);
    expect(keyboardDockHeight('PageUp', 300, 1000)).toBe(550);
  });

  it('ignores keys that do not resize', () => {
    expect(keyboardDockHeight('Enter', 300, 1000)).toBeUndefined();
    expect(keyboardDockHeight('a', 300, 1000)).toBeUndefined();
  });

  it('always lands within the bounds, whatever the key, height and viewport', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (key, current, viewport) => {
          const next = keyboardDockHeight(key, current, viewport) ?? -1;
          const { min, max } = dockBounds(viewport);
          return next >= min && next <= max;
        },
      ),
    );
  });

  it('reads a remembered height and ignores garbage or blocked storage', () => {
    expect(readDockHeight({ getItem: (k) => (k === DOCK_HEIGHT_KEY ? '320' : null) })).toBe(320);
    expect(readDockHeight({ getItem: () => 'tall' })).toBeUndefined();
    expect(readDockHeight({ getItem: () => null })).toBeUndefined();
    expect(
      readDockHeight({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toBeUndefined();
  });
});
