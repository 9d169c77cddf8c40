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
import type { Goal, GoalCheck } from './types.ts';

export type { Goal, GoalCheck } from './types.ts';

/** Every goal a page may name, by name. */
export const goals: Readonly<Record<string, Goal>> = {
  'packages-installed-and-held': packagesInstalledAndHeld,
  'control-plane-initialized': controlPlaneInitialized,
  'all-nodes-ready': allNodesReady,
  'workers-joined': workersJoined,
  'all-nodes-run-version': allNodesRunVersion,
  'no-node-cordoned': noNodeCordoned,
};

/** Checks the named goal; an unknown name is never done and says so. */
export function checkGoal(state: ClusterState, name: string): GoalCheck {
  const goal = Object.hasOwn(goals, name) ? goals[name] : undefined;
  if (!goal) return { done: false, detail: `unknown goal "${name}"` };
  return goal.check(state);
}
