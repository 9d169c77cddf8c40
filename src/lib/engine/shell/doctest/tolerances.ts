/**
 * Named extra tolerance sets for `kubelife doctest --tolerate NAME`: differences that are not
 * between runs but between the tool versions a guide was written for and the ones a machine has
 * (Debian's etcd 3.4 where the release tracks run etcd 3.5/3.6). Never applied unless asked for,
 * and every mask that made a line equal is named in the report.
 */
import { ETCD_34_MASKS, SIMULATOR_GAPS } from './etcd-versions.ts';
import type { Mask } from './masks.ts';

/** Every tolerance set by name. */
export const TOLERANCES: Readonly<Record<string, readonly Mask[]>> = {
  'etcd-3.4': ETCD_34_MASKS,
  'sim-gaps': SIMULATOR_GAPS,
};

/**
 * The masks of the named sets.
 * @throws Error naming an unknown set and the known ones
 */
export function toleranceMasks(names: readonly string[]): Mask[] {
  return names.flatMap((name) => {
    const set = TOLERANCES[name];
    if (!set)
      throw new Error(
        `unknown --tolerate set "${name}" (known: ${Object.keys(TOLERANCES).join(', ')})`,
      );
    return [...set];
  });
}
