/** Name of the bubbling CustomEvent a snippet's Run button dispatches for the page terminal. */
export const RUN_EVENT = 'kubelife:run';

/** Detail of a `kubelife:run` event: the snippet's logical commands, in order. */
export interface RunEventDetail {
  /** Commands as the doc-tests run them (a `\` continuation stays inside one command). */
  readonly commands: readonly string[];
}
