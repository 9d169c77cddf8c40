import type {
  CompleteResponse,
  LoadResponse,
  RunManyResponse,
  RunResponse,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

/** The part of a Worker the client needs (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  terminate(): void;
}

/** Promise-based access to the engine worker. */
export interface EngineClient {
  /**
   * Starts a session from a scenario or saved state; `goal` names a goal to check after commands;
   * `release` is the release track (minor) the scenario is built for (default: the newest).
   */
  load(scenario: string, state?: unknown, goal?: string, release?: string): Promise<LoadResponse>;
  run(line: string): Promise<RunResponse>;
  /** Tab completion of the word that ends `line` (the input before the cursor). */
  complete(line: string): Promise<CompleteResponse>;
  /** Runs lines in order in one request (a replay); one answer for all of them. */
  runMany(lines: readonly string[]): Promise<RunManyResponse>;
  /** Restarts from the scenario the current session started from. */
  reset(): Promise<LoadResponse>;
  save(): Promise<unknown>;
  /** Stops the command running now, if the backend can (Ctrl-C while a command runs). */
  interrupt?(): void;
  dispose(): void;
}

type Pending = { resolve(response: WorkerResponse): void; reject(error: Error): void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Wraps a worker speaking the protocol in protocol.ts; responses are matched by id. */
export function createEngineClient(worker: WorkerLike): EngineClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.addEventListener('message', (event) => {
    const { id } = event.data;
    // A null id answers a message the server could not read at all: nothing here waits for it.
    const entry = id === null ? undefined : pending.get(id);
    if (id === null || !entry) return;
    pending.delete(id);
    if (event.data.type === 'error') entry.reject(new Error(event.data.message));
    else entry.resolve(event.data);
  });

  function request(body: Body<WorkerRequest>): Promise<WorkerResponse> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id });
    });
  }

  return {
    async load(scenario, state, goal, release) {
      const body = {
        type: 'load' as const,
        scenario,
        ...(state === undefined ? {} : { state }),
        ...(goal === undefined ? {} : { goal }),
        ...(release === undefined || release === '' ? {} : { release }),
      };
      return (await request(body)) as LoadResponse;
    },
    async run(line) {
      return (await request({ type: 'run', line })) as RunResponse;
    },
    async complete(line) {
      return (await request({ type: 'complete', line })) as CompleteResponse;
    },
    async runMany(lines) {
      return (await request({ type: 'runMany', lines })) as RunManyResponse;
    },
    async reset() {
      return (await request({ type: 'reset' })) as LoadResponse;
    },
    async save() {
      const response = await request({ type: 'save' });
      return response.type === 'saved' ? response.state : undefined;
    },
    dispose() {
      worker.terminate();
      for (const entry of pending.values()) entry.reject(new Error('terminal closed'));
      pending.clear();
    },
  };
}
