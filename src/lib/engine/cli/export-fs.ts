/**
 * `kubelife run FILE --export-fs DIR`: writes every simulated machine's files, materialised
 * (real PEM certificates, keys and kubeconfigs), to DIR/<machine>/<path>, so real tools such as
 * openssl can inspect them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ClusterState } from '../src/index.ts';
import { defaultMaterializer } from '../shell/materialize.ts';
import { keyedEntries } from '../src/index.ts';

/** Writes all files of all machines under `dir`; resolves to the number of files written. */
export async function exportFs(state: ClusterState, dir: string): Promise<number> {
  let count = 0;
  for (const [name, machine] of keyedEntries(state.machines)) {
    for (const [path, content] of Object.entries(machine.files)) {
      const target = join(dir, name, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await defaultMaterializer(state, name, content), {
        mode: path.endsWith('.key') ? 0o600 : 0o644,
      });
      count++;
    }
  }
  return count;
}
