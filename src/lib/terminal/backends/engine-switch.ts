/**
 * An engine client that can change backend under a running terminal. It always starts on the
 * offline Web Worker, so the prompt never waits for anything remote; `use('webcontainer')` starts
 * the WebContainer in the background and moves the session over (save on one, load on the other:
 * engine state is plain JSON) once it answers. Whatever fails on the way (import, boot, spawn, the
 * first load) leaves the worker in place and says why. If the WebContainer's process dies later,
 * the session moves back to a fresh worker from its last saved state and the interrupted request
 * is served there.
 *
 * Every request and every move runs in one lane, strictly one after another, so a command never
 * runs on a backend that is being replaced.
 */
import type { LoadResponse } from '../protocol.ts';
import type { EngineClient } from '../worker-client.ts';
// Types only: backend-selection.ts is part of the dock's initial script, and a runtime import
// here would split it into a chunk of its own that every page then loads.
import type { BackendChoice } from './backend-selection.ts';
import type { StartedBackend } from './webcontainer.ts';
import { reasonOf, withTimeout } from './with-timeout.ts';

/** What the switch needs from its host (mount.ts, or a test). */
export interface EngineSwitchOptions {
  /** Creates a fresh Web Worker client. */
  createWorker(): EngineClient;
  /** Starts the WebContainer backend (lazily imported by the caller). */
  startWebContainer(): Promise<StartedBackend>;
  /** Goal predicate to keep checking after a move. */
  readonly goal?: string | undefined;
  /** Prints a notice in the terminal. */
  notify(text: string): void;
  /** Told the backend in use after every change, and why a requested WebContainer is not. */
  onBackend?(backend: BackendChoice, failure?: string): void;
  /** How long the new backend may take to load the session (default 30 s). */
  readonly handshakeTimeoutMs?: number;
}

/** An EngineClient whose backend can change. */
export interface EngineSwitch extends EngineClient {
  /** The backend serving requests now. */
  readonly backend: BackendChoice;
  /** Moves the session to `choice`; resolves to the backend in use afterwards. */
  use(choice: BackendChoice): Promise<BackendChoice>;
}

interface Active {
  readonly backend: BackendChoice;
  readonly started: StartedBackend;
}

const NEVER = new Promise<string>(() => undefined);

/** Wraps a worker client as a started backend that is never lost. */
function workerBackend(client: EngineClient): StartedBackend {
  return { client, lost: NEVER, lostReason: () => undefined };
}

/** Creates a switch serving from a new Web Worker. */
export function createEngineSwitch(options: EngineSwitchOptions): EngineSwitch {
  let active: Active = { backend: 'worker', started: workerBackend(options.createWorker()) };
  let lane: Promise<unknown> = Promise.resolve();
  let wanted: BackendChoice = 'worker';
  let disposed = false;
  let starting: Promise<BackendChoice> | undefined;
  /** Last state seen (loaded or saved), and the load it came from: what a move carries over. */
  let lastState: unknown;
  let lastLoad: { scenario: string; release?: string | undefined } | undefined;

  function inLane<T>(task: () => Promise<T>): Promise<T> {
    const result = lane.then(task);
    lane = result.catch(() => undefined);
    return result;
  }

  /** Loads a session into a backend, bounded in time (a backend may never answer). */
  async function handshake(started: StartedBackend, scenario: string, state: unknown) {
    const timeoutMs = options.handshakeTimeoutMs ?? 30_000;
    return withTimeout(
      started.client.load(scenario, state, options.goal, lastLoad?.release),
      timeoutMs,
      `kubelife serve did not answer within ${Math.round(timeoutMs / 1000)} s`,
    );
  }

  /** Loads the session into `next` and makes it active; the old backend is disposed. */
  async function moveTo(next: Active, carried: unknown): Promise<void> {
    if (lastLoad !== undefined) await handshake(next.started, lastLoad.scenario, carried);
    const old = active;
    active = next;
    old.started.client.dispose();
    options.onBackend?.(next.backend);
  }

  /** The WebContainer went away: continue on a fresh worker from the last saved state. */
  async function failOver(reason: string): Promise<void> {
    if (disposed || active.backend === 'worker') return;
    options.notify(`kubelife: the WebContainer stopped (${reason}); back on the offline engine`);
    wanted = 'worker';
    const worker: Active = { backend: 'worker', started: workerBackend(options.createWorker()) };
    await moveTo(worker, lastState);
  }

  /** Runs a request on the active backend, failing over once if it was lost meanwhile. */
  async function serve<T>(request: (client: EngineClient) => Promise<T>): Promise<T> {
    const { started } = active;
    try {
      return await request(started.client);
    } catch (error) {
      const reason = started.lostReason();
      if (reason === undefined || started !== active.started) throw error;
      await failOver(reason);
      return request(active.started.client);
    }
  }

  function watch(started: StartedBackend): void {
    void started.lost.then((reason) => {
      if (active.started === started) void inLane(() => failOver(reason)).catch(() => undefined);
    });
  }

  /** Starts the WebContainer and moves there; one attempt at a time. */
  function useWebContainer(): Promise<BackendChoice> {
    starting ??= startAndMove().finally(() => (starting = undefined));
    return starting;
  }

  async function startAndMove(): Promise<BackendChoice> {
    options.notify(`kubelife: starting a WebContainer (Node.js in this tab)…`);
    const refuse = (reason: string): BackendChoice => {
      options.notify(`kubelife: ${reason}; staying on the offline engine (Web Worker)`);
      options.onBackend?.(active.backend, reason);
      return active.backend;
    };
    let started: StartedBackend;
    try {
      started = await options.startWebContainer();
    } catch (error) {
      return refuse(reasonOf(error));
    }
    try {
      // Warm up outside the lane (Node parses the CLI bundle on first use), so commands keep
      // running on the worker meanwhile; the move itself then takes one quick load.
      if (lastLoad !== undefined) await handshake(started, lastLoad.scenario, undefined);
    } catch (error) {
      started.client.dispose();
      return refuse(reasonOf(error));
    }
    if (wanted !== 'webcontainer' || disposed) {
      started.client.dispose();
      return active.backend;
    }
    try {
      await inLane(async () => {
        const carried = await active.started.client.save().catch(() => lastState);
        await moveTo({ backend: 'webcontainer', started }, carried);
      });
    } catch (error) {
      started.client.dispose();
      return refuse(reasonOf(error));
    }
    watch(started);
    options.notify(
      `kubelife: now running the kubelife CLI in a WebContainer (Node.js in this tab)`,
    );
    return 'webcontainer';
  }

  return {
    get backend() {
      return active.backend;
    },
    async use(choice) {
      wanted = choice;
      if (choice === active.backend) return choice;
      if (choice === 'webcontainer') return useWebContainer();
      await inLane(async () => {
        const carried = await active.started.client.save().catch(() => lastState);
        const worker = workerBackend(options.createWorker());
        await moveTo({ backend: 'worker', started: worker }, carried);
      });
      options.notify(`kubelife: now running on the offline engine (Web Worker)`);
      return 'worker';
    },
    load(scenario, state, goal, release) {
      lastLoad = { scenario, release };
      lastState = state;
      return inLane(() => serve((client) => client.load(scenario, state, goal, release)));
    },
    run(line) {
      return inLane(() => serve((client) => client.run(line)));
    },
    complete(line) {
      return inLane(() => serve((client) => client.complete(line)));
    },
    runMany(lines) {
      return inLane(() => serve((client) => client.runMany(lines)));
    },
    reset(): Promise<LoadResponse> {
      return inLane(async () => {
        const loaded = await serve((client) => client.reset());
        lastState = undefined;
        return loaded;
      });
    },
    save() {
      return inLane(async () => {
        const state = await serve((client) => client.save());
        lastState = state;
        return state;
      });
    },
    interrupt() {
      // Outside the lane: the lane is busy with the very command to stop.
      active.started.client.interrupt?.();
    },
    dispose() {
      disposed = true;
      active.started.client.dispose();
    },
  };
}
