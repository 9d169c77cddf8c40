import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { bundleCli } from '../../../src/lib/webcontainer/cli-bundle.ts';

const node = resolve('node_modules/.bin/node');
/** Takes WebCrypto away before the bundle loads, as on Node 18 (WebContainers have run it). */
const WITHOUT_CRYPTO =
  'data:text/javascript,Object.defineProperty(globalThis,"crypto",{value:undefined,configurable:true,writable:true})';

describe('CLI bundle for the WebContainer backend', () => {
  it('serves JSON lines from a folder with no node_modules, even without a global WebCrypto', async () => {
    // The layout webcontainer.ts mounts: package.json at the top, the bundle in bin/.
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-wc-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'kubelife.mjs'), await bundleCli());
    writeFileSync(
      join(dir, 'package.json'),
      '{"name":"kubelife","version":"9.9.9","type":"module"}',
    );
    const input = [
      { id: 1, type: 'load', scenario: 'packages-installed' },
      { id: 2, type: 'run', line: 'kubeadm init --ignore-preflight-errors=all' },
      {
        id: 3,
        type: 'run',
        line: 'openssl verify -CAfile /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/apiserver.crt',
      },
    ]
      .map((request) => `${JSON.stringify(request)}\n`)
      .join('');

    const served = spawnSync(
      node,
      ['--import', WITHOUT_CRYPTO, 'bin/kubelife.mjs', 'serve', '--jsonl'],
      {
        cwd: dir,
        input,
        encoding: 'utf8',
      },
    );
    const version = spawnSync(node, ['bin/kubelife.mjs', '--version'], {
      cwd: dir,
      encoding: 'utf8',
    });

    const responses = served.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number; type: string; output?: string });
    expect(responses.map((r) => [r.id, r.type])).toEqual([
      [1, 'loaded'],
      [2, 'ran'],
      [3, 'ran'],
    ]);
    expect(responses[2]?.output).toBe('/etc/kubernetes/pki/apiserver.crt: OK\n');
    expect(version.stdout).toBe('kubelife 9.9.9\n');
  }, 30_000);
});
