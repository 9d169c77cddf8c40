/**
 * Messages between the page (worker-client.ts) and the engine Web Worker (engine-worker.ts).
 * Every request carries an `id`; the worker answers each with exactly one response of that id.
 * Engine state crosses the boundary as opaque JSON (`session.save()`), which the page only stores.
 */

/** Start a fresh session from a named scenario, or continue from a saved state. */
export interface LoadRequest {
  readonly id: number;
  readonly type: 'load';
  /** Scenario name; empty for the engine's default. */
  readonly scenario: string;
  /** State from an earlier `save`; when present it wins over `scenario`. */
  readonly state?: unknown;
  /** Goal predicate to check after loading and after every command (a leaf's `goal`). */
  readonly goal?: string;
}

/** Run one logical command line (continuations kept, as the doc-tests run it). */
export interface RunRequest {
  readonly id: number;
  readonly type: 'run';
  readonly line: string;
}

/** Start again from the scenario the current session started from. */
export interface ResetRequest {
  readonly id: number;
  readonly type: 'reset';
}

/** Ask for the session's serialised state. */
export interface SaveRequest {
  readonly id: number;
  readonly type: 'save';
}

/** Any request the worker understands. */
export type WorkerRequest = LoadRequest | RunRequest | ResetRequest | SaveRequest;

/** A small summary of the simulated cluster for the terminal's state badge. */
export interface ClusterStatus {
  /** Simulated time, RFC 3339 (`2026-11-25T09:00:00Z`). */
  readonly clock: string;
  /** Control-plane version once `kubeadm init` ran, else null. */
  readonly version: string | null;
}

/** Result of checking the page's goal predicate against the session's state. */
export interface GoalStatus {
  readonly name: string;
  /** What the goal asks for, e.g. "every node is Ready". */
  readonly title: string;
  readonly done: boolean;
  /** What is still missing, or what was reached. */
  readonly detail: string;
}

/** Answer to a load: the prompt to show. */
export interface LoadResponse {
  readonly id: number;
  readonly type: 'loaded';
  readonly prompt: string;
  readonly status: ClusterStatus;
  /** The goal's status when the load named one. */
  readonly goal?: GoalStatus;
}

/** Answer to a run: what the command printed and the prompt to show next. */
export interface RunResponse {
  readonly id: number;
  readonly type: 'ran';
  readonly stdout: string;
  readonly stderr: string;
  /** Both streams interleaved in write order: what the terminal shows. */
  readonly output: string;
  readonly exitCode: number;
  readonly prompt: string;
  readonly status: ClusterStatus;
  /** The goal's status after this command, when the load named a goal. */
  readonly goal?: GoalStatus;
}

/** Answer to a save. */
export interface SaveResponse {
  readonly id: number;
  readonly type: 'saved';
  readonly state: unknown;
}

/** The request could not be served (no session yet, unknown scenario, …). */
export interface ErrorResponse {
  readonly id: number;
  readonly type: 'error';
  readonly message: string;
}

/** Any response the worker sends. */
export type WorkerResponse = LoadResponse | RunResponse | SaveResponse | ErrorResponse;
