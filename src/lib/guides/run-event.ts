/** Name of the bubbling CustomEvent snippet buttons dispatch for the page terminal. */
export const RUN_EVENT = 'kubelife:run';

/** Name of the CustomEvent (on document) the release picker dispatches with `{ release }`. */
export const RELEASE_EVENT = 'kubelife:release';

/** Name of the CustomEvent (on document) the terminal dispatches with a `GoalStatus` detail. */
export const GOAL_EVENT = 'kubelife:goal';

/**
 * A stretch of a page that runs against one chain of state: the whole of a leaf page, or on a
 * hard-way page the leaves from one scenario load to the next (see hard-way.ts).
 */
export interface Segment {
  /** Position of the segment on the page (0 for the first). */
  readonly index: number;
  /** Scenario the segment starts from ('' for the engine's default). */
  readonly scenario: string;
}

/** Commands to run in one segment. */
export interface RunBatch {
  /** Commands as the doc-tests run them (a `\` continuation stays inside one command). */
  readonly commands: readonly string[];
  /**
   * Segment the commands belong to; when it differs from the terminal's current segment, the
   * terminal first loads the segment's scenario. Absent: run in whatever state the terminal has.
   */
  readonly segment?: Segment;
  /** Load the segment's scenario first even when the terminal is already in that segment. */
  readonly restart?: boolean;
}

/** Detail of a `kubelife:run` event: batches to run in order. */
export interface RunEventDetail {
  readonly batches: readonly RunBatch[];
}

/** Groups consecutive snippets of the same segment into batches (pure; used by "Run all"). */
export function batchesFor(
  snippets: readonly { readonly commands: readonly string[]; readonly segment: Segment }[],
  restartFirst: boolean,
): RunBatch[] {
  const batches: { commands: string[]; segment: Segment; restart?: boolean }[] = [];
  for (const snippet of snippets) {
    const last = batches.at(-1);
    if (last && last.segment.index === snippet.segment.index)
      last.commands.push(...snippet.commands);
    else batches.push({ commands: [...snippet.commands], segment: snippet.segment });
  }
  const first = batches[0];
  if (first && restartFirst) first.restart = true;
  return batches;
}
