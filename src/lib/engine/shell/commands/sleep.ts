/**
 * `sleep NUMBER[SUFFIX]...` (GNU coreutils): moves the simulated clock instead of waiting, so a
 * script that sleeps between checks sees time pass (certificates age, controllers reconcile) and
 * replays stay byte-identical. Wording from coreutils' sleep.c.
 */
import type { CommandModule } from '../types.ts';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const TRY = "Try 'sleep --help' for more information.";

export const sleep: CommandModule = {
  name: 'sleep',
  summary: 'delay for a specified amount of time (moves the simulated clock)',
  run(inv) {
    if (inv.args.length === 0) {
      inv.io.err('sleep: missing operand');
      inv.io.err(TRY);
      return 1;
    }
    let ms = 0;
    for (const arg of inv.args) {
      if (/^-[^0-9.]/.test(arg) || /^-[0-9]/.test(arg)) {
        inv.io.err(`sleep: invalid option -- '${arg.slice(1, 2)}'`);
        inv.io.err(TRY);
        return 1;
      }
      const m = /^([0-9]*\.?[0-9]+|[0-9]+\.)([smhd]?)$/.exec(arg);
      if (!m) {
        inv.io.err(`sleep: invalid time interval ‘${arg}’`);
        inv.io.err(TRY);
        return 1;
      }
      ms += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1000);
    }
    const whole = Math.round(ms);
    if (whole > 0) {
      const t = inv.apply({ type: 'clock.advance', ms: whole });
      // A real sleep this long never ends; the simulated clock says why it cannot go there.
      if (!t.ok) {
        inv.io.err(`kubelife: sleep ${inv.args.join(' ')}: ${t.error.message}`);
        return 1;
      }
    }
    return 0;
  },
};
