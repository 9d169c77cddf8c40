/**
 * Saved-session files for the CLI: `--load` reads and checks one (every failure names the file),
 * `--save` writes one atomically (a temporary file beside the target, fsync, rename), so a crash
 * mid-write never loses the previous save.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isEngineError } from '../src/index.ts';
import { parseSavedSession, type SerializedState } from '../shell/index.ts';

/** A saved-session file that cannot be used; the message names the file. */
export class StateFileError extends Error {}

/**
 * Reads and checks the saved session in `file`.
 * @throws StateFileError naming the file (unreadable, not JSON, or the first bad field)
 */
export async function readStateFile(file: string): Promise<SerializedState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StateFileError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StateFileError(`${file}: not JSON: ${reason}`);
  }
  try {
    return parseSavedSession(value);
  } catch (error) {
    if (isEngineError(error)) throw new StateFileError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Writes `saved` to `file` through a temporary file, fsync and rename. */
export async function writeStateFile(file: string, saved: SerializedState): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(saved)}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}
