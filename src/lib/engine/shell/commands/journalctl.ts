/**
 * `journalctl -u kubelet` (and `-xeu kubelet`, `-n N`, `--no-pager`) on systemd 255 (Ubuntu
 * 24.04), rebuilt from what the kubelet did: the state keeps when the kubelet last changed state
 * (`kubelet.since`) and whether it runs, crash-loops or is stopped. A crash-looping kubelet exits
 * and systemd restarts it every RestartSec=10 (kubelet.service of the deb package); its error is
 * the one the kubelet really prints for the missing piece (cmd/kubelet/app/server.go:
 * "failed to load kubelet config file, path: %s, error: %w"; loadConfigFile's "failed to load
 * Kubelet config file %s, error %v"; pkg/kubelet/kubeletconfig/configfiles: "failed to read kubelet
 * config file %q, error: %v"). `-x` adds systemd's catalog texts (systemd.catalog).
 */
import type { Machine } from '../../src/index.ts';
import type { CommandModule } from '../types.ts';
import { findMachine } from '../../src/index.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNIT = 'kubelet.service';
const DESCRIPTION = 'kubelet: The Kubernetes Node Agent';
/** Crash-loop cycles shown at most (the real journal keeps them all; a year of them is noise). */
const MAX_CYCLES = 30;

const p2 = (n: number): string => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** klog's header: `E1125 09:00:10.000000    PID file:line]`. */
function klog(level: string, ms: number, pid: number, where: string): string {
  const d = new Date(ms);
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}    ${pid} ${where}]`;
}

/** Why the kubelet exits right after starting on `m` (the error it logs). */
export function kubeletFailure(m: Machine): string {
  const config = '/var/lib/kubelet/config.yaml';
  if (m.files[config] === undefined) {
    return `failed to load kubelet config file, path: ${config}, error: failed to load Kubelet config file ${config}, error failed to read kubelet config file \\"${config}\\", error: open ${config}: no such file or directory`;
  }
  if (m.swapOn) {
    return 'failed to run Kubelet: running with swap on is not supported, please disable swap or set --fail-swap-on flag to false';
  }
  return 'failed to run Kubelet: unable to load bootstrap kubeconfig: stat /etc/kubernetes/bootstrap-kubelet.conf: no such file or directory';
}

interface Entry {
  readonly at: number;
  readonly who: string;
  readonly text: string;
  readonly catalog?: readonly string[];
}

const SUPPORT = ['Defined-By: systemd', 'Support: http://www.ubuntu.com/support'];

function started(at: number, job: number): Entry {
  return {
    at,
    who: 'systemd[1]',
    text: `Started ${UNIT} - ${DESCRIPTION}.`,
    catalog: [
      `Subject: A start job for unit ${UNIT} has finished successfully`,
      ...SUPPORT,
      '',
      `A start job for unit ${UNIT} has finished successfully.`,
      '',
      `The job identifier is ${job}.`,
    ],
  };
}

function crashCycle(m: Machine, at: number, pid: number, restart: number): Entry[] {
  const out: Entry[] = [];
  if (restart > 0) {
    out.push({
      at,
      who: 'systemd[1]',
      text: `${UNIT}: Scheduled restart job, restart counter is at ${restart}.`,
      catalog: [
        'Subject: Automatic restarting of a unit has been scheduled',
        ...SUPPORT,
        '',
        `Automatic restarting of the unit ${UNIT} has been scheduled, as the result for`,
        'the configured Restart= setting for the unit.',
      ],
    });
  }
  out.push(started(at, 1000 + restart * 3));
  out.push({
    at: at + 60,
    who: `kubelet[${pid}]`,
    text: `${klog('E', at + 60, pid, 'run.go:72')} "command failed" err="${kubeletFailure(m)}"`,
  });
  out.push({
    at: at + 61,
    who: 'systemd[1]',
    text: `${UNIT}: Main process exited, code=exited, status=1/FAILURE`,
    catalog: [
      'Subject: Unit process exited',
      ...SUPPORT,
      '',
      `An ExecStart= process belonging to unit ${UNIT} has exited.`,
      '',
      "The process' exit code is 'exited' and its exit status is 1.",
    ],
  });
  out.push({
    at: at + 61,
    who: 'systemd[1]',
    text: `${UNIT}: Failed with result 'exit-code'.`,
    catalog: [
      'Subject: Unit failed',
      ...SUPPORT,
      '',
      `The unit ${UNIT} has entered the 'failed' state with result 'exit-code'.`,
    ],
  });
  return out;
}

/** The kubelet's journal on `m` up to `now`, oldest first. */
export function kubeletJournal(m: Machine, now: number): Entry[] {
  const k = m.kubelet;
  if (!m.packages.kubelet) return [];
  if (k.active === 'activating') {
    const cycles = Math.floor((now - k.since) / 10_000) + 1;
    const first = Math.max(0, cycles - MAX_CYCLES);
    const out: Entry[] = [];
    for (let i = first; i < cycles; i++) {
      out.push(...crashCycle(m, k.since + i * 10_000, 2600 + i * 7, i));
    }
    return out.filter((e) => e.at <= now);
  }
  if (k.active === 'active') {
    return [
      started(k.since, 2718),
      {
        at: k.since + 120,
        who: 'kubelet[2718]',
        text: `${klog('I', k.since + 120, 2718, 'server.go:530')} "Kubelet version" kubeletVersion="v${m.packages.kubelet.version.replace(/-.*$/, '')}"`,
      },
    ];
  }
  return [];
}

/** `journalctl [-x] [-e] [-u UNIT] [-n N] [--no-pager]`. */
export const journalctl: CommandModule = {
  name: 'journalctl',
  summary: "show the kubelet's log (journalctl -u kubelet, journalctl -xeu kubelet)",
  run: (inv) => {
    const m = findMachine(inv.ctx.state, inv.machine);
    if (!m) return 1;
    let unit: string | undefined;
    let explain = false;
    let lines: number | undefined;
    for (let i = 0; i < inv.args.length; i++) {
      const a = inv.args[i] ?? '';
      if (a === '-u' || a === '--unit') unit = inv.args[++i];
      else if (a.startsWith('--unit=')) unit = a.slice(7);
      else if (a === '-n' || a === '--lines') lines = Number(inv.args[++i]);
      else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
      else if (/^-[a-zA-Z]+$/.test(a)) {
        const flags = a.slice(1);
        if (flags.includes('x')) explain = true;
        // -e alone shows the last 1000 lines; -f would follow (not simulated: prints what exists).
        if (flags.includes('e') && lines === undefined) lines = 1000;
        if (flags.endsWith('u')) unit = inv.args[++i];
      }
    }
    const name = unit?.replace(/\.service$/, '');
    const entries = name === 'kubelet' ? kubeletJournal(m, inv.ctx.state.now) : [];
    const shown =
      lines === undefined ? entries : entries.slice(Math.max(0, entries.length - lines));
    if (shown.length === 0) {
      inv.io.out('-- No entries --');
      return 0;
    }
    for (const e of shown) {
      inv.io.out(`${stamp(e.at)} ${m.name} ${e.who}: ${e.text}`);
      if (explain && e.catalog) for (const c of e.catalog) inv.io.out(c === '' ? '░░ ' : `░░ ${c}`);
    }
    return 0;
  },
};
