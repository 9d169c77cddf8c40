/**
 * Machine preparation commands: apt-get/apt, apt-mark, swapoff/swapon, systemctl, and
 * the kubelet binary's --version.
 */
import type { Machine } from '../../src/index.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

function machineOf(inv: Invocation): Machine | undefined {
  return findMachine(inv.ctx.state, inv.machine);
}

function aptModule(name: 'apt-get' | 'apt'): CommandModule {
  return {
    name,
    summary:
      name === 'apt-get'
        ? 'APT package handling utility (update, install)'
        : 'high-level package manager (update, install)',
    run: (inv) => {
      const args = inv.args.filter((a) => !a.startsWith('-'));
      const allowHeld = inv.args.includes('--allow-change-held-packages');
      const [sub, ...pkgs] = args;
      if (sub === 'update') {
        const t = inv.apply({ type: 'apt.update', machine: inv.machine });
        if (!t.ok) inv.io.err(t.error.message);
        return t.ok ? 0 : 100;
      }
      if (sub === 'install') {
        if (pkgs.length === 0) {
          inv.io.out(
            'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.',
          );
          return 0;
        }
        const packages = pkgs.map((p) => {
          const eq = p.indexOf('=');
          return eq < 0 ? { name: p } : { name: p.slice(0, eq), version: p.slice(eq + 1) };
        });
        const t = inv.apply({
          type: 'apt.install',
          machine: inv.machine,
          packages,
          allowChangeHeld: allowHeld,
          allowDowngrades: inv.args.includes('--allow-downgrades'),
        });
        if (!t.ok) {
          inv.io.err(t.error.message);
          return t.error.exitCode;
        }
        return 0;
      }
      if (sub === undefined) {
        inv.io.out(
          name === 'apt'
            ? 'apt 2.8.3 (amd64)\nUsage: apt [options] command'
            : 'apt 2.8.3 (amd64)\nUsage: apt-get [options] command',
        );
        return 1;
      }
      inv.io.err(`E: Invalid operation ${sub}`);
      return 100;
    },
  };
}

export const aptGet = aptModule('apt-get');
export const apt = aptModule('apt');

export const aptMark: CommandModule = {
  name: 'apt-mark',
  summary: 'mark packages as held back (hold, unhold, showhold)',
  run: (inv) => {
    const [sub, ...pkgs] = inv.args.filter((a) => !a.startsWith('-'));
    if (sub === 'showhold') {
      const m = machineOf(inv);
      for (const [n, p] of Object.entries(m?.packages ?? {}).sort()) if (p.held) inv.io.out(n);
      return 0;
    }
    if (sub !== 'hold' && sub !== 'unhold') {
      inv.io.err(sub === undefined ? 'E: No packages found' : `E: Invalid operation ${sub}`);
      return 100;
    }
    inv.apply({ type: 'apt.mark', machine: inv.machine, packages: pkgs, hold: sub === 'hold' });
    return 0;
  },
};

export const swapoff: CommandModule = {
  name: 'swapoff',
  summary: 'disable swap (swapoff -a)',
  run: (inv) => {
    inv.apply({ type: 'swap.off', machine: inv.machine });
    return 0;
  },
};

export const swapon: CommandModule = {
  name: 'swapon',
  summary: 'show swap areas (swapon --show)',
  run: (inv) => {
    const m = machineOf(inv);
    if (m?.swapOn && inv.args.includes('--show')) {
      inv.io.out('NAME      TYPE SIZE USED PRIO\n/swap.img file   4G   0B   -2');
    }
    return 0;
  },
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function systemdTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()] ?? ''} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

function systemdAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min}min ${s % 60}s ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}h ${min % 60}min ago`;
  const d = Math.floor(h / 24);
  return `${d} day${d === 1 ? '' : 's'} ${h % 24}h ago`;
}

function kubeletStatus(m: Machine, now: number): { text: string; code: number } {
  const k = m.kubelet;
  const enabled = k.enabled ? 'enabled' : 'disabled';
  const lines = [
    `● kubelet.service - kubelet: The Kubernetes Node Agent`,
    `     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; ${enabled}; preset: enabled)`,
  ];
  if (m.files['/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf'] !== undefined) {
    lines.push(
      '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf',
    );
  }
  // A crash-looping kubelet restarts every 10s; show the time since the last restart.
  const since = k.active === 'activating' ? now - ((now - k.since) % 10_000) : k.since;
  const when = `since ${systemdTime(since)}; ${systemdAgo(now - since)}`;
  const exec =
    '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS';
  if (k.active === 'active') {
    lines.push(
      `     Active: active (running) ${when}`,
      '       Docs: https://kubernetes.io/docs/',
      '   Main PID: 2718 (kubelet)',
      '      Tasks: 11 (limit: 4558)',
      '     Memory: 33.2M (peak: 34.0M)',
      '        CPU: 1.012s',
      '     CGroup: /system.slice/kubelet.service',
      `             └─2718 /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock`,
    );
    return { text: lines.join('\n'), code: 0 };
  }
  if (k.active === 'activating') {
    lines.push(
      `     Active: activating (auto-restart) (Result: exit-code) ${when}`,
      '       Docs: https://kubernetes.io/docs/',
      `    Process: 2718 ExecStart=${exec} (code=exited, status=1/FAILURE)`,
      '   Main PID: 2718 (code=exited, status=1/FAILURE)',
      '        CPU: 61ms',
    );
    return { text: lines.join('\n'), code: 3 };
  }
  lines.push('     Active: inactive (dead)', '       Docs: https://kubernetes.io/docs/');
  return { text: lines.join('\n'), code: 3 };
}

/** The systemd units the simulated machines have. */
const UNITS = ['containerd', 'kubelet'];

export const systemctl: CommandModule = {
  name: 'systemctl',
  summary: 'control systemd services (status, start, stop, restart, enable, disable)',
  completion: {
    subcommands: Object.fromEntries(
      [
        'daemon-reload',
        'disable',
        'enable',
        'is-active',
        'is-enabled',
        'restart',
        'start',
        'status',
        'stop',
      ].map((action) => [action, action === 'daemon-reload' ? { args: 'none' } : { words: UNITS }]),
    ),
  },
  run: (inv) => {
    const now = inv.args.includes('--now');
    const [action, ...units] = inv.args.filter((a) => !a.startsWith('-'));
    const m = machineOf(inv);
    if (!m) return 1;
    if (action === 'daemon-reload') return 0;
    if (action === 'status' || action === 'is-active' || action === 'is-enabled') {
      let code = 0;
      for (const raw of units) {
        const unit = raw.replace(/\.service$/, '');
        if (unit === 'kubelet' && m.packages.kubelet) {
          const s = kubeletStatus(m, inv.ctx.state.now);
          if (action === 'status') inv.io.out(s.text);
          else if (action === 'is-active') inv.io.out(m.kubelet.active);
          else inv.io.out(m.kubelet.enabled ? 'enabled' : 'disabled');
          code = action === 'is-enabled' ? (m.kubelet.enabled ? 0 : 1) : s.code;
        } else if (unit === 'containerd') {
          if (action === 'status') {
            inv.io.out(
              [
                '● containerd.service - containerd container runtime',
                '     Loaded: loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)',
                m.containerd.running
                  ? `     Active: active (running) since ${systemdTime(inv.ctx.state.now - 3_600_000)}; ${systemdAgo(3_600_000)}`
                  : '     Active: inactive (dead)',
                '       Docs: https://containerd.io',
              ].join('\n'),
            );
          } else if (action === 'is-active')
            inv.io.out(m.containerd.running ? 'active' : 'inactive');
          else inv.io.out('enabled');
          code = m.containerd.running || action === 'is-enabled' ? 0 : 3;
        } else {
          if (action === 'status') inv.io.err(`Unit ${unit}.service could not be found.`);
          else inv.io.out(action === 'is-active' ? 'inactive' : 'not-found');
          code = action === 'status' ? 4 : 1;
        }
      }
      return code;
    }
    if (
      action === 'start' ||
      action === 'stop' ||
      action === 'restart' ||
      action === 'enable' ||
      action === 'disable'
    ) {
      for (const unit of units) {
        const t = inv.apply({ type: 'service', machine: inv.machine, unit, action, now });
        if (!t.ok) {
          inv.io.err(t.error.message);
          return action === 'enable' || action === 'disable' ? 1 : 5;
        }
      }
      return 0;
    }
    inv.io.err(action === undefined ? 'Too few arguments.' : `Unknown command verb '${action}'.`);
    return 1;
  },
};

export const kubelet: CommandModule = {
  name: 'kubelet',
  summary: 'the Kubernetes node agent (kubelet --version)',
  requiresPackage: 'kubelet',
  run: (inv) => {
    const m = machineOf(inv);
    if (inv.args.includes('--version')) {
      inv.io.out(`Kubernetes v${m?.packages.kubelet?.version ?? ''}`);
      return 0;
    }
    inv.io.err(
      'E1125 09:00:00.000000    4242 run.go:72] "command failed" err="failed to run Kubelet: the kubelet is managed by systemd here; use systemctl"',
    );
    return 1;
  },
};
