/**
 * Scenarios of the conformance guide (src/content/guides/conformance/): a quick Sonobuoy run on
 * the three-node cluster, retrieved and cleaned up, built with the same typed commands the shell
 * applies for `sonobuoy run --wait`, `retrieve` and `delete`.
 */
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { apply } from '../commands/apply.ts';
import { sonobuoyRemainingMs, sonobuoyTarball } from '../conformance/sonobuoy.ts';

function step(state: ClusterState, command: Command): ClusterState {
  const t = apply(state, command);
  return t.ok ? t.state : state;
}

/** run --mode=quick --wait, retrieve (tarball in /root), delete. */
function quickRun(base: ClusterState): Command[] {
  const run: Command = { type: 'sonobuoy.run', mode: 'quick' };
  const started = step(base, run);
  const wait: Command = { type: 'clock.advance', ms: sonobuoyRemainingMs(started) ?? 0 };
  const done = step(started, wait);
  const tarball = sonobuoyTarball(done);
  return [
    run,
    wait,
    ...(tarball
      ? [
          {
            type: 'file.write',
            machine: 'cp-1',
            path: `/root/${tarball.name}`,
            content: tarball.content,
          } as const,
        ]
      : []),
    { type: 'sonobuoy.delete' },
  ];
}

/** The conformance scenarios, in guide order. */
export const conformanceScenarios: readonly Scenario[] = [
  {
    name: 'conformance-quick-run',
    title: 'Quick Sonobuoy run done',
    description:
      'workers-joined after `sonobuoy run --mode=quick --wait`, `sonobuoy retrieve` (the results tarball is in /root on cp-1) and `sonobuoy delete --wait`.',
    base: 'workers-joined',
    steps: quickRun,
  },
];
