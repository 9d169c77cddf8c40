/**
 * What Ubuntu 24.04 shows about the machine itself: `uname` (coreutils 9.4), `ip link|addr|route`
 * (iproute2 6.1), `modprobe`/`lsmod` (kmod 31), `which` (debianutils) and `man` on a minimized
 * server image, where manual pages are not installed.
 */
import type { Machine } from '../../src/index.ts';
import { macAddress } from '../../src/machine/os-files.ts';
import { KNOWN_MODULES, loadedModules } from '../../src/machine/kernel-modules.ts';
import { registry } from '../registry.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

function machineOf(inv: Invocation): Machine | undefined {
  return findMachine(inv.ctx.state, inv.machine);
}

/** Build stamp of the simulated kernel (`uname -v`), fixed for replays. */
const KERNEL_BUILD = '#89-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 01:02:46 UTC 2025';
/** The one network interface's name (virtio NIC on the first PCI slot, systemd naming). */
export const INTERFACE = 'enp1s0';

/** `uname [-asnrvmpio]`: fields in coreutils' fixed order, whatever the flag order. */
export const uname: CommandModule = {
  name: 'uname',
  summary: 'print system information (uname -r, -a, -m, -s)',
  run: (inv) => {
    const m = machineOf(inv);
    if (!m) return 1;
    const long: Record<string, string> = {
      '--all': 'a',
      '--kernel-name': 's',
      '--nodename': 'n',
      '--kernel-release': 'r',
      '--kernel-version': 'v',
      '--machine': 'm',
      '--processor': 'p',
      '--hardware-platform': 'i',
      '--operating-system': 'o',
    };
    let set = '';
    for (const a of inv.args) {
      if (long[a] !== undefined) set += long[a];
      else if (/^-[asnrvmpio]+$/.test(a)) set += a.slice(1);
      else {
        inv.io.err(
          a.startsWith('-')
            ? `uname: invalid option -- '${
                a
                  .replace(/^-+/, '')
                  .replace(/[asnrvmpio]/g, '')
                  .slice(0, 1) || a
              }'\nTry 'uname --help' for more information.`
            : `uname: extra operand '${a}'\nTry 'uname --help' for more information.`,
        );
        return 1;
      }
    }
    if (set === '') set = 's';
    if (set.includes('a')) set = 'snrvmpio';
    const fields: Array<[string, string]> = [
      ['s', 'Linux'],
      ['n', m.name],
      ['r', m.kernel],
      ['v', KERNEL_BUILD],
      ['m', 'x86_64'],
      ['p', 'x86_64'],
      ['i', 'x86_64'],
      ['o', 'GNU/Linux'],
    ];
    inv.io.out(
      fields
        .filter(([f]) => set.includes(f))
        .map(([, v]) => v)
        .join(' '),
    );
    return 0;
  },
};

/** The IPv6 link-local address SLAAC derives from a MAC (EUI-64). */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const word = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
  return `fe80::${word((b[0] ?? 0) ^ 0x02, b[1] ?? 0)}:${word(b[2] ?? 0, 0xff)}:${word(0xfe, b[3] ?? 0)}:${word(b[4] ?? 0, b[5] ?? 0)}/64`;
}

function linkLines(m: Machine, withAddresses: boolean): string[] {
  const mode = withAddresses ? '' : ' mode DEFAULT';
  const mac = macAddress(m);
  const octets = m.ip.split('.');
  const broadcast = `${octets.slice(0, 3).join('.')}.255`;
  const lo = [
    `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN${mode} group default qlen 1000`,
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  ];
  const nic = [
    `2: ${INTERFACE}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP${mode} group default qlen 1000`,
    `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  if (!withAddresses) return [...lo, ...nic];
  return [
    ...lo,
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host noprefixroute ',
    '       valid_lft forever preferred_lft forever',
    ...nic,
    `    inet ${m.ip}/24 brd ${broadcast} scope global ${INTERFACE}`,
    '       valid_lft forever preferred_lft forever',
    `    inet6 ${linkLocal(mac)} scope link `,
    '       valid_lft forever preferred_lft forever',
  ];
}

/** `ip link`, `ip addr`/`ip a`, `ip route`/`ip r` (object names may be abbreviated as iproute2 allows). */
export const ip: CommandModule = {
  name: 'ip',
  summary: 'show network interfaces, addresses and routes (ip link, ip addr, ip route)',
  run: (inv) => {
    const m = machineOf(inv);
    if (!m) return 1;
    const args = inv.args.filter((a) => !a.startsWith('-'));
    const [object = '', verb = 'show'] = args;
    if (object === '') {
      inv.io.err(
        'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }',
      );
      return 255;
    }
    if (!['show', 'list', 'ls', 'lst', 'sh'].includes(verb)) {
      inv.io.err(`Command "${verb}" is unknown, try "ip ${object} help".`);
      return 255;
    }
    const is = (full: string, min: number): boolean =>
      object.length >= min && full.startsWith(object);
    if (is('link', 1)) {
      for (const l of linkLines(m, false)) inv.io.out(l);
      return 0;
    }
    if (is('address', 1) || object === 'addr') {
      for (const l of linkLines(m, true)) inv.io.out(l);
      return 0;
    }
    if (is('route', 1)) {
      const net = `${m.ip.split('.').slice(0, 3).join('.')}.0/24`;
      const gw = `${m.ip.split('.').slice(0, 3).join('.')}.1`;
      inv.io.out(`default via ${gw} dev ${INTERFACE} proto static `);
      inv.io.out(`${net} dev ${INTERFACE} proto kernel scope link src ${m.ip} `);
      return 0;
    }
    inv.io.err(`Object "${object}" is unknown, try "ip help".`);
    return 1;
  },
};

/** `modprobe MODULE…` (silent on success, as kmod is). */
export const modprobe: CommandModule = {
  name: 'modprobe',
  summary: 'load kernel modules (modprobe overlay, modprobe br_netfilter)',
  run: (inv) => {
    const names = inv.args.filter((a) => !a.startsWith('-'));
    if (names.length === 0) {
      inv.io.err('modprobe: ERROR: missing parameters. See -h.');
      return 1;
    }
    for (const module of names) {
      const t = inv.apply({ type: 'module.load', machine: inv.machine, module });
      if (!t.ok) {
        inv.io.err(t.error.message);
        return 1;
      }
    }
    return 0;
  },
};

/** `lsmod`: newest module first, `%-19s %8lu  %d` plus the users (kmod tools/lsmod.c). */
export const lsmod: CommandModule = {
  name: 'lsmod',
  summary: 'show loaded kernel modules',
  run: (inv) => {
    const m = machineOf(inv);
    if (!m) return 1;
    const loaded = loadedModules(m);
    inv.io.out('Module                  Size  Used by');
    for (const name of [...loaded].reverse()) {
      const users = loaded.filter((u) => KNOWN_MODULES[u]?.deps.includes(name)).reverse();
      const size = String(KNOWN_MODULES[name]?.size ?? 0).padStart(8);
      inv.io.out(
        `${name.padEnd(19)} ${size}  ${users.length}${users.length > 0 ? ` ${users.join(',')}` : ''}`,
      );
    }
    return 0;
  },
};

/** Where each simulated program lives on Ubuntu (merged /usr: /bin → /usr/bin). */
const SBIN = new Set([
  'sysctl',
  'modprobe',
  'lsmod',
  'ip',
  'swapoff',
  'swapon',
  'iptables',
  'iptables-save',
  'ipvsadm',
]);
/** Shell builtins: `which` finds no file for them. */
const BUILTINS = new Set(['cd', 'export', 'unset', 'exit', 'help', 'pwd', 'env']);
const LOCAL = new Set(['kubelife', 'sonobuoy', 'etcdctl', 'etcdutl']);

/** The path `which NAME` prints, or undefined when nothing is found. */
export function programPath(inv: Invocation, name: string): string | undefined {
  // The shells themselves run inside the interpreter (bash/child-shell.ts), not from the registry.
  if (name === 'bash' || name === 'sh') return `/usr/bin/${name}`;
  const mod = registry.get(name);
  const m = machineOf(inv);
  if (!mod || BUILTINS.has(name)) return undefined;
  if (mod.requiresPackage && !m?.packages[mod.requiresPackage]) return undefined;
  if (SBIN.has(name)) return `/usr/sbin/${name}`;
  if (LOCAL.has(name)) return `/usr/local/bin/${name}`;
  return `/usr/bin/${name}`;
}

/** `which [-a] NAME…`: exit 1 when any name is missing (debianutils). */
export const which: CommandModule = {
  name: 'which',
  summary: 'locate a command',
  run: (inv) => {
    let code = 0;
    for (const name of inv.args.filter((a) => !a.startsWith('-'))) {
      const path = programPath(inv, name);
      if (path === undefined) code = 1;
      else inv.io.out(path);
    }
    return code;
  },
};

/** `man`: Ubuntu's minimized server images replace man with this notice. */
export const man: CommandModule = {
  name: 'man',
  summary: 'manual pages are not installed here; use COMMAND --help',
  run: (inv) => {
    if (inv.args.length === 0) {
      inv.io.err("What manual page do you want?\nFor example, try 'man man'.");
      return 1;
    }
    inv.io.out(
      "This system has been minimized by removing packages and content that are\nnot required on a system that users do not log into.\n\nTo restore this content, including manpages, you can run the 'unminimize'\ncommand. You will still need to ensure the 'man-db' package is installed.",
    );
    return 0;
  },
};
