import { describe, expect, it } from 'vitest';

import type { WorkerRequest, WorkerResponse } from '../../../src/lib/terminal/protocol.ts';
import { createEngineClient, type WorkerLike } from '../../../src/lib/terminal/worker-client.ts';

const status = { clock: '2026-11-25T09:00:00Z', version: null, release: 'v1.37' };

/** A fake worker that answers asynchronously, in reverse order for runs, to prove id matching. */
function fakeWorker(): WorkerLike & { terminated: boolean } {
  let listener: ((event: MessageEvent<WorkerResponse>) => void) | undefined;
  const reply = (data: WorkerResponse, delay: number): void => {
    setTimeout(() => listener?.({ data } as MessageEvent<WorkerResponse>), delay);
  };
  return {
    terminated: false,
    addEventListener: (_type, next) => {
      listener = next;
    },
    postMessage(request: WorkerRequest) {
      if (request.type === 'load')
        reply({ id: request.id, type: 'loaded', prompt: 'root@cp-1:~# ', status }, 0);
      if (request.type === 'save')
        reply({ id: request.id, type: 'error', message: 'no session loaded' }, 0);
      if (request.type === 'run') {
        const delay = request.line === 'slow' ? 20 : 1;
        reply(
          {
            id: request.id,
            type: 'ran',
            stdout: `${request.line}\n`,
            stderr: '',
            output: `${request.line}\n`,
            exitCode: 0,
            prompt: 'p',
            status,
          },
          delay,
        );
      }
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe('engine client', () => {
  it('matches responses to requests by id', async () => {
    const client = createEngineClient(fakeWorker());

    const [slow, fast] = await Promise.all([client.run('slow'), client.run('fast')]);

    expect(slow.stdout).toBe('slow\n');
    expect(fast.stdout).toBe('fast\n');
  });

  it('rejects with the worker error message', async () => {
    const client = createEngineClient(fakeWorker());

    const saving = client.save();

    await expect(saving).rejects.toThrow('no session loaded');
  });

  it('rejects pending requests and stops the worker on dispose', async () => {
    const worker = fakeWorker();
    const client = createEngineClient(worker);

    const pending = client.run('slow');
    client.dispose();

    await expect(pending).rejects.toThrow('terminal closed');
    expect(worker.terminated).toBe(true);
  });
});

describe('engine client release', () => {
  it('sends the release with a load request only when one is given', async () => {
    const sent: WorkerRequest[] = [];
    const worker = fakeWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (request) => {
      sent.push(request);
      post(request);
    };
    const client = createEngineClient(worker);

    await client.load('bare-machines', undefined, undefined, 'v1.36');
    await client.load('bare-machines');

    expect(sent[0]).toMatchObject({ type: 'load', release: 'v1.36' });
    expect(sent[1]).not.toHaveProperty('release');
  });
});
