/**
 * The hard-way rule, shared by the per-guide and whole-site hard-way pages (and mirrored from
 * kubelife/doctest `runHardWay`): leaves run in order against one cluster; a leaf
 * continues from the state the earlier leaves left, except where it declares a starting scenario
 * different from the one reached so far (the previous leaf's `produces`, or unchanged when it
 * has none). There the terminal loads the leaf's scenario: a new segment starts.
 */
import type { GuideEntryLike } from './routes.ts';

/** One leaf on a hard-way page and how its terminal state is reached. */
export interface HardWayStep<T> {
  readonly leaf: T;
  /** Index of the segment the leaf runs in (0 for the first). */
  readonly segment: number;
  /** Scenario the leaf's segment starts from ('' for the engine's default). */
  readonly segmentScenario: string;
  /**
   * The scenario this leaf loads, when it starts a segment after the first (the page shows
   * "This step starts from scenario …"); undefined when the leaf continues.
   */
  readonly loads: string | undefined;
}

/**
 * Plans a hard-way page for leaves in reading order (several guides concatenated for the
 * whole-site page). Pure.
 */
export function planHardWay<T extends GuideEntryLike>(leaves: readonly T[]): HardWayStep<T>[] {
  const steps: HardWayStep<T>[] = [];
  let segment = -1;
  let segmentScenario = '';
  let reached: string | undefined;
  for (const leaf of leaves) {
    const start = leaf.data.scenario;
    const starts = segment === -1 || (start !== undefined && start !== reached);
    if (starts) {
      segment++;
      segmentScenario = start ?? '';
      reached = start;
    }
    steps.push({
      leaf,
      segment,
      segmentScenario,
      loads: starts && segment > 0 ? (start ?? '') : undefined,
    });
    reached = leaf.data.produces ?? reached;
  }
  return steps;
}
