/**
 * Paths as the simulated shell resolves them: `~` is $HOME, relative paths are under the shell's
 * working directory (`cd`), `.`/`..` segments are folded.
 */
import { normalizePath } from '../src/index.ts';
import type { Invocation } from './types.ts';

/** The absolute, normalised path a command argument names. */
export function absolutePath(inv: Invocation, p: string): string {
  const home = inv.ctx.env['HOME'] ?? '/root';
  if (p === '~') return home;
  if (p.startsWith('~/')) return `${home}/${p.slice(2)}`;
  return normalizePath(p.startsWith('/') ? p : `${inv.ctx.cwd ?? home}/${p}`);
}
