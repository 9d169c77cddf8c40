/**
 * Serves the request/response protocol of protocol.ts against one session at a time. Host-free
 * (no DOM, no Node): the site's Web Worker posts its answers, `kubelife serve --jsonl` prints them
 * one per line, and a WebContainer runs that same CLI. One handler, so every backend answers alike.
 */
import { checkGoal, formatRfc3339, goals } from '../src/index.ts';
import {
  parseEngineRequest,
  type ClusterStatus,
  type EngineRequest,
  type EngineResponse,
  type GoalStatus,
  type LoadResponse,
  type RanLine,
} from './protocol.ts';
import { createSession, type SerializedState, type Session } from './session.ts';
import { isCompleteInput } from './bash/parse.ts';

/** A protocol server holding the current session. */
export interface ProtocolHandler {
  /**
   * Serves one request (any value: it is validated first) and resolves to its one response.
   * Never throws and never rejects: failures, malformed requests included, become `error`
   * responses. Requests are served strictly in call order, even when called concurrently, so a
   * `run` never interleaves with the next one (runs are async because certificates use WebCrypto).
   */
  handle(request: unknown): Promise<EngineResponse>;
}

/** Reads the badge summary from the session's saved state (no extra commands run). */
function statusOf(session: Session): ClusterStatus {
  const { state } = session.save();
  return {
    clock: formatRfc3339(state.now),
    version: state.cluster?.version ?? null,
    release: session.release,
  };
}

/** Creates a handler with no session; the first request should be a `load`. */
export function createProtocolHandler(): ProtocolHandler {
  let session: Session | undefined;
  /** The page's goal predicate, checked after every command; undefined when it has none. */
  let goal: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** The goal's status for the session's current state (no extra commands run). */
  function goalOf(active: Session): { goal: GoalStatus } | Record<string, never> {
    if (goal === undefined) return {};
    const saved = active.save();
    const { done, detail } = checkGoal(saved.state, goal, { env: saved.env });
    return { goal: { name: goal, title: goals[goal]?.title ?? goal, done, detail } };
  }

  /** The answer to a load or reset: the new session's prompt, badge and goal. */
  function loaded(id: number, active: Session): LoadResponse {
    return {
      id,
      type: 'loaded',
      prompt: active.prompt,
      status: statusOf(active),
      ...goalOf(active),
    };
  }

  async function serve(request: EngineRequest): Promise<EngineResponse> {
    if (request.type === 'load') {
      session =
        request.state === undefined
          ? createSession({
              ...(request.scenario === '' ? {} : { scenario: request.scenario }),
              ...(request.release === undefined ? {} : { release: request.release }),
            })
          : createSession({ state: request.state as SerializedState });
      goal = request.goal;
      return loaded(request.id, session);
    }
    if (session === undefined)
      return { id: request.id, type: 'error', message: 'no session loaded' };
    if (request.type === 'save') return { id: request.id, type: 'saved', state: session.save() };
    if (request.type === 'reset') {
      session = createSession({ scenario: session.scenario, release: session.release });
      return loaded(request.id, session);
    }
    if (request.type === 'complete') {
      const { start, candidates } = session.complete(request.line);
      return { id: request.id, type: 'completed', start, candidates };
    }
    if (request.type === 'runMany') {
      const results: RanLine[] = [];
      for (const line of request.lines) {
        const result = await session.run(line);
        results.push({ output: result.output, exitCode: result.exitCode, prompt: session.prompt });
      }
      return {
        id: request.id,
        type: 'ranMany',
        results,
        status: statusOf(session),
        ...goalOf(session),
      };
    }
    const incomplete = !isCompleteInput(request.line);
    const result = incomplete
      ? { stdout: '', stderr: '', output: '', exitCode: 0 }
      : await session.run(request.line);
    return {
      ...(incomplete ? { incomplete } : {}),
      id: request.id,
      type: 'ran',
      stdout: result.stdout,
      stderr: result.stderr,
      output: result.output,
      exitCode: result.exitCode,
      prompt: session.prompt,
      status: statusOf(session),
      ...goalOf(session),
    };
  }

  async function serveSafely(message: unknown): Promise<EngineResponse> {
    const request = parseEngineRequest(message);
    if (request.type === 'error') return request;
    try {
      return await serve(request);
    } catch (error) {
      return {
        id: request.id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  return {
    handle(request) {
      const response = queue.then(() => serveSafely(request));
      queue = response;
      return response;
    },
  };
}
