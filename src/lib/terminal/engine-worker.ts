/**
 * The engine Web Worker: owns one `kubelife` session and serves WorkerRequest messages in order
 * (runs are async because certificates use WebCrypto, so requests are chained to keep them from
 * interleaving). Keeping the engine off the main thread keeps typing responsive while kubeadm
 * signs certificates.
 */
import { createSession } from 'kubelife';

import { promptFor, type WorkerRequest, type WorkerResponse } from './protocol.ts';

type Session = ReturnType<typeof createSession>;

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
let session: Session | undefined;
let queue: Promise<void> = Promise.resolve();

/** Machines entered with `ssh`, for the prompt when the session does not expose its machine. */
let machines: string[] = ['cp-1'];

/**
 * The machine the session is logged into, for the prompt. Prefers the session's own `machine`
 * property; otherwise follows successful `ssh <machine>` / `exit` lines, so the page never runs
 * extra commands (which would make its state differ from the doc-tests').
 */
function currentMachine(active: Session, line?: string, exitCode?: number): string {
  const withMachine = active as Session & { readonly machine?: unknown };
  if (typeof withMachine.machine === 'string' && withMachine.machine !== '') return withMachine.machine;
  const words = (line ?? '').trim().split(/\s+/);
  if (exitCode === 0 && words[0] === 'ssh' && words.length === 2 && words[1]) machines.push(words[1]);
  if (exitCode === 0 && words[0] === 'exit' && machines.length > 1) machines.pop();
  return machines[machines.length - 1] ?? 'cp-1';
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    if (request.type === 'load') {
      session =
        request.state === undefined
          ? createSession(request.scenario === '' ? {} : { scenario: request.scenario })
          : createSession({ state: request.state as never });
      machines = ['cp-1'];
      return { id: request.id, type: 'loaded', prompt: promptFor(currentMachine(session)) };
    }
    if (session === undefined) return { id: request.id, type: 'error', message: 'no session loaded' };
    if (request.type === 'save') return { id: request.id, type: 'saved', state: session.save() };
    const result = await session.run(request.line);
    return {
      id: request.id,
      type: 'ran',
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      prompt: promptFor(currentMachine(session, request.line, result.exitCode)),
    };
  } catch (error) {
    return { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(async () => scope.postMessage(await handle(request)));
});
