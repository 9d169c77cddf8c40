/**
 * /webcontainer/kubelife.mjs: the `kubelife` CLI as one ES module, built with the site (a static
 * file in dist/). Only the optional WebContainer backend fetches it, after the reader picks that
 * backend; no page links or preloads it. See docs/webcontainer.md.
 */
import type { APIRoute } from 'astro';

import { bundleCli } from '../../lib/webcontainer/cli-bundle.ts';

/** Serves the bundle (generated once at build time; on every request in `astro dev`). */
export const GET: APIRoute = async () =>
  new Response(await bundleCli(), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
