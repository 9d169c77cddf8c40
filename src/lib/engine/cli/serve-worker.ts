/**
 * The worker-thread side of `kubelife serve` (serve-isolated.ts starts it): the session and the
 * protocol handler live here, so the server's main thread can stop a run that passes its
 * deadline by terminating this thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { EngineResponse, SerializedState } from '../shell/index.ts';

/** The workerData marker that makes the program run as a serve worker. */
export const SERVE_WORKER_ROLE = 'kubelife-serve-worker';

/** What the worker thread answers: the response and the session saved right after it. */
export interface WorkerAnswer {
  readonly response: EngineResponse;
  readonly saved: SerializedState | null;
}

/** True inside the worker thread this module starts. */
export function isServeWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === SERVE_WORKER_ROLE;
}

/** The worker thread's loop: serves requests and sends each answer with the saved session. */
export async function runServeWorker(): Promise<number> {
  const port = parentPort;
  if (port === null) return 1;
  const { createProtocolHandler } = await import('../shell/index.ts');
  const handler = createProtocolHandler();
  port.on('message', (request: unknown) => {
    void (async () => {
      const response = await handler.handle(request);
      const saved = await handler.handle({ id: 0, type: 'save' });
      const answer: WorkerAnswer = {
        response,
        saved: saved.type === 'saved' ? (saved.state as SerializedState) : null,
      };
      port.postMessage(answer);
    })();
  });
  // The thread lives until the server terminates it.
  return new Promise(() => undefined);
}
