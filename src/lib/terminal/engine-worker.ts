/**
 * The engine Web Worker: a thin adapter that feeds posted requests to the engine's protocol
 * handler (`createProtocolHandler` from `kubelife/shell`) and posts each answer back. The handler
 * owns the session and serves requests strictly in order (runs are async because certificates use
 * WebCrypto), so answers are posted in request order. Keeping the engine off the main thread keeps
 * typing responsive while kubeadm signs certificates.
 */
import { createProtocolHandler } from 'kubelife/shell';

import type { WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handler = createProtocolHandler();

scope.addEventListener('message', (event) => {
  void handler.handle(event.data).then((response) => scope.postMessage(response));
});
