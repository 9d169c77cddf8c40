/**
 * Issue 14, defect 2 (browser): a command that never finishes cannot freeze the terminal. The
 * worker running it is replaced by a new one holding the state saved before the command, on
 * Ctrl-C or at the deadline, and the terminal keeps answering.
 */
import { describe, expect, it } from 'vitest';
import xtermHeadless from '@xterm/headless';
import { createProtocolHandler } from 'kubelife/shell';

import type { WorkerRequest, WorkerResponse } from '../../../src/lib/terminal/protocol.ts';
import { createSupervisedClient } from '../../../src/lib/terminal/supervised-client.ts';
import type { WorkerLike } from '../../../src/lib/terminal/worker-client.ts';
import { createLineDiscipline } from '../../../src/lib/terminal/line-discipline.ts';

/**
 * Workers serving the real protocol handler, except that `hang` never answers (as a worker
 * stuck in a loop); `made` lists them with whether they were terminated.
 */
function workers(): { make: () => WorkerLike; made: Array<{ terminated: boolean }> } {
  const made: Array<{ terminated: boolean }> = [];
  return {
    made,
    make() {
      const handler = createProtocolHandler();
      let listener: ((event: MessageEvent<WorkerResponse>) => void) | undefined;
      const record = { terminated: false };
      made.push(record);
      return {
        addEventListener: (_type, next) => (listener = next),
        postMessage(request: WorkerRequest) {
          if (record.terminated || (request.type === 'run' && request.line === 'hang')) return;
          void handler.handle(request).then((data) => {
            if (!record.terminated) listener?.({ data } as MessageEvent<WorkerResponse>);
          });
        },
        terminate: () => void (record.terminated = true),
      };
    },
  };
}

describe('supervised engine client', () => {
  it('stops a command on interrupt and continues from the state saved before it', async () => {
    const { make, made } = workers();
    const client = createSupervisedClient(make, { deadlineMs: 600_000 });
    await client.load('packages-installed');
    await client.run('echo kept > /root/mark');
    await client.save();

    const hung = client.run('hang');
    client.interrupt?.();

    await expect(hung).rejects.toThrow('interrupted; the session is as it was before it');
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    expect(await client.run('cat /root/mark')).toMatchObject({ stdout: 'kept\n' });
  });

  it('stops a command at the deadline and keeps answering', async () => {
    const { make } = workers();
    const client = createSupervisedClient(make, { deadlineMs: 20 });
    await client.load('packages-installed');

    const hung = client.run('hang');

    await expect(hung).rejects.toThrow(
      'command stopped after 20 ms (the deadline); the session is as it was before it',
    );
    expect(await client.save()).toMatchObject({ kind: 'kubelife-session' });
  });
});

/** A line discipline whose commands never finish, counting the interrupts it passes on. */
function hangingDiscipline(): {
  discipline: ReturnType<typeof createLineDiscipline>;
  interrupts: () => number;
} {
  const term = new xtermHeadless.Terminal({ cols: 80, rows: 5, allowProposedApi: true });
  let interrupts = 0;
  const discipline = createLineDiscipline(
    {
      write: (data) => term.write(data),
      execute: () => new Promise(() => undefined),
      columns: () => 80,
      interrupt: () => void interrupts++,
    },
    '$ ',
  );
  discipline.start();
  return { discipline, interrupts: () => interrupts };
}

describe('line discipline while a command runs', () => {
  it('passes Ctrl-C to the host as an interrupt', () => {
    const { discipline, interrupts } = hangingDiscipline();

    discipline.input('hang\r');
    discipline.input('\x03');

    expect(interrupts()).toBe(1);
  });

  it('lets the running command finish when a replay is stopped (the Stop button)', () => {
    const { discipline, interrupts } = hangingDiscipline();

    discipline.type(['hang', 'echo next']);
    discipline.interrupt();

    expect(interrupts()).toBe(0);
  });
});
