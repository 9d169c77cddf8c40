/**
 * Fakes for the terminal's backends, built on the real protocol handler so that what they answer
 * is what the engine answers: an in-process "Web Worker", and a process that behaves like
 * `kubelife serve --jsonl` spawned on a WebContainer pseudo-terminal (echoes its input, ends lines
 * with \r\n, hands output over in arbitrary chunks).
 */
import { createProtocolHandler } from 'kubelife/shell';

import type { WorkerResponse } from '../../../src/lib/terminal/protocol.ts';
import type { StdioProcess } from '../../../src/lib/terminal/backends/stdio-worker.ts';
import type {
  MountTree,
  WebContainerApi,
  WebContainerLike,
} from '../../../src/lib/terminal/backends/webcontainer.ts';
import { createEngineClient, type WorkerLike } from '../../../src/lib/terminal/worker-client.ts';

/** A WorkerLike serving requests in-process, like engine-worker.ts does in its thread. */
export function inProcessWorker(): WorkerLike & { terminated: boolean } {
  const handler = createProtocolHandler();
  let listener: ((event: MessageEvent<WorkerResponse>) => void) | undefined;
  return {
    terminated: false,
    postMessage(request) {
      void handler
        .handle(request)
        .then((data) => listener?.({ data } as MessageEvent<WorkerResponse>));
    },
    addEventListener(_type, next) {
      listener = next;
    },
    terminate() {
      this.terminated = true;
    },
  };
}

/** Worker clients made by a factory, for engine-switch tests. */
export function workerFactory(): {
  create: () => ReturnType<typeof createEngineClient>;
  count(): number;
} {
  let made = 0;
  return {
    create() {
      made++;
      return createEngineClient(inProcessWorker());
    },
    count: () => made,
  };
}

/** A fake `kubelife serve --jsonl` process on a pseudo-terminal. */
export interface FakeServeProcess extends StdioProcess {
  /** Request lines the process received. */
  readonly received: string[];
  /** Ends the process with an exit code, as a crash would. */
  crash(code: number): void;
}

/** Creates a fake serve process; `chunk` is the size output is cut into, `silent` never answers. */
export function fakeServeProcess(
  options: { chunk?: number; silent?: boolean } = {},
): FakeServeProcess {
  const handler = createProtocolHandler();
  const received: string[] = [];
  let output!: ReadableStreamDefaultController<string>;
  let ended = false;
  let finish!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (finish = resolve));
  const chunk = options.chunk ?? 7;
  const emit = (text: string): void => {
    if (ended) return;
    for (let i = 0; i < text.length; i += chunk) output.enqueue(text.slice(i, i + chunk));
  };
  const end = (code: number): void => {
    if (ended) return;
    ended = true;
    output.close();
    finish(code);
  };
  let pending = '';
  let served: Promise<void> = Promise.resolve();
  return {
    received,
    output: new ReadableStream<string>({ start: (controller) => void (output = controller) }),
    input: new WritableStream<string>({
      write(data) {
        emit(data.replace(/\n/g, '\r\n')); // the terminal echoes what it is sent
        pending += data;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          received.push(line);
          if (options.silent === true) continue;
          served = served.then(async () => {
            const response = await handler.handle(JSON.parse(line));
            emit(`${JSON.stringify(response)}\r\n`);
          });
        }
      },
    }),
    exit,
    kill: () => end(137),
    crash: end,
  };
}

/** A fake `@webcontainer/api` whose container records mounts and spawns. */
export function fakeWebContainerApi(process: () => StdioProcess): WebContainerApi & {
  readonly mounts: MountTree[];
  readonly spawns: Array<[string, string[]]>;
  readonly boots: number;
} {
  const mounts: MountTree[] = [];
  const spawns: Array<[string, string[]]> = [];
  let boots = 0;
  const container: WebContainerLike = {
    mount(tree) {
      mounts.push(tree);
      return Promise.resolve();
    },
    spawn(command, args) {
      spawns.push([command, args]);
      return Promise.resolve(process());
    },
  };
  return {
    mounts,
    spawns,
    get boots() {
      return boots;
    },
    WebContainer: {
      boot() {
        boots++;
        return Promise.resolve(container);
      },
    },
  };
}
