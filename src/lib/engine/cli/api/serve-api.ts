/**
 * `kubelife serve --api`: the simulated cluster as a real Kubernetes API over HTTPS on
 * 127.0.0.1, with the cluster's own CA and kube-apiserver certificate (real X.509 from the
 * simulated PKI) and client-certificate authentication against that CA, so a real kubectl,
 * k9s or client library can talk to it through the kubeconfig written next to it. Requests are
 * answered one at a time against the session (handler.ts); writes go through the simulator.
 * Node only: main.ts loads this module on demand, so neither the site nor the WebContainer
 * bundle carries it.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { writeFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { clientAuthenticated, requestIdentity, validNow } from './client-auth.ts';
import type { Session } from '../../shell/index.ts';
import { handleApi } from './handler.ts';
import { isWatch, notifyWatchers, openWatch } from './watch.ts';
import { clientCredentials, clusterCredentials, kubeconfigFor } from './credentials.ts';
import { status, type ApiResponse } from '../../shell/api/status.ts';
import { nextPodTermination } from '../../src/index.ts';

const EVICTION = /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/eviction(\?|$)/;

/** How long concurrent evictions are gathered before they are answered in order. */
const EVICTION_BATCH_MS = 50;

/** Options of `serve --api`. */
export interface ServeApiOptions {
  readonly port: number;
  readonly kubeconfig: string;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: ApiResponse): void {
  const payload =
    r.body instanceof Uint8Array
      ? Buffer.from(r.body)
      : r.text === true
        ? String(r.body)
        : JSON.stringify(r.body);
  res.writeHead(r.status, {
    'Content-Type':
      r.contentType ?? (r.text === true ? 'text/plain; charset=utf-8' : 'application/json'),
    'Content-Length': Buffer.byteLength(payload),
    ...(r.warnings ? { Warning: r.warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {}),
  });
  res.end(payload);
}

/**
 * Starts the server; resolves once it listens, with the server and the URL it printed. The
 * caller keeps the process alive (the server does) and closes it to stop.
 */
export async function startApiServer(
  session: Session,
  opts: ServeApiOptions,
  log: (line: string) => void,
): Promise<{ server: Server; url: string; refreshKubeconfig: () => Promise<void> }> {
  const creds = await clusterCredentials(session.save().state);
  const ca = new X509Certificate(creds.ca);
  // The simulated clock may stand years away from the host's: then real clients cannot verify
  // the serving certificate, and the kubeconfig skips that check (said on stderr).
  const hostNow = Date.now();
  const verifiable = validNow(creds.ca, hostNow) && validNow(creds.serverCert, hostNow);
  if (!verifiable)
    process.stderr.write(
      "kubelife: the simulated clock is outside the serving certificate's validity in real time; the kubeconfig skips server certificate verification (insecure-skip-tls-verify)\n",
    );
  // One request at a time: a write runs a simulator command that the next read must see.
  let queue: Promise<unknown> = Promise.resolve();
  const evictions: { req: IncomingMessage; res: ServerResponse }[] = [];
  const server = createServer(
    {
      key: creds.serverKey,
      cert: creds.serverCert,
      ca: creds.ca,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      if (req.method === 'POST' && EVICTION.test(req.url ?? '')) {
        // kubectl drain posts its evictions concurrently (one goroutine per Pod): those that
        // arrive together are answered in namespace/name order, one valid serialisation of
        // concurrent requests and the order the simulator's drain takes, so what the
        // controllers create in between does not depend on goroutine scheduling.
        evictions.push({ req, res });
        if (evictions.length === 1)
          setTimeout(() => {
            const batch = evictions
              .splice(0)
              .sort((a, b) => ((a.req.url ?? '') < (b.req.url ?? '') ? -1 : 1));
            for (const e of batch) queue = queue.then(() => answer(e.req, e.res));
          }, EVICTION_BATCH_MS);
        return;
      }
      queue = queue.then(() => answer(req, res));
    },
  );
  // The simulated clock stands still between requests, except for what the cluster is waiting
  // for: when a Terminating Pod's kubelet finishes (workloads/pod-deletion.ts), the clock moves
  // to that moment once as much real time has passed, so a client that waits (kubectl delete,
  // drain's waitForDelete) waits as long as on a real cluster, sees the Pod go, and the clock
  // lands on the same instant as the simulator's own kubectl would.
  let timer: NodeJS.Timeout | null = null;
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const state = session.save().state;
    const due = nextPodTermination(state);
    if (due === null) return;
    timer = setTimeout(() => {
      timer = null;
      queue = queue.then(async () => {
        const now = session.save().state.now;
        if (due > now) await session.run(`kubelife clock advance ${due - now}ms`);
        notifyWatchers(session);
        schedule();
      });
    }, due - state.now);
    timer.unref();
  };
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!clientAuthenticated(req.socket as TLSSocket, ca, session.save().state.now)) {
        send(res, status(401, 'Unauthorized', 'Unauthorized'));
        return;
      }
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const raw = await readBody(req);
      const body = raw.toString('utf8');
      // KUBELIFE_API_LOG=1 logs each request on stderr (what a client sends, for debugging).
      if (process.env['KUBELIFE_API_LOG'] === '1')
        process.stderr.write(
          `${req.method ?? ''} ${req.url ?? ''} ${req.headers['content-type'] ?? ''} ${body.slice(0, 300)}\n`,
        );
      const request = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        accept: req.headers.accept ?? '',
        body,
        raw,
        contentType: req.headers['content-type'] ?? '',
        ...requestIdentity(req),
      };
      if (request.method === 'GET' && isWatch(request) && openWatch(session, request, res)) return;
      send(res, await handleApi(session, request));
      notifyWatchers(session);
      if (request.method !== 'GET') schedule();
    } catch (error) {
      send(
        res,
        status(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`),
      );
    }
  }
  server.on('close', () => {
    if (timer !== null) clearTimeout(timer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  const url = `https://127.0.0.1:${port}`;
  await writeFile(opts.kubeconfig, kubeconfigFor(creds, url, verifiable), { mode: 0o600 });
  log(`listening on ${url}`);
  /** Rewrites the kubeconfig with the client certificate the session's own kubeconfig holds now. */
  const refreshKubeconfig = async (): Promise<void> => {
    const saved = session.save();
    const home = saved.env['HOME'] ?? '/root';
    const paths = saved.env['KUBECONFIG']?.split(':') ?? [`${home}/.kube/config`];
    for (const path of [...paths, '/etc/kubernetes/admin.conf']) {
      const client = await clientCredentials(saved.state, session.machine, path);
      if (client === null) continue;
      await writeFile(opts.kubeconfig, kubeconfigFor({ ...creds, ...client }, url, verifiable), {
        mode: 0o600,
      });
      return;
    }
  };
  return { server, url, refreshKubeconfig };
}
