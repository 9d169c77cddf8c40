/**
 * Build-time (Node) half of the WebContainer backend: bundles the `kubelife` CLI, the engine and
 * its dependencies into one ES module that a WebContainer can run with plain `node`, without an
 * `npm install` (which would need the npm registry from inside the tab). The site serves it as
 * /webcontainer/kubelife.mjs (src/pages/webcontainer/kubelife.mjs.ts); the browser half
 * (src/lib/terminal/backends/webcontainer.ts) fetches it only when the reader picks that backend.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The bundle's entry: the same two lines as the package's bin shim, on the TypeScript sources. */
const ENTRY = `import { main } from './cli/main.ts';
process.exitCode = await main(process.argv.slice(2));
`;

/**
 * Prepended to the bundle. `require`: CommonJS dependencies bundled into an ES module still call
 * it for Node built-ins. `crypto`: the engine signs certificates with WebCrypto from
 * `globalThis.crypto`, which Node only exposes without a flag from v19 on; WebContainers have run
 * Node 18, so fall back to `node:crypto`'s webcrypto there.
 */
const BANNER = `import { createRequire as __kubelifeCreateRequire } from 'node:module';
import { webcrypto as __kubelifeWebCrypto } from 'node:crypto';
const require = __kubelifeCreateRequire(import.meta.url);
if (globalThis.crypto?.subtle === undefined)
  Object.defineProperty(globalThis, 'crypto', { value: __kubelifeWebCrypto, configurable: true, writable: true });`;

/** Node version the bundle is compiled for (the oldest WebContainers have shipped). */
export const CLI_BUNDLE_TARGET = 'node18';

/** Bundles the CLI; resolves to the module's source text. */
export async function bundleCli(): Promise<string> {
  // The workspace package, wherever this module was bundled to (Astro moves build-time code).
  const engineDir = dirname(createRequire(import.meta.url).resolve('kubelife/package.json'));
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: engineDir,
      sourcefile: 'webcontainer-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: CLI_BUNDLE_TARGET,
    minify: true,
    legalComments: 'eof',
    banner: { js: BANNER },
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no CLI bundle');
  return output.text;
}
