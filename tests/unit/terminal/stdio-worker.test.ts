import { describe, expect, it } from 'vitest';

import {
  createStdioWorker,
  parseResponseLine,
} from '../../../src/lib/terminal/backends/stdio-worker.ts';
import { createEngineClient } from '../../../src/lib/terminal/worker-client.ts';
import { fakeServeProcess } from './backend-fakes.ts';

describe('stdio worker (kubelife serve --jsonl over a process)', () => {
  it('serves load, run and save through a terminal that echoes and splits output', async () => {
    const process = fakeServeProcess({ chunk: 5 });
    const client = createEngineClient(createStdioWorker(process));

    const loaded = await client.load('packages-installed');
    const ran = await client.run('echo "a \\"quoted\\" line"');
    const state = await client.save();

    expect(loaded.prompt).toBe('root@cp-1:~# ');
    expect(ran.output).toBe('a "quoted" line\n');
    expect(state).toMatchObject({ scenario: 'packages-installed' });
    expect(process.received.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual([
      'load',
      'run',
      'save',
    ]);
  });

  it('matches answers to concurrent requests', async () => {
    const client = createEngineClient(createStdioWorker(fakeServeProcess({ chunk: 3 })));
    await client.load('packages-installed');

    const [first, second] = await Promise.all([client.run('hostname'), client.run('echo two')]);

    expect(first.output).toBe('cp-1\n');
    expect(second.output).toBe('two\n');
  });

  it('fails unanswered and later requests once the process exits, and reports it lost', async () => {
    const process = fakeServeProcess({ silent: true });
    const worker = createStdioWorker(process);
    const client = createEngineClient(worker);

    const waiting = client.load('packages-installed');
    process.crash(1);

    await expect(waiting).rejects.toThrow('kubelife serve exited with code 1');
    await expect(client.run('hostname')).rejects.toThrow('kubelife serve exited with code 1');
    await expect(worker.lost).resolves.toBe('kubelife serve exited with code 1');
    expect(worker.lostReason()).toBe('kubelife serve exited with code 1');
  });

  it('kills the process when disposed', async () => {
    const process = fakeServeProcess();
    const client = createEngineClient(createStdioWorker(process));

    client.dispose();

    await expect(process.exit).resolves.toBe(137);
  });
});

describe('parseResponseLine', () => {
  it('reads a response line with a terminal line end', () => {
    const response = parseResponseLine('{"id":1,"type":"saved","state":{}}\r');

    expect(response).toEqual({ id: 1, type: 'saved', state: {} });
  });

  it('ignores echoed requests, noise and broken JSON', () => {
    const lines = [
      '{"id":1,"type":"load","scenario":""}',
      'npm WARN something',
      '{"id":',
      '',
      'null',
    ];

    expect(lines.map(parseResponseLine)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
