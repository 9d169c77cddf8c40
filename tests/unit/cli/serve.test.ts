import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBERNETES_VERSION } from 'kubelife';
import type { EngineResponse } from 'kubelife/shell';
import { spawnSync } from 'node:child_process';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';

/** Runs `kubelife serve --jsonl` with the given input lines; returns the parsed response lines. */
function serve(lines: readonly string[]): { responses: EngineResponse[]; status: number | null } {
  const r = spawnSync(node, [bin, 'serve', '--jsonl'], {
    encoding: 'utf8',
    input: lines.map((line) => `${line}\n`).join(''),
  });
  expect(r.stderr).toBe('');
  expect(r.stdout.endsWith('\n')).toBe(true);
  const responses = r.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as EngineResponse);
  return { responses, status: r.status };
}

const request = (body: object): string => JSON.stringify(body);

/** The message of an error response (undefined for any other response). */
const messageOf = (response: EngineResponse | undefined): string | undefined =>
  response?.type === 'error' ? response.message : undefined;

describe('kubelife serve --jsonl', () => {
  it('answers load, run, save and reset with one JSON line each, in request order', () => {
    const { responses, status } = serve([
      request({ id: 1, type: 'load', scenario: 'packages-installed' }),
      request({ id: 2, type: 'run', line: 'kubeadm version -o short' }),
      request({ id: 3, type: 'save' }),
      request({ id: 4, type: 'reset' }),
    ]);

    expect(responses.map((r) => [r.id, r.type])).toEqual([
      [1, 'loaded'],
      [2, 'ran'],
      [3, 'saved'],
      [4, 'loaded'],
    ]);
    expect(responses[0]).toMatchObject({ prompt: 'root@cp-1:~# ', status: { version: null } });
    expect(responses[1]).toMatchObject({
      output: `${DEFAULT_KUBERNETES_VERSION}\n`,
      exitCode: 0,
      prompt: 'root@cp-1:~# ',
    });
    expect(status).toBe(0);
  });

  it('continues a session from the state a save returned', () => {
    const first = serve([
      request({ id: 1, type: 'load', scenario: 'packages-installed' }),
      request({ id: 2, type: 'run', line: 'echo kept > /root/note' }),
      request({ id: 3, type: 'save' }),
    ]);
    const saved = first.responses[2];
    const state = saved?.type === 'saved' ? saved.state : undefined;

    const second = serve([
      request({ id: 1, type: 'load', scenario: '', state }),
      request({ id: 2, type: 'run', line: 'cat /root/note' }),
    ]);

    expect(state).toBeDefined();
    expect(second.responses[1]).toMatchObject({ id: 2, type: 'ran', output: 'kept\n' });
  });

  it('reports the goal named in the load after every command', () => {
    const { responses } = serve([
      request({ id: 1, type: 'load', scenario: 'packages-installed', goal: 'workers-joined' }),
      request({ id: 2, type: 'run', line: 'hostname' }),
    ]);

    expect(responses[0]).toMatchObject({ goal: { name: 'workers-joined', done: false } });
    expect(responses[1]).toMatchObject({ goal: { name: 'workers-joined', done: false } });
  });

  it('answers garbage with error lines and keeps serving the requests after it', () => {
    const { responses, status } = serve([
      'not json',
      '[1, 2]',
      request({ type: 'run', line: 'hostname' }),
      request({ id: 5, type: 'launch' }),
      request({ id: 6, type: 'run' }),
      request({ id: 7, type: 'run', line: 'hostname' }),
      '',
      request({ id: 8, type: 'load', scenario: 'packages-installed' }),
      request({ id: 9, type: 'run', line: 'hostname' }),
    ]);

    expect(responses.map((r) => [r.id, r.type])).toEqual([
      [null, 'error'],
      [null, 'error'],
      [null, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [null, 'error'],
      [8, 'loaded'],
      [9, 'ran'],
    ]);
    expect(messageOf(responses[0])).toMatch(/^invalid JSON: /);
    expect(messageOf(responses[3])).toContain('"launch"');
    expect(messageOf(responses[4])).toBe('run request needs a string "line"');
    expect(messageOf(responses[5])).toBe('no session loaded');
    // An empty line is answered too (every line gets an answer: issue 14).
    expect(messageOf(responses[6])).toBe('empty line: send one JSON request per line');
    expect(responses[8]).toMatchObject({ output: 'cp-1\n' });
    expect(status).toBe(0);
  });

  it('answers an unknown scenario with an error for that request', () => {
    const { responses } = serve([request({ id: 1, type: 'load', scenario: 'no-such-scenario' })]);

    expect(responses).toHaveLength(1);
    expect(responses[0]?.id).toBe(1);
    expect(messageOf(responses[0])).toContain('no-such-scenario');
  });

  it('refuses serve without --jsonl and session options with it, exit 2', () => {
    const plain = spawnSync(node, [bin, 'serve'], { encoding: 'utf8', input: '' });
    const seeded = spawnSync(node, [bin, 'serve', '--jsonl', '--seed', '3'], {
      encoding: 'utf8',
      input: '',
    });

    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('kubelife: serve needs --jsonl');
    expect(seeded.status).toBe(2);
    expect(seeded.stderr).toContain('kubelife: serve takes no session options');
  });
});
