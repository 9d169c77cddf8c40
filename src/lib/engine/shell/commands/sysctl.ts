/**
 * `sysctl` as procps-ng 4.0.4 (Ubuntu 24.04) runs it: reading keys, `-w key=value`, `-n`,
 * `-p [FILE]` and `--system`, which lists every `*.conf` of the sysctl.d directories sorted by
 * file name (the first directory holding a name wins), then /etc/sysctl.conf, and only then
 * prints the settings it wrote (procps sysctl.c: PreloadSystem + write_setting_list). Keys whose
 * /proc/sys file is absent (bridge keys before `modprobe br_netfilter`) are skipped silently by
 * `--system` (it sets IgnoreError) and reported by a plain read.
 */
import type { Machine } from '../../src/index.ts';
import { BOOT_SYSCTLS, SYSCTL_DIRS } from '../../src/machine/os-files.ts';
import { loadedModules } from '../../src/machine/kernel-modules.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { findMachine } from '../../src/index.ts';

/** Kernel defaults of keys the pages read (Linux 6.8), besides what the shipped files set. */
const DEFAULTS: Readonly<Record<string, string>> = {
  'net.ipv4.ip_forward': '0',
  'vm.swappiness': '60',
  'net.ipv6.conf.all.forwarding': '0',
  'kernel.printk': '4\t4\t1\t7',
  'kernel.pid_max': '4194304',
};

/** Keys that exist once br_netfilter is loaded (their kernel default is 1). */
const BRIDGE_KEYS = [
  'net.bridge.bridge-nf-call-iptables',
  'net.bridge.bridge-nf-call-ip6tables',
  'net.bridge.bridge-nf-call-arptables',
];

/** The value of `key` on `m`, or undefined when /proc/sys has no such file. */
export function readSysctl(m: Machine, key: string): string | undefined {
  if (key === 'net.ipv4.ip_forward') return String(m.ipForward);
  if (!keyExists(m, key)) return undefined;
  return (
    m.sysctls?.[key] ??
    DEFAULTS[key] ??
    BOOT_SYSCTLS[key] ??
    (BRIDGE_KEYS.includes(key) ? '1' : undefined)
  );
}

/**
 * True when /proc/sys has the key. The kernel has thousands; the simulator knows the values of a
 * few and treats any other key as present, except the bridge keys, which appear only once
 * br_netfilter is loaded.
 */
function keyExists(m: Machine, key: string): boolean {
  return !BRIDGE_KEYS.includes(key) || loadedModules(m).includes('br_netfilter');
}

/** `key = value` settings of one sysctl.conf file, in order (comments and blanks skipped). */
function parseConf(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length < 2 || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.push([line.slice(0, eq).trim().replace(/^-/, ''), line.slice(eq + 1).trim()]);
  }
  return out;
}

/** The files `sysctl --system` reads, in its order. */
export function systemConfFiles(m: Machine): string[] {
  const byName = new Map<string, string>();
  for (const dir of SYSCTL_DIRS) {
    for (const path of Object.keys(m.files).sort()) {
      if (!path.startsWith(`${dir}/`)) continue;
      const name = path.slice(dir.length + 1);
      if (name.includes('/') || !name.endsWith('.conf') || byName.has(name)) continue;
      byName.set(name, path);
    }
  }
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = names.map((n) => byName.get(n) ?? '');
  if (m.files['/etc/sysctl.conf'] !== undefined) files.push('/etc/sysctl.conf');
  return files;
}

/** Writes one key (printing `key = value` unless quiet); false when /proc/sys has no such key. */
function write(inv: Invocation, key: string, value: string, quiet: boolean): boolean {
  const m = findMachine(inv.ctx.state, inv.machine);
  if (!m || !keyExists(m, key)) return false;
  inv.apply({ type: 'sysctl.set', machine: inv.machine, key, value });
  if (!quiet) inv.io.out(`${key} = ${value}`);
  return true;
}

function applyFiles(inv: Invocation, files: readonly string[], quiet: boolean): number {
  const m0 = findMachine(inv.ctx.state, inv.machine);
  if (!m0) return 1;
  const settings: Array<[string, string]> = [];
  for (const f of files) {
    if (!quiet) inv.io.out(`* Applying ${f} ...`);
    settings.push(...parseConf(m0.files[f] ?? ''));
  }
  // --system ignores keys the kernel lacks (IgnoreError), e.g. bridge keys before br_netfilter.
  for (const [key, value] of settings) write(inv, key, value, quiet);
  return 0;
}

/** `sysctl`. */
export const sysctl: CommandModule = {
  name: 'sysctl',
  summary: 'read or set kernel parameters (sysctl --system, sysctl -w key=value)',
  run: (inv) => {
    const m = findMachine(inv.ctx.state, inv.machine);
    if (!m) return 1;
    const flags = inv.args.filter((a) => a.startsWith('-') && !a.startsWith('--'));
    const short = flags.join('').replaceAll('-', '');
    const quiet = short.includes('q') || inv.args.includes('--quiet');
    const valuesOnly = short.includes('n') || inv.args.includes('--values');
    const items = inv.args.filter((a) => !a.startsWith('-'));
    if (inv.args.includes('--system')) return applyFiles(inv, systemConfFiles(m), quiet);
    if (short.includes('p') || inv.args.includes('--load')) {
      const files =
        items.length > 0 ? items.map((f) => absolutePath(inv, f)) : ['/etc/sysctl.conf'];
      for (const f of files) {
        if (m.files[f] === undefined) {
          inv.io.err(`sysctl: cannot open "${f}": No such file or directory`);
          return 255;
        }
      }
      const settings = files.flatMap((f) => parseConf(m.files[f] ?? ''));
      let code = 0;
      for (const [key, value] of settings) {
        if (!write(inv, key, value, quiet)) {
          inv.io.err(
            `sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory`,
          );
          code = 255;
        }
      }
      return code;
    }
    if (items.length === 0) {
      inv.io.err("sysctl: no variables specified\nTry `sysctl --help' for more information.");
      return 1;
    }
    let code = 0;
    for (const item of items) {
      const eq = item.indexOf('=');
      const key = (eq >= 0 ? item.slice(0, eq) : item).trim().replaceAll('/', '.');
      const current = findMachine(inv.ctx.state, inv.machine);
      if (!current) return 1;
      const known = eq >= 0 ? keyExists(current, key) : readSysctl(current, key) !== undefined;
      if (!known) {
        inv.io.err(
          `sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory`,
        );
        code = 255;
        continue;
      }
      if (eq >= 0) {
        const value = item.slice(eq + 1).trim();
        write(inv, key, value, quiet);
        continue;
      }
      const value = readSysctl(current, key) ?? '';
      inv.io.out(valuesOnly ? value : `${key} = ${value}`);
    }
    return code;
  },
};
