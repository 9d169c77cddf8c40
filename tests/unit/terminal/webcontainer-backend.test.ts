import { describe, expect, it } from 'vitest';

import type { BackendChoice } from '../../../src/lib/terminal/backends/backend-selection.ts';
import { createEngineSwitch } from '../../../src/lib/terminal/backends/engine-switch.ts';
import {
  createWebContainerStarter,
  type WebContainerDeps,
} from '../../../src/lib/terminal/backends/webcontainer.ts';
import {
  fakeServeProcess,
  fakeWebContainerApi,
  workerFactory,
  type FakeServeProcess,
} from './backend-fakes.ts';

const CLI = 'console.log("bundled kubelife")';

/** Dependencies with a working fake WebContainer whose processes are kept for inspection. */
function workingDeps(): { deps: WebContainerDeps; processes: FakeServeProcess[] } & {
  api: ReturnType<typeof fakeWebContainerApi>;
} {
  const processes: FakeServeProcess[] = [];
  const api = fakeWebContainerApi(() => {
    const process = fakeServeProcess();
    processes.push(process);
    return process;
  });
  const deps: WebContainerDeps = {
    importApi: () => Promise.resolve(api),
    fetchCli: () => Promise.resolve(CLI),
    bootTimeoutMs: 1000,
  };
  return { deps, processes, api };
}

/** An engine switch on in-process workers, recording its notices and backend reports. */
function rig(start: () => ReturnType<ReturnType<typeof createWebContainerStarter>>) {
  const notices: string[] = [];
  const reports: Array<[BackendChoice, string | undefined]> = [];
  const workers = workerFactory();
  const engine = createEngineSwitch({
    createWorker: workers.create,
    startWebContainer: start,
    notify: (text) => notices.push(text),
    onBackend: (backend, failure) => reports.push([backend, failure]),
    handshakeTimeoutMs: 1000,
  });
  return { engine, notices, reports, workers };
}

describe('WebContainer starter', () => {
  it('mounts the bundled CLI as the kubelife package and spawns kubelife serve --jsonl', async () => {
    const { deps, api } = workingDeps();
    const start = createWebContainerStarter(deps);

    const started = await start();
    const loaded = await started.client.load('packages-installed');

    expect(loaded.type).toBe('loaded');
    expect(api.spawns).toEqual([['node', ['bin/kubelife.mjs', 'serve', '--jsonl']]]);
    const tree = api.mounts[0];
    expect(tree?.['bin']).toEqual({ directory: { 'kubelife.mjs': { file: { contents: CLI } } } });
    const manifest = tree?.['package.json'];
    const json = manifest && 'file' in manifest ? manifest.file.contents : '{}';
    expect(JSON.parse(json)).toMatchObject({ name: 'kubelife', type: 'module' });
  });

  it('boots and mounts once, and spawns a fresh server for every start', async () => {
    const { deps, api } = workingDeps();
    const start = createWebContainerStarter(deps);

    await start();
    await start();

    expect(api.boots).toBe(1);
    expect(api.mounts).toHaveLength(1);
    expect(api.spawns).toHaveLength(2);
  });

  it('reports an import of @webcontainer/api that rejects', async () => {
    const start = createWebContainerStarter({
      ...workingDeps().deps,
      importApi: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    });

    await expect(start()).rejects.toThrow(
      'cannot load @webcontainer/api: Failed to fetch dynamically imported module',
    );
  });

  it('gives up on a boot that never finishes, and does not boot again', async () => {
    let boots = 0;
    const start = createWebContainerStarter({
      ...workingDeps().deps,
      bootTimeoutMs: 20,
      importApi: () =>
        Promise.resolve({
          WebContainer: {
            boot: () => {
              boots++;
              return new Promise(() => undefined);
            },
          },
        }),
    });

    await expect(start()).rejects.toThrow('WebContainer did not boot within 0 s');
    await expect(start()).rejects.toThrow('needs internet access');
    expect(boots).toBe(1);
  });

  it('reports a CLI bundle that cannot be fetched', async () => {
    const start = createWebContainerStarter({
      ...workingDeps().deps,
      fetchCli: () => Promise.reject(new Error('HTTP 404')),
    });

    await expect(start()).rejects.toThrow('cannot fetch the kubelife CLI bundle: HTTP 404');
  });
});

describe('engine switch', () => {
  it('stays on the worker and says why when the WebContainer cannot start', async () => {
    const start = createWebContainerStarter({
      ...workingDeps().deps,
      importApi: () => Promise.reject(new Error('offline')),
    });
    const { engine, notices, reports } = rig(start);
    await engine.load('packages-installed');

    const backend = await engine.use('webcontainer');
    const ran = await engine.run('hostname');

    expect(backend).toBe('worker');
    expect(engine.backend).toBe('worker');
    expect(ran.output).toBe('cp-1\n');
    expect(reports).toEqual([['worker', 'cannot load @webcontainer/api: offline']]);
    expect(notices.at(-1)).toBe(
      'kubelife: cannot load @webcontainer/api: offline; staying on the offline engine (Web Worker)',
    );
  });

  it('moves the session, state included, to the WebContainer', async () => {
    const { deps, processes } = workingDeps();
    const { engine, reports, workers } = rig(createWebContainerStarter(deps));
    await engine.load('packages-installed');
    await engine.run('echo moved > /root/note');

    const backend = await engine.use('webcontainer');
    const ran = await engine.run('cat /root/note');

    expect(backend).toBe('webcontainer');
    expect(ran.output).toBe('moved\n');
    expect(processes[0]?.received.at(-1)).toContain('cat /root/note');
    expect(reports).toEqual([['webcontainer', undefined]]);
    expect(workers.count()).toBe(1);
  });

  it('goes back to a fresh worker from the last saved state when the process dies', async () => {
    const { deps, processes } = workingDeps();
    const { engine, notices, workers } = rig(createWebContainerStarter(deps));
    await engine.load('packages-installed');
    await engine.use('webcontainer');
    await engine.run('echo kept > /root/note');
    await engine.save();

    processes[0]?.crash(1);
    const ran = await engine.run('cat /root/note');

    expect(ran.output).toBe('kept\n');
    expect(engine.backend).toBe('worker');
    expect(workers.count()).toBe(2);
    expect(notices).toContain(
      'kubelife: the WebContainer stopped (kubelife serve exited with code 1); back on the offline engine',
    );
  });

  it('moves back to the worker when asked, keeping the session', async () => {
    const { deps, processes } = workingDeps();
    const { engine, reports } = rig(createWebContainerStarter(deps));
    await engine.load('packages-installed');
    await engine.use('webcontainer');
    await engine.run('echo back > /root/note');

    const backend = await engine.use('worker');
    const ran = await engine.run('cat /root/note');

    expect(backend).toBe('worker');
    expect(ran.output).toBe('back\n');
    expect(reports.at(-1)).toEqual(['worker', undefined]);
    await expect(processes[0]?.exit).resolves.toBe(137);
  });
});
