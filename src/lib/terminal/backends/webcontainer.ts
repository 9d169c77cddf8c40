/**
 * The WebContainer backend: boots StackBlitz's WebContainer (Node.js in the tab), mounts the
 * `kubelife` CLI into it and runs `kubelife serve --jsonl`, whose stdio speaks the same protocol
 * as the Web Worker. Loaded only when the reader picks this backend; `@webcontainer/api` itself
 * is imported here, lazily, so no page pays for it before that.
 *
 * The CLI arrives as one self-contained ES module (the engine and its dependencies, bundled at
 * site build time and served as /webcontainer/kubelife.mjs), so nothing is installed inside the
 * container: no npm registry access, just the runtime StackBlitz serves.
 */
import { version } from 'kubelife/package.json';

import { createEngineClient, type EngineClient } from '../worker-client.ts';
import { createStdioWorker, type StdioProcess } from './stdio-worker.ts';
import { reasonOf, withTimeout } from './with-timeout.ts';

/** A file tree in the shape `WebContainer#mount` takes (only what this module mounts). */
export interface MountTree {
  [name: string]: { file: { contents: string } } | { directory: MountTree };
}

/** The part of a booted WebContainer this module uses (the real one, or a fake in tests). */
export interface WebContainerLike {
  mount(tree: MountTree): Promise<void>;
  spawn(command: string, args: string[]): Promise<StdioProcess>;
}

/** The part of `@webcontainer/api` this module uses. */
export interface WebContainerApi {
  readonly WebContainer: {
    boot(options: { coep: 'require-corp'; workdirName: string }): Promise<WebContainerLike>;
  };
}

/** What starting a WebContainer backend depends on; tests replace every part. */
export interface WebContainerDeps {
  /** Loads `@webcontainer/api` (a dynamic import). */
  importApi(): Promise<WebContainerApi>;
  /** Fetches the bundled CLI's source. */
  fetchCli(): Promise<string>;
  /** How long boot may take before the backend counts as unavailable. */
  readonly bootTimeoutMs: number;
}

/** A started backend: its client, and how to tell that its process has gone. */
export interface StartedBackend {
  readonly client: EngineClient;
  /** Resolves with the reason once the backend can no longer answer. */
  readonly lost: Promise<string>;
  /** The same reason, synchronously (undefined while it can answer). */
  readonly lostReason: () => string | undefined;
}

/** Must match the site's Cross-Origin-Embedder-Policy header (docs/webcontainer.md). */
const COEP = 'require-corp';
/** Where the bundled CLI sits inside the container's working directory. */
const CLI_PATH = 'bin/kubelife.mjs';

/** The real dependencies: the npm package, the built site's CLI bundle, a 20 s boot budget. */
export const DEFAULT_DEPS: WebContainerDeps = {
  importApi: () => import('@webcontainer/api'),
  async fetchCli() {
    const response = await fetch(`${import.meta.env.BASE_URL}webcontainer/kubelife.mjs`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  },
  bootTimeoutMs: 20_000,
};

/** The package the container sees: name and version of the engine, its one bin. */
function mountTree(cli: string): MountTree {
  const manifest = { name: 'kubelife', version, type: 'module', bin: { kubelife: CLI_PATH } };
  return {
    'package.json': { file: { contents: `${JSON.stringify(manifest, null, 2)}\n` } },
    bin: { directory: { 'kubelife.mjs': { file: { contents: cli } } } },
  };
}

/**
 * Creates a starter. A page can boot only one WebContainer, and a boot that failed (or timed
 * out) cannot be retried without a reload (the API keeps waiting on its first iframe), so the
 * starter boots and mounts once and remembers a failure; each start spawns a fresh server.
 */
export function createWebContainerStarter(deps: WebContainerDeps): () => Promise<StartedBackend> {
  let ready: Promise<WebContainerLike> | undefined;

  async function prepare(): Promise<WebContainerLike> {
    let api: WebContainerApi;
    try {
      api = await deps.importApi();
    } catch (error) {
      ready = undefined; // A failed chunk load may succeed next time.
      throw new Error(`cannot load @webcontainer/api: ${reasonOf(error)}`);
    }
    const seconds = Math.round(deps.bootTimeoutMs / 1000);
    const container = await withTimeout(
      api.WebContainer.boot({ coep: COEP, workdirName: 'kubelife' }).catch((error: unknown) => {
        throw new Error(`WebContainer boot failed: ${reasonOf(error)}`);
      }),
      deps.bootTimeoutMs,
      `WebContainer did not boot within ${seconds} s (its runtime loads from StackBlitz, so it needs internet access); reload the page to try again`,
    );
    let cli: string;
    try {
      cli = await deps.fetchCli();
    } catch (error) {
      throw new Error(`cannot fetch the kubelife CLI bundle: ${reasonOf(error)}`);
    }
    await container.mount(mountTree(cli));
    return container;
  }

  return async () => {
    ready ??= prepare();
    const container = await ready;
    let process: StdioProcess;
    try {
      process = await container.spawn('node', [CLI_PATH, 'serve', '--jsonl']);
    } catch (error) {
      throw new Error(`cannot start kubelife serve: ${reasonOf(error)}`);
    }
    const worker = createStdioWorker(process);
    return { client: createEngineClient(worker), lost: worker.lost, lostReason: worker.lostReason };
  };
}

/** Starts the WebContainer backend with the real dependencies (one container per page). */
export const startWebContainerBackend = createWebContainerStarter(DEFAULT_DEPS);
