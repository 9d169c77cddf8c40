import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cspHeaders } from '../../../src/lib/site/csp-headers.ts';

describe('the _headers sample', () => {
  it("repeats each page's meta policy and adds frame-ancestors, which only a header carries", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelife-csp-'));
    mkdirSync(join(dir, 'guides'));
    const meta = (policy: string) =>
      `<head><meta http-equiv="content-security-policy" content="${policy}"></head>`;
    writeFileSync(
      join(dir, 'index.html'),
      meta("default-src 'self'; script-src 'self' 'sha256-a'"),
    );
    writeFileSync(join(dir, 'guides', 'index.html'), meta("script-src 'self' 'sha256-b';"));

    const headers = await cspHeaders(dir);

    expect(headers).toBe(
      "/\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a'; frame-ancestors 'self' https:\n\n" +
        "/guides/\n  Content-Security-Policy: script-src 'self' 'sha256-b'; frame-ancestors 'self' https:\n",
    );
  });
});
