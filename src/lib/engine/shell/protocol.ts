/**
 * The engine's request/response protocol: what a host (the site's Web Worker, `kubelife serve
 * --jsonl`, a WebContainer running that CLI) exchanges with a session it does not own directly.
 * Every request carries an `id`; the server answers each with exactly one response of that id.
 * Engine state crosses the boundary as opaque JSON (`session.save()`), which clients only store.
 * Messages are plain JSON, so they survive `postMessage` and one-line-per-message text framing.
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
  /**
   * Release track the scenario is built for (a minor such as "v1.36"; default: the newest).
   * Ignored when `state` is given: a saved state knows its release.
   */
  readonly release?: string;
}

/** Run one logical command line (continuations kept, as the doc-tests run it). */
export interface RunRequest {
  readonly id: number;
  readonly type: 'run';
  readonly line: string;
}

/**
 * Run several logical command lines in order, as a replay does ("Run all up to here"): one message
 * and one answer instead of one per command. Every line runs, whatever the ones before returned
 * (a replay shows failures and goes on, as the doc-tests do); status and goal are read once, after
 * the last line.
 */
export interface RunManyRequest {
  readonly id: number;
  readonly type: 'runMany';
  readonly lines: readonly string[];
}

/** Tab completion of the word that ends `line` (the text before the cursor). Nothing runs. */
export interface CompleteRequest {
  readonly id: number;
  readonly type: 'complete';
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

/** Any request the protocol knows. */
export type EngineRequest =
  LoadRequest | RunRequest | RunManyRequest | CompleteRequest | ResetRequest | SaveRequest;

/** A small summary of the simulated cluster for a terminal's state badge. */
export interface ClusterStatus {
  /** Simulated time, RFC 3339 (`2026-11-25T09:00:00Z`). */
  readonly clock: string;
  /** Control-plane version once `kubeadm init` ran, else null. */
  readonly version: string | null;
  /** Release track the session's scenarios are built for, e.g. "v1.37". */
  readonly release: string;
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

/** Answer to a load or reset: the prompt to show. */
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
  /** Both streams interleaved in write order: what a terminal shows. */
  readonly output: string;
  readonly exitCode: number;
  readonly prompt: string;
  readonly status: ClusterStatus;
  /** The goal's status after this command, when the load named a goal. */
  readonly goal?: GoalStatus;
  /**
   * True when the line is not a whole command yet (an open `for`, quote or here-document):
   * nothing ran, and a terminal asks for the next line with `> ` and sends both together.
   */
  readonly incomplete?: boolean;
}

/** What one line of a `runMany` printed, and the prompt after it. */
export interface RanLine {
  /** Both streams interleaved in write order. */
  readonly output: string;
  readonly exitCode: number;
  readonly prompt: string;
}

/** Answer to a runMany: one entry per line, in order; the badge and goal after the last. */
export interface RunManyResponse {
  readonly id: number;
  readonly type: 'ranMany';
  readonly results: readonly RanLine[];
  readonly status: ClusterStatus;
  readonly goal?: GoalStatus;
}

/** Answer to a complete: where the word starts in the line and the words that complete it. */
export interface CompleteResponse {
  readonly id: number;
  readonly type: 'completed';
  readonly start: number;
  readonly candidates: readonly string[];
}

/** Answer to a save. */
export interface SaveResponse {
  readonly id: number;
  readonly type: 'saved';
  readonly state: unknown;
}

/**
 * The request could not be served (no session yet, unknown scenario, malformed request, …).
 * `id` is null when the request carried no readable id (JSON-RPC answers parse errors the same way).
 */
export interface ErrorResponse {
  readonly id: number | null;
  readonly type: 'error';
  readonly message: string;
}

/** Any response the protocol sends. */
export type EngineResponse =
  LoadResponse | RunResponse | RunManyResponse | CompleteResponse | SaveResponse | ErrorResponse;

/** The request types, for validation and messages. */
export const REQUEST_TYPES: readonly EngineRequest['type'][] = [
  'load',
  'run',
  'runMany',
  'complete',
  'reset',
  'save',
];

/** What each request type requires beyond `id` and `type` (name → expected `typeof`). */
const REQUIRED: Readonly<Record<EngineRequest['type'], Readonly<Record<string, string>>>> = {
  load: { scenario: 'string' },
  run: { line: 'string' },
  runMany: {},
  complete: { line: 'string' },
  reset: {},
  save: {},
};

/**
 * Checks an untrusted message (a parsed JSON line, a posted message) against the protocol.
 * Returns the request itself when it is well-formed, unknown extra fields included (so newer
 * clients can add optional fields), or the error response to send back.
 */
export function parseEngineRequest(message: unknown): EngineRequest | ErrorResponse {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { id: null, type: 'error', message: 'request must be a JSON object' };
  const fields = message as Record<string, unknown>;
  const id = Number.isSafeInteger(fields['id']) ? (fields['id'] as number) : null;
  const fail = (text: string): ErrorResponse => ({ id, type: 'error', message: text });
  if (id === null) return fail('request needs an integer "id"');
  const type = fields['type'];
  if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type))
    return fail(
      `unknown request type ${JSON.stringify(type ?? null)} (expected one of ${REQUEST_TYPES.join(', ')})`,
    );
  const required = REQUIRED[type as EngineRequest['type']];
  for (const [name, kind] of Object.entries(required))
    if (typeof fields[name] !== kind) return fail(`${type} request needs a ${kind} "${name}"`);
  if (type === 'load' && fields['goal'] !== undefined && typeof fields['goal'] !== 'string')
    return fail('load request "goal" must be a string');
  if (
    type === 'runMany' &&
    !(Array.isArray(fields['lines']) && fields['lines'].every((l) => typeof l === 'string'))
  )
    return fail('runMany request needs "lines", a list of strings');
  if (type === 'load' && fields['release'] !== undefined && typeof fields['release'] !== 'string')
    return fail('load request "release" must be a string');
  return message as EngineRequest;
}
