/**
 * An Astro integration that writes `dist/_headers` (the format Netlify and Cloudflare Pages read)
 * after the build: for every page, the policy of its CSP `<meta>` tag plus what only a header can
 * carry (`frame-ancestors`). A host that serves headers then enforces the same policy, and the
 * file is the sample for any other server's configuration (docs/csp.md).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

import { CSP_HEADER_ONLY } from './csp.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/;

/** The pages under `dir` (every index.html), with their URL paths. */
async function pages(root: string, dir = root): Promise<Array<{ path: string; file: string }>> {
  const out: Array<{ path: string; file: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await pages(root, file)));
    else if (entry.name === 'index.html') {
      const rel = relative(root, dir).split(sep).join('/');
      out.push({ path: rel === '' ? '/' : `/${rel}/`, file });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The `_headers` text for the built site in `root`. */
export async function cspHeaders(root: string): Promise<string> {
  const blocks: string[] = [];
  for (const page of await pages(root)) {
    const policy = META.exec(await readFile(page.file, 'utf8'))?.[1];
    if (policy === undefined) continue;
    const full = [
      ...policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
      ...CSP_HEADER_ONLY,
    ];
    blocks.push(`${page.path}\n  Content-Security-Policy: ${full.join('; ')}\n`);
  }
  return blocks.join('\n');
}

/** Writes dist/_headers when the build is done. */
export function cspHeadersIntegration(): AstroIntegration {
  return {
    name: 'kubelife-csp-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        await writeFile(join(root, '_headers'), await cspHeaders(root));
      },
    },
  };
}
