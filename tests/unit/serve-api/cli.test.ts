import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = 'node_modules/.bin/node';
const bin = 'src/lib/engine/bin/kubelife.js';

describe('kubelife serve --api', () => {
  it('prints where it listens, writes a kubeconfig for it and stops on SIGTERM', async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubelife-serve-api-')), 'kubeconfig');
    const child = spawn(node, [
      bin,
      'serve',
      '--api',
      '--scenario',
      'workers-joined',
      '--kubeconfig',
      kubeconfig,
    ]);
    let stdout = '';
    const listening = new Promise<string>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /^listening on (https:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (m) resolve(m[1] ?? '');
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const url = await listening;
    const config = readFileSync(kubeconfig, 'utf8');
    child.kill('SIGTERM');
    const code = await exited;

    expect(config).toContain(`server: ${url}`);
    expect(config).toMatch(/client-certificate-data: \S+/);
    expect(code).toBe(0);
  });

  it('refuses --port outside serve --api', async () => {
    const child = spawn(node, [bin, 'serve', '--jsonl', '--port', '8080']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));

    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(code).toBe(2);
    expect(stderr).toContain('kubelife: options --port and --kubeconfig only apply to serve --api');
  });
});
