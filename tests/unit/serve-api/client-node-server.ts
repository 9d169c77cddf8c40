// A `kubelife serve --api` on a fresh workers-joined session for the @kubernetes/client-node
// tests: started before the file's tests, stopped after them, with a KubeConfig loaded from the
// kubeconfig it wrote.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { createSession, type Session } from 'kubelife';
import { startApiServer } from 'kubelife/cli';

/** The running server's session and client config (read them inside tests, after beforeAll). */
export interface ServedCluster {
  readonly session: Session;
  kc: KubeConfig;
}

/** Registers beforeAll/afterAll hooks that serve a workers-joined session over HTTPS. */
export function serveForClientNode(): ServedCluster {
  const served: ServedCluster = {
    session: createSession({ scenario: 'workers-joined' }),
    kc: new KubeConfig(),
  };
  let server: Server | undefined;
  beforeAll(async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubelife-client-node-')), 'kubeconfig');
    server = (await startApiServer(served.session, { port: 0, kubeconfig }, () => undefined))
      .server;
    served.kc.loadFromFile(kubeconfig);
  });
  afterAll(async () => {
    const s = server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  });
  return served;
}
