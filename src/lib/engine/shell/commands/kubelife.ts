/**
 * `kubelife`: engine controls inside the simulated shell — clock, scenarios, reset.
 */
import {
  formatRfc3339,
  isEngineError,
  listScenarios,
  parseDuration,
  releaseTrack,
  releaseTrackMinors,
} from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { FAULT_USAGE, runFault } from './kubelife-fault.ts';
import { MACHINE_USAGE, runMachine } from './kubelife-machine.ts';
import { EVICT_USAGE, runEvict } from './kubelife-evict.ts';

const USAGE = `Usage:
  kubelife clock                 print the simulated date
  kubelife clock advance DUR     move the simulated clock forward (e.g. 90s, 2h, 400d, 1y)
  kubelife scenarios             list the named scenarios
  kubelife scenario NAME         replace the world with a scenario
  kubelife reset                 go back to the scenario this session started from
  kubelife release               print the release track (Kubernetes minor) scenarios are built for
  kubelife release MINOR         rebuild this session's scenario for another track (e.g. v1.36)
${MACHINE_USAGE}
${FAULT_USAGE}
${EVICT_USAGE}`;

export const kubelife: CommandModule = {
  name: 'kubelife',
  summary:
    'simulator controls (clock, scenario, scenarios, release, reset, machine add, fault, evict)',
  completion: {
    subcommands: {
      clock: { subcommands: { advance: { args: 'none' } } },
      evict: { args: 'none' },
      fault: { args: 'none' },
      machine: { subcommands: { add: { args: 'none' } } },
      release: { words: releaseTrackMinors() },
      reset: { args: 'none' },
      scenario: { words: listScenarios().map((s) => s.name) },
      scenarios: { args: 'none' },
    },
  },
  run(inv) {
    const [sub, ...rest] = inv.args;
    if (sub === 'clock') {
      if (rest[0] === 'advance') {
        const raw = rest[1];
        if (raw === undefined) {
          inv.io.err('kubelife: clock advance needs a duration, e.g. 400d');
          return 2;
        }
        try {
          const t = inv.apply({ type: 'clock.advance', ms: parseDuration(raw) });
          if (!t.ok) {
            inv.io.err(`kubelife: clock advance ${raw}: ${t.error.message}`);
            return 1;
          }
        } catch (error) {
          inv.io.err(`kubelife: ${isEngineError(error) ? error.message : String(error)}`);
          return 2;
        }
      }
      inv.io.out(formatRfc3339(inv.ctx.state.now));
      return 0;
    }
    if (sub === 'scenarios') {
      const list = listScenarios(inv.ctx.release);
      const width = Math.max(...list.map((s) => s.name.length)) + 2;
      for (const s of list) inv.io.out(`${s.name.padEnd(width)}${s.title}`);
      return 0;
    }
    if (sub === 'scenario') {
      const name = rest[0];
      if (name === undefined) {
        inv.io.out(inv.ctx.scenario);
        return 0;
      }
      if (!listScenarios(inv.ctx.release).some((s) => s.name === name)) {
        inv.io.err(`kubelife: unknown scenario "${name}"; run 'kubelife scenarios' to list them`);
        return 2;
      }
      inv.ctx.reset(name);
      return 0;
    }
    if (sub === 'release') {
      const wanted = rest[0];
      if (wanted === undefined) {
        inv.io.out(`${inv.ctx.release} (tracks: ${releaseTrackMinors().join(', ')})`);
        return 0;
      }
      try {
        inv.ctx.reset(inv.ctx.scenario, releaseTrack(wanted).minor);
      } catch (error) {
        inv.io.err(`kubelife: ${isEngineError(error) ? error.message : String(error)}`);
        return 2;
      }
      return 0;
    }
    if (sub === 'fault') return runFault(inv, rest);
    if (sub === 'evict') return runEvict(inv, rest);
    if (sub === 'machine') return runMachine(inv, rest);
    if (sub === 'reset') {
      inv.ctx.reset(inv.ctx.scenario);
      return 0;
    }
    if (sub === undefined || sub === 'help' || sub === '--help') {
      inv.io.out(USAGE);
      return 0;
    }
    inv.io.err(`kubelife: unknown command "${sub}"\n${USAGE}`);
    return 2;
  },
};
