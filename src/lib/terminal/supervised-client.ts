/**
 * A Web Worker engine client that can always be stopped. A command still running after the
 * deadline, or interrupted with Ctrl-C, ends the worker (a busy worker cannot be asked to stop),
 * and a new one continues from the last state saved before that command: the terminal answers
 * again at once and the command's error says what happened.
 */
import type { LoadResponse } from './protocol.ts';
import { createEngineClient, type EngineClient, type WorkerLike } from './worker-client.ts';

/** How long one command may run in the browser before it is stopped. */
export const RUN_DEADLINE_MS = 10_000;

/** Options of {@link createSupervisedClient}. */
export interface SupervisedOptions {
  /** Deadline of one `run`, in milliseconds (default {@link RUN_DEADLINE_MS}). */
  readonly deadlineMs?: number;
}

/** The deadline as the message shows it. */
function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Creates a client on workers made by `makeWorker`, replacing one that overruns or is stopped. */
export function createSupervisedClient(
  makeWorker: () => WorkerLike,
  options: SupervisedOptions = {},
): EngineClient {
  const deadlineMs = options.deadlineMs ?? RUN_DEADLINE_MS;
  let inner = createEngineClient(makeWorker());
  let lastLoad: { scenario: string; goal?: string; release?: string } = { scenario: '' };
  /** The state saved after the last command that finished (undefined: the scenario's start). */
  let lastGood: unknown;
  /** Stops the running command, if any. */
  let stop: ((why: string) => void) | undefined;

  /** A fresh worker holding the last good state. */
  async function recover(): Promise<void> {
    inner.dispose();
    inner = createEngineClient(makeWorker());
    await inner.load(lastLoad.scenario, lastGood, lastLoad.goal, lastLoad.release);
  }

  /** Runs `work` on the current worker; past the deadline or on Ctrl-C, replaces the worker. */
  async function supervised<T>(work: () => Promise<T>): Promise<T> {
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const timer = setTimeout(
      () => stop?.(`command stopped after ${seconds(deadlineMs)} (the deadline)`),
      deadlineMs,
    );
    try {
      const outcome = await Promise.race([
        work().then((response) => ({ response })),
        stopped.then((why) => ({ why })),
      ]);
      if ('response' in outcome) return outcome.response;
      await recover();
      throw new Error(`${outcome.why}; the session is as it was before it`);
    } finally {
      clearTimeout(timer);
      stop = undefined;
    }
  }

  return {
    async load(scenario, state, goal, release) {
      const loaded = await inner.load(scenario, state, goal, release);
      lastLoad = {
        scenario,
        ...(goal === undefined ? {} : { goal }),
        ...(release === undefined ? {} : { release }),
      };
      lastGood = state;
      return loaded;
    },
    run(line) {
      return supervised(() => inner.run(line));
    },
    runMany(lines) {
      return supervised(() => inner.runMany(lines));
    },
    complete(line) {
      return inner.complete(line);
    },
    async reset(): Promise<LoadResponse> {
      const loaded = await inner.reset();
      lastGood = undefined;
      return loaded;
    },
    async save() {
      const state = await inner.save();
      if (state !== undefined) lastGood = state;
      return state;
    },
    interrupt() {
      stop?.('interrupted');
    },
    dispose() {
      inner.dispose();
    },
  };
}
