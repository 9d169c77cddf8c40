/**
 * Types of goal predicates: named checks over the cluster state that tell a reader whether the
 * step they are on is done, however they got there (typed commands or the page's snippets).
 */
import type { ClusterState } from '../model/state.ts';

/** Outcome of checking one goal against a state. */
export interface GoalCheck {
  /** True once the state satisfies the goal. */
  readonly done: boolean;
  /** One sentence saying what is still missing, or what was reached. */
  readonly detail: string;
}

/**
 * The reader's shell as a goal may need it: what `kubectl` would use depends on the session's
 * environment (KUBECONFIG, HOME), not only on the cluster state.
 */
export interface GoalShell {
  /** The shell's environment variables. */
  readonly env: Readonly<Record<string, string>>;
}

/** A named goal predicate. Pure: the same state always gives the same answer. */
export interface Goal {
  /** Short sentence naming the goal, shown after "Goal:". */
  readonly title: string;
  check(state: ClusterState, shell?: GoalShell): GoalCheck;
}

/** Lists names readably: "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
