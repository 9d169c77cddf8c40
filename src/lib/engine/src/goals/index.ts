/**
 * Goal predicates by name. A guide leaf names one in its frontmatter (`goal:`); the site's engine
 * worker checks it after every command so the page can tell the reader when the step is done.
 * Pure core code: no DOM, no clock, no randomness.
 */
import type { ClusterState } from '../model/state.ts';
import {
  allNodesReady,
  controlPlaneInitialized,
  packagesInstalledAndHeld,
  workersJoined,
} from './install.ts';
import { allNodesRunVersion, noNodeCordoned } from './nodes.ts';
import type { Goal, GoalCheck, GoalShell } from './types.ts';

export type { Goal, GoalCheck, GoalShell } from './types.ts';

/** Every goal a page may name, by name. */
export const goals: Readonly<Record<string, Goal>> = {
  'packages-installed-and-held': packagesInstalledAndHeld,
  'control-plane-initialized': controlPlaneInitialized,
  'all-nodes-ready': allNodesReady,
  'workers-joined': workersJoined,
  'all-nodes-run-version': allNodesRunVersion,
  'no-node-cordoned': noNodeCordoned,
};

/**
 * Checks the named goal, with the reader's shell environment when known (a kubeconfig exported
 * in KUBECONFIG counts like one copied to $HOME/.kube/config); an unknown name is never done.
 */
export function checkGoal(state: ClusterState, name: string, shell?: GoalShell): GoalCheck {
  const goal = Object.hasOwn(goals, name) ? goals[name] : undefined;
  if (!goal) return { done: false, detail: `unknown goal "${name}"` };
  return goal.check(state, shell);
}
