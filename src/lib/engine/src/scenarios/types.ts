/**
 * The shape of a named precondition state (scenario). Its own file so the scenario modules and
 * the index that lists them depend on it without importing each other.
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import type { ReleaseTrack } from '../model/release-track.ts';

/** Shell-level context a scenario leaves behind (environment, logged-in machine). */
export interface ScenarioShell {
  readonly machine: string;
  readonly env: Readonly<Record<string, string>>;
}

/** A named precondition state, buildable for every release track. */
export interface Scenario {
  readonly name: string;
  /** Short title; may use the guides' `{{variables}}` (rendered per track by listScenarios). */
  readonly title: string;
  /** What the state holds; may use `{{variables}}` like the title. */
  readonly description: string;
  /** Scenario this one builds on, or null for the first. */
  readonly base: string | null;
  /**
   * Commands applied on top of `base`; may depend on the state so far (e.g. the join token) and
   * on the release track the scenario is built for (which packages, which upgrade target).
   */
  readonly steps: (state: ClusterState, track: ReleaseTrack) => readonly Command[];
}
