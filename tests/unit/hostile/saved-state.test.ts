/**
 * Issue 14, defects 4 and 5: a saved session is checked before use (the message names the file
 * and the first bad field), a failed load never replaces a working session, `--save` replaces
 * its file atomically, and `serve --jsonl` frames lines by `\n` only and answers every line.
 */
import { describe, expect, it } from 'vitest';
import { createProtocolHandler, type EngineResponse, type SerializedState } from 'kubelife/shell';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';
const kubelife = (args: string[], input?: string) =>
  spawnSync(node, [bin, ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });

function fixture(): { dir: string; script: string; good: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'kubelife-load-'));
  const script = join(dir, 'script.sh');
  writeFileSync(script, 'hostname\n');
  const save = join(dir, 'good.json');
  kubelife(['run', script, '--save', save]);
  return { dir, script, good: JSON.parse(readFileSync(save, 'utf8')) as Record<string, unknown> };
}

describe('kubelife run --load FILE', () => {
  const { dir, script, good } = fixture();
  const load = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return { file, r: kubelife(['run', script, '--load', file]) };
  };
  const tampered = (change: (saved: Record<string, unknown>) => void): string => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const state = (saved: Record<string, unknown>) => saved['state'] as Record<string, unknown>;

  it.each([
    ['an empty state', (s: Record<string, unknown>) => (s['state'] = {}), 'state.schema'],
    [
      'a clock that is not a number',
      (s: Record<string, unknown>) => (state(s)['now'] = 'soon'),
      'state.now',
    ],
    [
      'machines that are not an object',
      (s: Record<string, unknown>) => (state(s)['machines'] = 'oops'),
      'state.machines',
    ],
    [
      'an unknown schema',
      (s: Record<string, unknown>) => (state(s)['schema'] = 99),
      'state.schema',
    ],
    ['an unknown scenario', (s: Record<string, unknown>) => (s['scenario'] = 'nosuch'), 'scenario'],
    ['an env that is not an object', (s: Record<string, unknown>) => (s['env'] = 'str'), 'env'],
    [
      'a machine stack naming no machine',
      (s: Record<string, unknown>) => (s['machineStack'] = ['ghost']),
      'machineStack.0',
    ],
  ])('refuses %s, naming the file and the field', (_name, change, field) => {
    const { file, r } = load('bad.json', tampered(change));

    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^kubelife: ${file}: invalid saved state: ${field.replace(/\./g, '\\.')}[.:]`),
    );
    expect(r.stdout).toBe('');
  });

  it('names the file when it is not JSON', () => {
    const { file, r } = load('broken.json', '{"kind":');

    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^kubelife: ${file}: not JSON: `));
  });

  it('loads an untouched save', () => {
    const { r } = load('copy.json', JSON.stringify(good));

    expect(r.status).toBe(0);
    expect(r.stdout).toBe('$ hostname\ncp-1\n');
  });
});

describe('kubelife run --save FILE', () => {
  it('replaces the file by rename, leaving no temporary file', () => {
    const { dir, script } = fixture();
    const file = join(dir, 'state.json');
    writeFileSync(file, 'previous\n');
    const before = statSync(file).ino;

    const r = kubelife(['run', script, '--save', file]);

    expect(r.status).toBe(0);
    expect(statSync(file).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kind: 'kubelife-session' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a failed load in the protocol handler', () => {
  it('keeps the working session', async () => {
    const handler = createProtocolHandler();
    await handler.handle({ id: 1, type: 'load', scenario: 'packages-installed' });
    await handler.handle({ id: 2, type: 'run', line: 'echo kept > /root/mark' });

    const failed = await handler.handle({
      id: 3,
      type: 'load',
      scenario: '',
      state: { kind: 'kubelife-session' },
    });
    const after = await handler.handle({ id: 4, type: 'run', line: 'cat /root/mark' });

    expect(failed).toMatchObject({ id: 3, type: 'error' });
    expect(after).toMatchObject({ id: 4, type: 'ran', stdout: 'kept\n' });
  });
});

describe('kubelife serve --jsonl framing', () => {
  const serve = (input: string): string[] =>
    kubelife(['serve', '--jsonl'], input).stdout.split('\n').slice(0, -1);

  it('keeps a raw U+2028 inside a request and escapes it in the answer', () => {
    const lines = serve(
      `${JSON.stringify({ id: 1, type: 'load', scenario: 'packages-installed' })}\n` +
        `{"id":2,"type":"run","line":"echo a\u2028b"}\n`,
    );

    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('\u2028');
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ id: 2, type: 'ran', stdout: 'a\u2028b\n' });
  });

  it('answers blank and whitespace-only lines', () => {
    const lines = serve('\n   \n\t\n');

    expect(lines.map((l) => JSON.parse(l) as EngineResponse)).toEqual(
      Array(3).fill({
        id: null,
        type: 'error',
        message: 'empty line: send one JSON request per line',
      }),
    );
  });
});

describe('kubelife serve --jsonl --deadline', () => {
  it('stops a run past its deadline and keeps the session as it was before it', () => {
    const input = [
      { id: 1, type: 'load', scenario: 'packages-installed' },
      // kubeadm init signs a dozen certificates: it always takes longer than a millisecond.
      { id: 2, type: 'run', line: 'kubeadm init' },
      { id: 3, type: 'save' },
    ]
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');

    const r = kubelife(['serve', '--jsonl', '--deadline', '1ms'], input);
    const [loaded, stopped, saved] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as EngineResponse);

    expect(r.status).toBe(0);
    expect(loaded?.type).toBe('loaded');
    expect(stopped).toEqual({
      id: 2,
      type: 'error',
      message: 'command stopped after 1ms (the deadline); the session is as it was before it',
    });
    expect(saved).toMatchObject({ id: 3, type: 'saved', state: { state: { cluster: null } } });
  });
});

describe('a tampered saved cluster', () => {
  /** The path of a stored object inside the saved state (its two storage buckets found by key). */
  function storedAt(state: SerializedState['state'], resource: string, key: string): string[] {
    const buckets = (state.cluster?.objects?.resources[resource] ?? {}) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    for (const [b1, level2] of Object.entries(buckets))
      for (const [b2, leaf] of Object.entries(level2))
        if (Object.hasOwn(leaf, key))
          return ['cluster', 'objects', 'resources', resource, b1, b2, key];
    throw new Error(`no stored ${resource} ${key}`);
  }

  it.each([
    [
      'a node that is not an object',
      (s: SerializedState['state']) => storedAt(s, 'nodes', '/cp-1'),
      null,
      'state.cluster.objects.nodes.cp-1:',
    ],
    [
      'a node without its machine',
      (s: SerializedState['state']) => [...storedAt(s, 'nodes', '/cp-1'), 'simulator', 'machine'],
      7,
      'state.cluster.objects.nodes.cp-1.simulator.machine:',
    ],
    [
      'a pod of an unknown app',
      (s: SerializedState['state']) => [
        ...storedAt(s, 'pods', 'kube-system/etcd-cp-1'),
        'spec',
        'containers',
        '0',
        'name',
      ],
      'x',
      'state.cluster.objects.pods.kube-system/etcd-cp-1.spec.containers.0.name:',
    ],
    [
      'a Service without metadata',
      (s: SerializedState['state']) => [
        ...storedAt(s, 'services', 'default/kubernetes'),
        'metadata',
      ],
      'x',
      'state.cluster.objects.services.default/kubernetes.metadata:',
    ],
    ['tokens that are not a list', () => ['cluster', 'tokens'], {}, 'state.cluster.tokens:'],
    [
      'a certificate without dates',
      () => ['machines', 'buckets', '0', 'cp-1', 'certs'],
      { '/a.crt': {} },
      'state.machines.cp-1.certs./a.crt.',
    ],
  ])('is refused with the first bad field named: %s', async (_, pathOf, value, field) => {
    const { createSession } = await import('kubelife');
    const saved = JSON.parse(
      JSON.stringify(createSession({ scenario: 'workers-joined' }).save()),
    ) as SerializedState;
    const path = pathOf(saved.state);
    let at = saved.state as unknown as Record<string, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path.at(-1) ?? ''] = value;

    expect(() => createSession({ state: saved })).toThrow(`invalid saved state: ${field}`);
  });

  it('is refused when it has neither an object store nor the records of older saves', async () => {
    const { createSession } = await import('kubelife');
    const saved = JSON.parse(
      JSON.stringify(createSession({ scenario: 'workers-joined' }).save()),
    ) as SerializedState;
    const cluster = saved.state.cluster as unknown as Record<string, unknown>;
    delete cluster['objects'];

    expect(() => createSession({ state: saved })).toThrow(
      'invalid saved state: state.cluster.nodes: the cluster has no nodes',
    );
  });
});
