/**
 * The engine Web Worker: owns one `kubelife` session and serves WorkerRequest messages in order
 * (runs are async because certificates use WebCrypto, so requests are chained to keep them from
 * interleaving). Keeping the engine off the main thread keeps typing responsive while kubeadm
 * signs certificates.
 */
import {
  checkGoal,
  createSession,
  formatRfc3339,
  goals,
  type Session,
  type SerializedState,
} from 'kubelife';

import type {
  ClusterStatus,
  GoalStatus,
  LoadResponse,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
let session: Session | undefined;
let queue: Promise<void> = Promise.resolve();
/** The page's goal predicate, checked after every command; undefined when the page has none. */
let goal: string | undefined;

/** Reads the badge summary from the session's saved state (no extra commands run). */
function statusOf(active: Session): ClusterStatus {
  const { state } = active.save();
  return { clock: formatRfc3339(state.now), version: state.cluster?.version ?? null };
}

/** The goal's status for the session's current state (no extra commands run). */
function goalOf(active: Session): { goal: GoalStatus } | Record<string, never> {
  if (goal === undefined) return {};
  const { done, detail } = checkGoal(active.save().state, goal);
  return { goal: { name: goal, title: goals[goal]?.title ?? goal, done, detail } };
}

/** The answer to a load or reset: the new session's prompt, badge and goal. */
function loaded(id: number, active: Session): LoadResponse {
  return { id, type: 'loaded', prompt: active.prompt, status: statusOf(active), ...goalOf(active) };
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    if (request.type === 'load') {
      session =
        request.state === undefined
          ? createSession(request.scenario === '' ? {} : { scenario: request.scenario })
          : createSession({ state: request.state as SerializedState });
      goal = request.goal;
      return loaded(request.id, session);
    }
    if (session === undefined)
      return { id: request.id, type: 'error', message: 'no session loaded' };
    if (request.type === 'save') return { id: request.id, type: 'saved', state: session.save() };
    if (request.type === 'reset') {
      session = createSession({ scenario: session.scenario });
      return loaded(request.id, session);
    }
    const result = await session.run(request.line);
    return {
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
  } catch (error) {
    return {
      id: request.id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(async () => scope.postMessage(await handle(request)));
});
