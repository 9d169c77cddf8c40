/**
 * Starting the engine Web Worker ahead of the terminal. The worker's script (the whole engine) is
 * the largest thing a terminal loads, and it downloads, compiles and evaluates on its own thread:
 * started when the reader reaches for a snippet or the dock, and at the latest on the click, it
 * gets ready while the main thread loads and opens xterm instead of after it (cold
 * click-to-first-output, `scripts/bench-terminal.ts`). Messages posted before it is ready wait in
 * its queue, as with any worker.
 */

/** A new engine worker (Vite bundles `engine-worker.ts` as its own module script). */
const newEngineWorker = (): Worker =>
  new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });

/** Hands out engine workers (or fakes in tests), starting one ahead on request. */
export interface EngineWorkerStarter<W = Worker> {
  /** Starts a worker now unless one is already waiting (a second call does nothing). */
  prestart(): void;
  /** The worker started ahead, or a new one: each worker is handed out once. */
  take(): W;
}

/** Creates a starter making workers with `make`. */
export function createEngineWorkerStarter<W>(make: () => W): EngineWorkerStarter<W> {
  let waiting: W | undefined;
  return {
    prestart() {
      waiting ??= make();
    },
    take() {
      const worker = waiting ?? make();
      waiting = undefined;
      return worker;
    },
  };
}

/** The page's starter: the dock prestarts, the terminal it mounts takes. */
export const engineWorkers: EngineWorkerStarter = createEngineWorkerStarter(newEngineWorker);
