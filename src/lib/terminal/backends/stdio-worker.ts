/**
 * Adapts a process running `kubelife serve --jsonl` (text in, text out, as a WebContainer spawns
 * it) to the `WorkerLike` surface the engine client already speaks: each posted request becomes
 * one JSON line on the process's input, each JSON response line on its output becomes a message.
 * So the id matching and promise plumbing of worker-client.ts serve both backends unchanged.
 *
 * The output may come from a pseudo-terminal: chunks split anywhere, `\r\n` line ends, and (if the
 * terminal echoes) our own request lines. Only lines that parse as protocol responses count.
 * When the process exits, or its input breaks, every unanswered request gets an error response
 * and later requests fail at once, so no caller waits forever.
 */
import type { WorkerRequest, WorkerResponse } from '../protocol.ts';
import type { WorkerLike } from '../worker-client.ts';

/** The part of a spawned process the adapter needs (a WebContainerProcess, or a fake in tests). */
export interface StdioProcess {
  readonly input: WritableStream<string>;
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  kill(): void;
}

/** A WorkerLike over a process, plus how it ended. */
export interface StdioWorker extends WorkerLike {
  /** Resolves with the reason once the process can no longer answer (never for a live one). */
  readonly lost: Promise<string>;
  /** The same reason, synchronously: undefined while the process can answer. */
  readonly lostReason: () => string | undefined;
}

/** How long to wait for buffered output after the process exited. */
const EXIT_DRAIN_MS = 1000;

const RESPONSE_TYPES = new Set(['loaded', 'ran', 'saved', 'error']);

/** Parses one output line; undefined unless it is a protocol response (echoes, noise). */
export function parseResponseLine(line: string): WorkerResponse | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as Partial<WorkerResponse> | null;
    if (typeof value !== 'object' || value === null) return undefined;
    const idOk = value.id === null || typeof value.id === 'number';
    return idOk && RESPONSE_TYPES.has(String(value.type)) ? (value as WorkerResponse) : undefined;
  } catch {
    return undefined;
  }
}

/** Wraps a running `kubelife serve --jsonl` process. */
export function createStdioWorker(process: StdioProcess): StdioWorker {
  const listeners: Array<(event: MessageEvent<WorkerResponse>) => void> = [];
  const outstanding = new Set<number>();
  const writer = process.input.getWriter();
  let closed: string | undefined;
  let markLost: (reason: string) => void = () => undefined;
  const lost = new Promise<string>((resolve) => (markLost = resolve));

  function deliver(response: WorkerResponse): void {
    if (response.id !== null) outstanding.delete(response.id);
    for (const listener of listeners) listener({ data: response } as MessageEvent<WorkerResponse>);
  }

  function close(reason: string): void {
    if (closed !== undefined) return;
    closed = reason;
    markLost(reason);
    for (const id of [...outstanding]) deliver({ id, type: 'error', message: reason });
  }

  async function pump(): Promise<void> {
    const reader = process.output.getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const response = parseResponseLine(line);
        if (response) deliver(response);
      }
    }
    const last = parseResponseLine(buffer);
    if (last) deliver(last);
  }

  const pumped = pump().catch((error: unknown) =>
    close(`kubelife serve output failed: ${String(error)}`),
  );
  // A process may print its last answers and exit before the output stream hands them over:
  // let the stream drain (it closes when the process ends) before failing what is left.
  const drained = (): Promise<unknown> =>
    Promise.race([pumped, new Promise((resolve) => setTimeout(resolve, EXIT_DRAIN_MS))]);
  process.exit.then(
    async (code) => {
      await drained();
      close(`kubelife serve exited with code ${code}`);
    },
    (error: unknown) => close(`kubelife serve failed: ${String(error)}`),
  );

  return {
    lost,
    lostReason: () => closed,
    postMessage(request: WorkerRequest) {
      if (closed !== undefined) {
        const reason = closed;
        queueMicrotask(() => deliver({ id: request.id, type: 'error', message: reason }));
        return;
      }
      outstanding.add(request.id);
      writer
        .write(`${JSON.stringify(request)}\n`)
        .catch((error: unknown) => close(`cannot write to kubelife serve: ${String(error)}`));
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    terminate() {
      close('terminal closed');
      process.kill();
    },
  };
}
