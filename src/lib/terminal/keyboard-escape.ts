/**
 * The keyboard way out of the terminal, as CodeMirror does it: a terminal needs Tab (completion),
 * so Tab stays inside, but Escape followed by Tab or Shift+Tab lets the browser move focus on. Kept
 * free of xterm so it can be tested with plain key objects.
 */

/** The part of a KeyboardEvent the escape hatch reads. */
export interface KeyLike {
  readonly type: string;
  readonly key: string;
}

/** What the terminal should do with a key event. */
export type EscapeDecision =
  /** Let xterm handle the key as usual. */
  | 'terminal'
  /** Escape pressed: tell the reader Tab now leaves; xterm ignores the key. */
  | 'armed'
  /** Tab after Escape: xterm ignores it, so the browser moves focus out of the terminal. */
  | 'leave';

/** Keys that do not cancel a pending Escape (Shift for Shift+Tab, the other modifiers alone). */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/** Creates the escape hatch's state machine; feed it every key event xterm sees. */
export function createKeyboardEscape(): (event: KeyLike) => EscapeDecision {
  let armed = false;
  return (event) => {
    if (event.type !== 'keydown') return 'terminal';
    if (event.key === 'Escape') {
      armed = true;
      return 'armed';
    }
    if (event.key === 'Tab' && armed) {
      armed = false;
      return 'leave';
    }
    if (!MODIFIERS.has(event.key)) armed = false;
    return 'terminal';
  };
}

/** The hint the terminal shows and announces (the dock's visible text says the same). */
export const ESCAPE_HINT = 'Press Esc then Tab (or Shift+Tab) to leave the terminal';

/** What is announced once Escape was pressed. */
export const ESCAPE_ARMED = 'Press Tab or Shift+Tab now to move out of the terminal';
