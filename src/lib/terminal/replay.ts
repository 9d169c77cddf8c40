/**
 * Timing of replays (Run, Run all up to here): shared by the dock (progress, transcript) and the
 * lazily loaded xterm wiring, without pulling xterm into the page's first load.
 */

/** How often a replay's output reaches the screen and the dock's progress is redrawn. */
export const REPLAY_REFRESH_MS = 250;
