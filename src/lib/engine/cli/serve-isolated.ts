/**
 * A protocol handler whose session lives in a worker thread, so a `run` that passes its deadline
 * can be stopped: the thread is terminated, a new one starts from the state saved after the last
 * request that finished, and the run is answered with an error saying so. The session keeps
 * answering. The worker is this same program (the bin, or the WebContainer bundle) started again
 * with a marker in workerData, so no second file has to ship. Where threads are not available the
 * handler runs in-process, without a deadline.
 */
import { Worker } from 'node:worker_threads';
import type { ProtocolHandler, SerializedState } from '../shell/index.ts';
import { SERVE_WORKER_ROLE, type WorkerAnswer } from './serve-worker.ts';

/** Formats a deadline for the message: `10s`, `250ms`. */
function formatDeadline(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function startWorker(entry: string): Worker {
  return new Worker(entry, { workerData: { role: SERVE_WORKER_ROLE }, argv: [], stdout: false });
}

/** A protocol handler that owns a worker thread: close it when the input ends. */
export interface IsolatedHandler extends ProtocolHandler {
  /** Stops the worker thread (the process could not exit while it runs). */
  close(): Promise<void>;
}

/**
 * A handler that stops any `run` still going after `deadlineMs` (0: no deadline). `entry` is the
 * program file to start as the worker (process.argv[1]).
 */
export async function createIsolatedHandler(
  deadlineMs: number,
  entry: string | undefined,
): Promise<IsolatedHandler> {
  const inProcess = async (): Promise<IsolatedHandler> => {
    const { createProtocolHandler } = await import('../shell/index.ts');
    const handler = createProtocolHandler();
    return { handle: (request) => handler.handle(request), close: () => Promise.resolve() };
  };
  if (deadlineMs <= 0 || entry === undefined) return inProcess();
  let worker: Worker;
  try {
    worker = startWorker(entry);
  } catch {
    return inProcess();
  }
  let saved: SerializedState | null = null;
  let goal: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function ask(request: unknown, limit: number): Promise<WorkerAnswer | 'timeout'> {
    return new Promise((resolve, reject) => {
      const timer = limit > 0 ? setTimeout(() => finish('timeout'), limit) : undefined;
      const onMessage = (answer: WorkerAnswer): void => finish(answer);
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      function cleanup(): void {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      }
      function finish(value: WorkerAnswer | 'timeout'): void {
        cleanup();
        resolve(value);
      }
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  /** Replaces a stuck worker by a new one holding the last saved session. */
  async function restart(): Promise<void> {
    await worker.terminate();
    worker = startWorker(entry ?? '');
    if (saved !== null)
      await ask(
        {
          id: 0,
          type: 'load',
          scenario: '',
          state: saved,
          ...(goal === undefined ? {} : { goal }),
        },
        0,
      );
  }

  async function serve(request: unknown): Promise<Awaited<ReturnType<ProtocolHandler['handle']>>> {
    const r = (typeof request === 'object' && request !== null ? request : {}) as {
      type?: unknown;
      id?: unknown;
      goal?: unknown;
    };
    const isRun = r.type === 'run';
    const answer = await ask(request, isRun ? deadlineMs : 0);
    if (answer === 'timeout') {
      await restart();
      return {
        id: typeof r.id === 'number' ? r.id : null,
        type: 'error',
        message: `command stopped after ${formatDeadline(deadlineMs)} (the deadline); the session is as it was before it`,
      };
    }
    if (answer.response.type === 'loaded' && r.type === 'load')
      goal = typeof r.goal === 'string' ? r.goal : undefined;
    saved = answer.saved;
    return answer.response;
  }

  return {
    handle(request) {
      const response = queue.then(() => serve(request));
      queue = response.catch(() => undefined);
      return response.catch((error: unknown) => ({
        id: null,
        type: 'error' as const,
        message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      }));
    },
    async close() {
      await queue;
      await worker.terminate();
    },
  };
}
