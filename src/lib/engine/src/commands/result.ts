/**
 * What a transition returns: the next state and its events, or an error together with the events
 * printed before the failure (kubeadm prints phase logs up to the failing phase).
 */
import type { ClusterState } from '../model/state.ts';
import type { EngineEvent } from '../events.ts';
import type { EngineError } from '../errors.ts';

/** Success: a new state (structurally shared with the old one) and its events. */
export interface Applied {
  readonly ok: true;
  readonly state: ClusterState;
  readonly events: readonly EngineEvent[];
}

/** Failure: the state is unchanged; events are what was printed before the error. */
export interface Rejected {
  readonly ok: false;
  readonly error: EngineError;
  readonly events: readonly EngineEvent[];
  /** Partial state when the command changed the machine before failing (kubeadm phases do). */
  readonly state?: ClusterState;
}

/** Outcome of {@link apply}. */
export type Transition = Applied | Rejected;

/** Injected dependencies of a transition. */
export interface Context {
  /** Simulated time; defaults to the state's own clock. */
  readonly now?: number;
}

/** Builds a successful transition. */
export function ok(state: ClusterState, events: readonly EngineEvent[] = []): Applied {
  return { ok: true, state, events };
}

/** Builds a rejected transition. */
export function fail(
  error: EngineError,
  events: readonly EngineEvent[] = [],
  state?: ClusterState,
): Rejected {
  return state ? { ok: false, error, events, state } : { ok: false, error, events };
}
