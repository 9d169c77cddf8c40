import { describe, expect, it } from 'vitest';
import { createProtocolHandler, parseEngineRequest } from 'kubelife/shell';

describe('protocol handler', () => {
  it('serves requests made concurrently in call order', async () => {
    const handler = createProtocolHandler();

    const answers = await Promise.all([
      handler.handle({ id: 1, type: 'load', scenario: 'packages-installed' }),
      handler.handle({ id: 2, type: 'run', line: 'echo first > /root/order' }),
      handler.handle({ id: 3, type: 'run', line: 'cat /root/order' }),
    ]);

    expect(answers.map((a) => a.type)).toEqual(['loaded', 'ran', 'ran']);
    expect(answers[2]).toMatchObject({ id: 3, output: 'first\n' });
  });

  it('resets to the scenario the session was loaded from', async () => {
    const handler = createProtocolHandler();
    await handler.handle({ id: 1, type: 'load', scenario: 'packages-installed' });
    await handler.handle({ id: 2, type: 'run', line: 'echo gone > /root/note' });

    await handler.handle({ id: 3, type: 'reset' });
    const after = await handler.handle({ id: 4, type: 'run', line: 'cat /root/note' });

    expect(after).toMatchObject({ type: 'ran', exitCode: 1 });
  });

  it('runs many lines in one request, every one of them, with each output and prompt', async () => {
    const handler = createProtocolHandler();
    await handler.handle({ id: 1, type: 'load', scenario: 'packages-installed' });

    const answer = await handler.handle({
      id: 2,
      type: 'runMany',
      lines: ['echo one > /root/n', 'cat /root/missing', 'cd /etc', 'cat /root/n'],
    });

    expect(answer).toMatchObject({
      id: 2,
      type: 'ranMany',
      results: [
        { output: '', exitCode: 0, prompt: 'root@cp-1:~# ' },
        { output: 'cat: /root/missing: No such file or directory\n', exitCode: 1 },
        { output: '', exitCode: 0, prompt: 'root@cp-1:/etc# ' },
        { output: 'one\n', exitCode: 0, prompt: 'root@cp-1:/etc# ' },
      ],
      status: { version: null },
    });
  });

  it('answers a complete request with where the word starts and its completions', async () => {
    const handler = createProtocolHandler();
    await handler.handle({ id: 1, type: 'load', scenario: 'packages-installed' });

    const answer = await handler.handle({ id: 2, type: 'complete', line: 'kubeadm ver' });

    expect(answer).toEqual({ id: 2, type: 'completed', start: 8, candidates: ['version'] });
  });

  it('refuses a runMany whose lines are not a list of strings', () => {
    expect(parseEngineRequest({ id: 3, type: 'runMany', lines: ['ok', 4] })).toEqual({
      id: 3,
      type: 'error',
      message: 'runMany request needs "lines", a list of strings',
    });
  });

  it('turns a malformed request into an error response instead of throwing', async () => {
    const handler = createProtocolHandler();

    const answer = await handler.handle('load');

    expect(answer).toEqual({ id: null, type: 'error', message: 'request must be a JSON object' });
  });
});

describe('parseEngineRequest', () => {
  it('keeps optional fields it does not know, for newer clients', () => {
    const message = { id: 1, type: 'load', scenario: '', extra: 'kept' };

    const parsed = parseEngineRequest(message);

    expect(parsed).toBe(message);
  });

  it('rejects a goal that is not a string, naming the request id', () => {
    const parsed = parseEngineRequest({ id: 4, type: 'load', scenario: '', goal: 3 });

    expect(parsed).toEqual({
      id: 4,
      type: 'error',
      message: 'load request "goal" must be a string',
    });
  });
});

describe('protocol handler release tracks', () => {
  it('builds the scenario for the requested release and keeps it across a reset', async () => {
    const handler = createProtocolHandler();

    const loaded = await handler.handle({
      id: 1,
      type: 'load',
      scenario: 'cluster-previous-minor',
      release: 'v1.35',
    });
    const reset = await handler.handle({ id: 2, type: 'reset' });
    const version = await handler.handle({ id: 3, type: 'run', line: 'kubectl version' });

    expect(loaded).toMatchObject({ type: 'loaded', status: { release: 'v1.35' } });
    expect(reset).toMatchObject({ type: 'loaded', status: { release: 'v1.35' } });
    expect(version).toMatchObject({ type: 'ran', exitCode: 0 });
    expect((version as { stdout: string }).stdout).toContain('Server Version: v1.34.');
  });

  it('answers an unknown release with an error naming the releases offered', async () => {
    const handler = createProtocolHandler();

    const answer = await handler.handle({ id: 1, type: 'load', scenario: '', release: 'v1.2' });

    expect(answer).toMatchObject({ id: 1, type: 'error' });
    expect((answer as { message: string }).message).toContain('unknown Kubernetes release track');
  });

  it('rejects a release that is not a string', () => {
    expect(parseEngineRequest({ id: 1, type: 'load', scenario: '', release: 36 })).toMatchObject({
      type: 'error',
      message: 'load request "release" must be a string',
    });
  });
});
