/**
 * Events are what transitions report, as data. The shell turns them into text; the core never
 * prints.
 */

/** Output stream an event belongs to. */
export type Stream = 'stdout' | 'stderr';

/** Something a transition wants the user to see. */
export type EngineEvent =
  /** A kubeadm-style log line, printed as `[phase] text`. */
  | { readonly type: 'phase.log'; readonly phase: string; readonly text: string }
  /** A preflight finding printed as `\t[WARNING Name]: message`. */
  | { readonly type: 'preflight.warning'; readonly check: string; readonly message: string }
  /** Verbatim text (one or more lines, no trailing newline). */
  | { readonly type: 'text'; readonly stream: Stream; readonly text: string };

/** Shorthand for a `phase.log` event. */
export function log(phase: string, text: string): EngineEvent {
  return { type: 'phase.log', phase, text };
}

/** Shorthand for a verbatim `text` event. */
export function text(value: string, stream: Stream = 'stdout'): EngineEvent {
  return { type: 'text', stream, text: value };
}
