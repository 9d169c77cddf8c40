/**
 * `kubectl config` lines read and write the kubeconfig file of the simulated machine, not the
 * served API: the judge gets a copy of that file (certificate data materialised) at the same
 * absolute path under a scratch folder, runs the line against it, and both sides are compared
 * with the file as it stands afterwards. The scratch prefix is removed from the judge's output
 * (mask `kubeconfig-copy` in compare.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findMachine } from 'kubelife';
import { defaultMaterializer } from 'kubelife/shell';
import type { Session } from 'kubelife/shell';

/** True for a line whose kubectl verb is `config`. */
export function isConfigLine(line: string): boolean {
  return /(^|\s)kubectl\s+(?:--?[\w-]+(?:=\S+)?\s+)*config(\s|$)/.test(line);
}

/** The scratch folder every copy lives under (its name is what the mask removes). */
export const COPY_ROOT = mkdtempSync(join(tmpdir(), 'kubelife-parity-kc-'));

/** The kubeconfig path the simulated kubectl reads for `line` in `session`. */
function simPath(session: Session, line: string): string {
  const env = session.save().env;
  const home = env['HOME'] ?? '/root';
  const explicit = /--kubeconfig(?:=|\s+)(\S+)/.exec(line)?.[1];
  const prefixed = /^(?:sudo\s+)?KUBECONFIG=(\S+)\s/.exec(line)?.[1];
  const list = explicit ?? prefixed ?? env['KUBECONFIG'];
  const candidates = (list ?? `${home}/.kube/config`).split(':').filter((x) => x !== '');
  const abs = (p: string): string => (p.startsWith('/') ? p : `${home}/${p}`);
  const m = findMachine(session.save().state, session.machine);
  return abs(candidates.find((c) => m?.files[abs(c)] !== undefined) ?? candidates.at(-1) ?? '');
}

/** The file's text with certificate data materialised, or null when it does not exist. */
async function simFile(session: Session, path: string): Promise<string | null> {
  const state = session.save().state;
  const content = findMachine(state, session.machine)?.files[path];
  return content === undefined ? null : defaultMaterializer(state, session.machine, content);
}

/** Prepares the judge's copy from `session` (before the line); returns its path and the sim's. */
export async function prepareCopy(
  session: Session,
  line: string,
): Promise<{ copy: string; sim: string }> {
  const sim = simPath(session, line);
  const copy = join(COPY_ROOT, sim);
  rmSync(copy, { force: true });
  const text = await simFile(session, sim);
  if (text !== null) {
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, text);
  }
  return { copy, sim };
}

/** The file after the line on both sides, as a section appended to each stdout. */
export async function filesAfter(
  session: Session,
  paths: { copy: string; sim: string },
): Promise<{ sim: string; real: string }> {
  const section = (t: string | null): string => `--- kubeconfig after ---\n${t ?? '<none>'}`;
  const real = existsSync(paths.copy) ? readFileSync(paths.copy, 'utf8') : null;
  return { sim: section(await simFile(session, paths.sim)), real: section(real) };
}
