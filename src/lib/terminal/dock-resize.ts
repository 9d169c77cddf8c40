/**
 * Resizing the terminal dock: a horizontal separator above the dock that the reader drags, or
 * focuses and moves with the arrow keys (WAI-ARIA window splitter pattern). The height lives in a
 * CSS custom property on the dock, so xterm's fit addon (which observes the screen) re-fits by
 * itself, and it is remembered in localStorage for every page. No xterm import here: this runs
 * before the terminal is loaded.
 */

/** localStorage key of the dock's height in CSS pixels. */
export const DOCK_HEIGHT_KEY = 'kubelife-terminal-height';

/** Arrow-key step in CSS pixels. */
export const DOCK_STEP = 32;

/** Smallest and largest screen heights for a viewport of `viewportHeight` pixels. */
export function dockBounds(viewportHeight: number): { min: number; max: number } {
  const min = 128;
  return { min, max: Math.max(min, Math.round(viewportHeight * 0.8)) };
}

/** `height` kept within the bounds of the viewport, rounded to a whole pixel. */
export function clampDockHeight(height: number, viewportHeight: number): number {
  const { min, max } = dockBounds(viewportHeight);
  if (!Number.isFinite(height)) return min;
  return Math.round(Math.min(max, Math.max(min, height)));
}

/**
 * The height a key press asks for (ArrowUp/ArrowDown by one step, PageUp/PageDown by a quarter
 * of the viewport, Home/End to the bounds), or undefined for any other key. The separator sits
 * above the terminal, so "up" makes the terminal taller.
 */
export function keyboardDockHeight(
  key: string,
  current: number,
  viewportHeight: number,
): number | undefined {
  const { min, max } = dockBounds(viewportHeight);
  const page = Math.round(viewportHeight / 4);
  const next: Record<string, number> = {
    ArrowUp: current + DOCK_STEP,
    ArrowDown: current - DOCK_STEP,
    PageUp: current + page,
    PageDown: current - page,
    Home: min,
    End: max,
  };
  const wanted = next[key];
  return wanted === undefined ? undefined : clampDockHeight(wanted, viewportHeight);
}

/** Reads the remembered height; undefined when absent, unreadable or storage is blocked. */
export function readDockHeight(storage: Pick<Storage, 'getItem'>): number | undefined {
  try {
    const raw = storage.getItem(DOCK_HEIGHT_KEY);
    const value = raw === null ? NaN : Number(raw);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A wired separator: `sync()` reads the screen's height into the separator's values. */
export interface DockResize {
  /** Call once the dock is shown (its height is known); needs a layout read. */
  sync(): void;
  dispose(): void;
}

/**
 * Wires `handle` (the separator) to resize `dock`: sets `--terminal-height` on it, keeps the
 * separator's aria-valuenow/min/max current, and remembers the height.
 */
export function attachDockResize(
  handle: HTMLElement,
  dock: HTMLElement,
  screen: HTMLElement,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): DockResize {
  const viewport = (): number => window.innerHeight;
  const apply = (height: number, remember: boolean): void => {
    const h = clampDockHeight(height, viewport());
    const { min, max } = dockBounds(viewport());
    dock.style.setProperty('--terminal-height', `${h}px`);
    handle.setAttribute('aria-valuenow', String(h));
    handle.setAttribute('aria-valuemin', String(min));
    handle.setAttribute('aria-valuemax', String(max));
    if (!remember) return;
    try {
      storage.setItem(DOCK_HEIGHT_KEY, String(h));
    } catch {
      // Storage can be unavailable (private mode); the height still applies to this page.
    }
  };
  // A remembered height applies at once (no layout read); otherwise the CSS default stands until
  // sync() reads the shown screen's height into the separator's values.
  const remembered = readDockHeight(storage);
  if (remembered !== undefined) apply(remembered, false);
  const sync = (): void => {
    const custom = dock.style.getPropertyValue('--terminal-height') !== '';
    apply(screen.getBoundingClientRect().height, false);
    if (!custom) dock.style.removeProperty('--terminal-height');
  };

  let drag: { startY: number; startHeight: number } | undefined;
  const onDown = (event: PointerEvent): void => {
    drag = { startY: event.clientY, startHeight: screen.getBoundingClientRect().height };
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onMove = (event: PointerEvent): void => {
    if (drag) apply(drag.startHeight + (drag.startY - event.clientY), false);
  };
  const onUp = (): void => {
    if (!drag) return;
    drag = undefined;
    apply(screen.getBoundingClientRect().height, true);
  };
  const onKey = (event: KeyboardEvent): void => {
    const next = keyboardDockHeight(event.key, screen.getBoundingClientRect().height, viewport());
    if (next === undefined) return;
    event.preventDefault();
    apply(next, true);
  };
  handle.addEventListener('pointerdown', onDown);
  handle.addEventListener('pointermove', onMove);
  handle.addEventListener('pointerup', onUp);
  handle.addEventListener('pointercancel', onUp);
  handle.addEventListener('keydown', onKey);
  const dispose = (): void => {
    handle.removeEventListener('pointerdown', onDown);
    handle.removeEventListener('pointermove', onMove);
    handle.removeEventListener('pointerup', onUp);
    handle.removeEventListener('pointercancel', onUp);
    handle.removeEventListener('keydown', onKey);
  };
  return { sync, dispose };
}
