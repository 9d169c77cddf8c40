/**
 * The built site served for a benchmark script: reuses a server already answering at `base`, or
 * starts `astro preview` on its port (with --ignore-lock, so a dev or e2e server of this folder
 * does not stop it) and waits until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** True when `url` answers with a success status. */
export async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts `astro preview` for `base` unless something answers there already; returns the process
 * to stop afterwards (`process.kill(-child.pid)`: it leads its own process group), or undefined.
 */
export async function startPreview(base: string): Promise<ChildProcess | undefined> {
  if (await reachable(base)) return undefined;
  const port = new URL(base).port || '4322';
  const child = spawn(
    'npx',
    ['astro', 'preview', '--port', port, '--host', '127.0.0.1', '--ignore-lock'],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100 && !(await reachable(base)); i++)
    await new Promise((resolve) => setTimeout(resolve, 200));
  return child;
}
