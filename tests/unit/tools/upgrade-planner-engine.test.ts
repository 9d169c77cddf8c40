/**
 * The upgrade planner's commands, pasted into the terminal on the matching scenario, must succeed:
 * for every release track and every cluster version a scenario starts from, each target the
 * planner accepts is planned, its commands run through the engine (ssh to the machine each one is
 * for), and every node ends at the target version.
 */
import { describe, expect, it } from 'vitest';

import { createSession, releaseTrack, releaseTrackMinors, type Session } from 'kubelife';

import { plannerVersions, planUpgrade } from '../../../src/lib/tools/upgrade-planner.ts';

/** Scenarios whose whole cluster (cp-1, worker-1, worker-2) runs one version, by that version. */
function startingPoints(): Array<{ release: string; scenario: string; version: string }> {
  return releaseTrackMinors().flatMap((release) => {
    const track = releaseTrack(release);
    return [
      { release, scenario: 'cluster-previous-minor', version: track.prevVersion },
      { release, scenario: 'cluster-patch-behind', version: track.patchBehind },
      { release, scenario: 'upgrade-workers-upgraded', version: track.version },
    ];
  });
}

/** Runs a plan's actions as a reader would paste them, logged in where each one is meant to run. */
async function runPlan(
  session: Session,
  actions: ReadonlyArray<{ on: string; command: string }>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const action of actions) {
    if (session.machine !== action.on) {
      if (session.machine !== 'cp-1') await session.run('exit');
      if (action.on !== 'cp-1') await session.run(`ssh ${action.on}`);
    }
    const result = await session.run(action.command);
    if (result.exitCode !== 0)
      failures.push(`${action.on}$ ${action.command}\n${result.output.slice(-400)}`);
  }
  if (session.machine !== 'cp-1') await session.run('exit');
  return failures;
}

const targets = plannerVersions().flatMap((group) => group.versions);

describe.each(startingPoints())(
  'planner on $scenario ($version, track $release)',
  ({ release, scenario, version }) => {
    const accepted = targets.filter((to) => {
      const result = planUpgrade(version, to);
      return result.plan.ok && result.plan.hops.every((hop) => hop.refused.length === 0);
    });

    it('accepts at least the same version and one other target', () => {
      expect(accepted).toContain(version);
      expect(accepted.length).toBeGreaterThan(1);
    });

    it.each(accepted.filter((to) => to !== version))(
      'its commands to %s succeed and leave every node at that version',
      async (to) => {
        const result = planUpgrade(version, to);
        const session = createSession({ scenario, release });
        const actions = result.plan.ok ? result.plan.hops.flatMap((hop) => hop.step.actions) : [];

        const failures = await runPlan(session, actions);
        const nodes = await session.run('kubectl get nodes');

        expect(failures).toEqual([]);
        const versions = nodes.stdout
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(/\s+/).at(-1));
        expect(versions).toEqual(['cp-1', 'worker-1', 'worker-2'].map(() => to));
      },
      60_000,
    );
  },
);
