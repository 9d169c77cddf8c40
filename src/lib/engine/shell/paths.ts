/**
 * Paths as the simulated shell resolves them: `~` is $HOME, relative paths are under the shell's
 * working directory (`cd`), `.`/`..` segments are folded. Every file the shell touches goes
 * through {@link resolveShellPath}, so no stored path ever keeps a `..` segment (an exporter that
 * joins stored paths under a folder relies on that, and checks it again).
 */
import { normalizePath } from '../src/index.ts';
import type { Invocation } from './types.ts';

/**
 * The absolute, normalised path `p` names in a shell whose environment is `env` and whose working
 * directory is `cwd` (default $HOME).
 */
export function resolveShellPath(
  env: Readonly<Record<string, string>>,
  p: string,
  cwd?: string,
): string {
  const home = normalizePath(env['HOME'] ?? '/root');
  if (p === '~') return home;
  if (p.startsWith('~/')) return normalizePath(`${home}/${p.slice(2)}`);
  return normalizePath(p.startsWith('/') ? p : `${cwd ?? home}/${p}`);
}

/** The absolute, normalised path a command argument names. */
export function absolutePath(inv: Invocation, p: string): string {
  return resolveShellPath(inv.ctx.env, p, inv.ctx.cwd);
}
