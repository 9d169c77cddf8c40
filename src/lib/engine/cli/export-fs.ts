/**
 * `kubelife run FILE --export-fs DIR`: writes every simulated machine's files, materialised
 * (real PEM certificates, keys and kubeconfigs), to DIR/<machine>/<path>, so real tools such as
 * openssl can inspect them.
 *
 * The state may come from a file someone else wrote (`--load`), so nothing in it is trusted: every
 * target is planned and checked before the first byte is written (a machine name must be a plain
 * host name, a path absolute and free of `.`/`..` segments, the target inside DIR), no existing
 * entry on the way may be a symbolic link, and files are opened with O_NOFOLLOW.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep, isAbsolute } from 'node:path';
import { isHostName, isCleanAbsolutePath, keyedEntries, type ClusterState } from '../src/index.ts';
import { defaultMaterializer } from '../shell/materialize.ts';

/** Why an export was refused; nothing was written. */
export class ExportRefused extends Error {}

interface Planned {
  readonly machine: string;
  readonly path: string;
  readonly content: string;
  readonly target: string;
}

/** The targets to write, every one checked to stay inside `root` (a real, resolved folder). */
function plan(state: ClusterState, root: string): Planned[] {
  const out: Planned[] = [];
  for (const [name, machine] of keyedEntries(state.machines)) {
    if (!isHostName(name))
      throw new ExportRefused(
        `--export-fs: machine name ${JSON.stringify(name)} is not a host name`,
      );
    for (const [path, content] of Object.entries(machine.files)) {
      if (!isCleanAbsolutePath(path))
        throw new ExportRefused(
          `--export-fs: file ${JSON.stringify(path)} on ${name} is not a clean absolute path`,
        );
      const target = join(root, name, path);
      const rel = relative(root, target);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
        throw new ExportRefused(`--export-fs: ${target} is outside ${root}`);
      out.push({ machine: name, path, content, target });
    }
  }
  return out;
}

/** Refuses when an existing entry between `root` and `target` (the target too) is a symlink. */
async function checkNoSymlinks(root: string, target: string): Promise<void> {
  let at = root;
  for (const part of relative(root, target).split(sep)) {
    at = join(at, part);
    const info = await lstat(at).catch(() => null);
    if (info === null) return; // Nothing exists from here on: mkdir and O_CREAT make it.
    if (info.isSymbolicLink())
      throw new ExportRefused(`--export-fs: refusing to follow the symbolic link ${at}`);
  }
}

/**
 * Writes all files of all machines under `dir`; resolves to the number of files written.
 * @throws ExportRefused before writing anything when a target would leave `dir`
 */
export async function exportFs(state: ClusterState, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const root = await realpath(dir);
  const targets = plan(state, root);
  for (const t of targets) await checkNoSymlinks(root, t.target);
  for (const t of targets) {
    await mkdir(dirname(t.target), { recursive: true });
    await checkNoSymlinks(root, t.target);
    const file = await open(
      t.target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      t.path.endsWith('.key') ? 0o600 : 0o644,
    );
    try {
      await file.writeFile(await defaultMaterializer(state, t.machine, t.content));
    } finally {
      await file.close();
    }
  }
  return targets.length;
}
