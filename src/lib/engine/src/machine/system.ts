/**
 * Machine preparation: swap, sysctl, systemd units and simple file operations.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import { getMachine, updateMachine } from '../state/create.ts';
import { kubeletCanRun, startKubelet } from './kubelet.ts';
import { reportKubeletVersion } from './kubelet-version.ts';
import { RUNTIME_SYNC_THRESHOLD_MS } from './container-runtime.ts';
import { setKeyed } from '../model/keyed-map.ts';

/** `swapoff -a`. The kubelet may start once swap is off (if it has a config). */
export function applySwapOff(state: ClusterState, machine: string): Transition {
  return ok(updateMachine(state, machine, (m) => ({ ...m, swapOn: false })));
}

/** `sysctl -w key=value`: ip_forward drives kubeadm's preflight; other keys are remembered for reads. */
export function applySysctl(
  state: ClusterState,
  machine: string,
  key: string,
  value: string,
): Transition {
  const next = updateMachine(state, machine, (m) => {
    if (key !== 'net.ipv4.ip_forward') return { ...m, sysctls: { ...m.sysctls, [key]: value } };
    const v = value.trim() === '1' ? 1 : 0;
    return { ...m, ipForward: v, files: { ...m.files, '/proc/sys/net/ipv4/ip_forward': `${v}\n` } };
  });
  return ok(next);
}

/** Known systemd units on the simulated machines. */
export function unitExists(m: Machine, unit: string): boolean {
  const name = unit.replace(/\.service$/, '');
  return name === 'containerd' || (name === 'kubelet' && m.packages.kubelet !== undefined);
}

/** `systemctl start|stop|restart|enable|disable|daemon-reload UNIT`. */
export function applyService(
  state: ClusterState,
  machine: string,
  unitArg: string,
  action: 'start' | 'stop' | 'restart' | 'enable' | 'disable' | 'daemon-reload',
  now: boolean,
): Transition {
  const m = getMachine(state, machine);
  if (action === 'daemon-reload') return ok(state);
  const unit = unitArg.replace(/\.service$/, '');
  if (!unitExists(m, unit)) {
    const verb = action === 'enable' || action === 'disable' ? `${action} unit` : `${action}`;
    return fail(
      new EngineError('UsageError', {
        message:
          action === 'enable' || action === 'disable'
            ? `Failed to ${verb}: Unit file ${unit}.service does not exist.`
            : `Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.`,
      }),
    );
  }
  const t = state.now;
  if (unit === 'containerd') {
    const running =
      action === 'stop'
        ? false
        : action === 'start' || action === 'restart'
          ? true
          : m.containerd.running;
    // The kubelet's runtime checks count from the moment containerd went away or came back
    // (machine/container-runtime.ts); a restart of a running containerd changes nothing they see.
    if (running === m.containerd.running) return ok(state);
    // Back after the kubelet had reported it down: its Ready condition goes True again now.
    const wasDown = running && t - (m.containerd.since ?? 0) >= RUNTIME_SYNC_THRESHOLD_MS;
    const changed: Machine = {
      ...m,
      containerd: { ...m.containerd, running, since: t, ...(wasDown ? { recoveredAt: t } : {}) },
    };
    // A kubelet that crash-looped for want of the CRI socket comes up at systemd's next restart.
    const restarted =
      running && m.kubelet.enabled && m.kubelet.active === 'activating' && kubeletCanRun(changed)
        ? startKubelet(changed, t)
        : changed;
    return ok({ ...state, machines: setKeyed(state.machines, machine, restarted) });
  }
  const events = [];
  let next: Machine = m;
  if (action === 'enable') {
    if (!m.kubelet.enabled) {
      events.push(
        text(
          'Created symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /usr/lib/systemd/system/kubelet.service.',
          'stderr',
        ),
      );
    }
    next = { ...next, kubelet: { ...next.kubelet, enabled: true } };
    if (now && next.kubelet.active === 'inactive') next = startKubelet(next, t);
  } else if (action === 'disable') {
    if (m.kubelet.enabled)
      events.push(
        text('Removed "/etc/systemd/system/multi-user.target.wants/kubelet.service".', 'stderr'),
      );
    next = { ...next, kubelet: { ...next.kubelet, enabled: false } };
    if (now) next = { ...next, kubelet: { ...next.kubelet, active: 'inactive', since: t } };
  } else if (action === 'stop') {
    next = { ...next, kubelet: { ...next.kubelet, active: 'inactive', since: t } };
  } else if (action === 'start') {
    if (
      next.kubelet.active === 'inactive' ||
      (next.kubelet.active === 'activating' && kubeletCanRun(next))
    )
      next = startKubelet(next, t);
  } else {
    next = startKubelet(next, t);
  }
  const restarted = { ...state, machines: setKeyed(state.machines, machine, next) };
  // A (re)started kubelet reports its binary's version in Node.status.nodeInfo (kubectl VERSION).
  return ok(
    action === 'start' || action === 'restart'
      ? reportKubeletVersion(restarted, machine)
      : restarted,
    events,
  );
}

/** Normalises an absolute path: collapses `//`, `.` and `..`, drops a trailing slash. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Parent directory of an absolute path. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** True when `path` is a directory on the machine (explicit, or implied by a file below it). */
export function isDirectory(m: Machine, path: string): boolean {
  const p = normalizePath(path);
  if (p === '/') return true;
  if (m.dirs.includes(p)) return true;
  const prefix = `${p}/`;
  return (
    Object.keys(m.files).some((f) => f.startsWith(prefix)) ||
    m.dirs.some((d) => d.startsWith(prefix))
  );
}

/** `mkdir [-p] PATH`. */
export function applyMkdir(
  state: ClusterState,
  machine: string,
  path: string,
  parents: boolean,
): Transition {
  const m = getMachine(state, machine);
  const p = normalizePath(path);
  if (isDirectory(m, p)) {
    if (parents) return ok(state);
    return fail(
      new EngineError('UsageError', {
        message: `mkdir: cannot create directory '${path}': File exists`,
      }),
    );
  }
  if (m.files[p] !== undefined) {
    return fail(
      new EngineError('UsageError', {
        message: `mkdir: cannot create directory '${path}': File exists`,
      }),
    );
  }
  if (!parents && !isDirectory(m, dirname(p))) {
    return fail(
      new EngineError('UsageError', {
        message: `mkdir: cannot create directory '${path}': No such file or directory`,
      }),
    );
  }
  return ok(updateMachine(state, machine, (x) => ({ ...x, dirs: [...x.dirs, p] })));
}

/** Writes a file (used by `echo … > file` style commands and scenarios). */
export function applyWriteFile(
  state: ClusterState,
  machine: string,
  path: string,
  content: string,
): Transition {
  const p = normalizePath(path);
  const m = getMachine(state, machine);
  // The root is a directory: no file can be stored under the key "/".
  if (p === '/' || !isDirectory(m, dirname(p))) {
    return fail(new EngineError('NoSuchFile', { tool: 'bash', prefix: '', path }));
  }
  return ok(updateMachine(state, machine, (x) => ({ ...x, files: { ...x.files, [p]: content } })));
}

/** `cp FROM TO` (TO may be a directory). Copies certificate metadata along with .crt files. */
export function applyCopy(
  state: ClusterState,
  machine: string,
  from: string,
  to: string,
  toMachine: string = machine,
): Transition {
  const m = getMachine(state, machine);
  const tm = getMachine(state, toMachine);
  const src = normalizePath(from);
  const content = m.files[src];
  if (content === undefined) {
    if (isDirectory(m, src)) {
      return fail(
        new EngineError('UsageError', {
          message: `cp: -r not specified; omitting directory '${from}'`,
        }),
      );
    }
    return fail(
      new EngineError('NoSuchFile', { tool: 'cp', prefix: 'cannot stat ', path: `'${from}'` }),
    );
  }
  let dst = normalizePath(to);
  if (isDirectory(tm, dst))
    dst = `${dst === '/' ? '' : dst}/${src.slice(src.lastIndexOf('/') + 1)}`;
  if (!isDirectory(tm, dirname(dst))) {
    return fail(
      new EngineError('UsageError', {
        message: `cp: cannot create regular file '${to}': No such file or directory`,
      }),
    );
  }
  const cert = m.certs[src];
  return ok(
    updateMachine(state, toMachine, (x) => ({
      ...x,
      // A copied certificate/kubeconfig keeps the metadata it had at copy time (a later renewal
      // of the source must not change the copy), so its `@pki:` references follow it — also to
      // another machine (scp).
      files: { ...x.files, [dst]: cert ? content.split(`:${src}`).join(`:${dst}`) : content },
      certs: cert ? { ...x.certs, [dst]: cert } : x.certs,
    })),
  );
}

/** `rm [-r] PATH`. */
export function applyRemove(
  state: ClusterState,
  machine: string,
  path: string,
  recursive: boolean,
): Transition {
  const m = getMachine(state, machine);
  const p = normalizePath(path);
  if (m.files[p] !== undefined) {
    const { [p]: _gone, ...files } = m.files;
    const { [p]: _cert, ...certs } = m.certs;
    // Removing a file never removes its directory: one that only its files implied becomes
    // explicit (mv of the last manifest out of /etc/kubernetes/manifests keeps the folder).
    const parent = dirname(p);
    const dirs =
      parent !== '/' && !isDirectory({ ...m, files }, parent) ? [...m.dirs, parent] : m.dirs;
    return ok(updateMachine(state, machine, (x) => ({ ...x, files, certs, dirs })));
  }
  if (isDirectory(m, p)) {
    if (!recursive)
      return fail(
        new EngineError('UsageError', { message: `rm: cannot remove '${path}': Is a directory` }),
      );
    const prefix = `${p}/`;
    const files = Object.fromEntries(
      Object.entries(m.files).filter(([f]) => !f.startsWith(prefix)),
    );
    const certs = Object.fromEntries(
      Object.entries(m.certs).filter(([f]) => !f.startsWith(prefix)),
    );
    const dirs = m.dirs.filter((d) => d !== p && !d.startsWith(prefix));
    return ok(updateMachine(state, machine, (x) => ({ ...x, files, certs, dirs })));
  }
  return fail(
    new EngineError('NoSuchFile', { tool: 'rm', prefix: 'cannot remove ', path: `'${path}'` }),
  );
}
