/**
 * The files a fresh Ubuntu 24.04 server carries that kubeadm's pages look at: `/etc/os-release`,
 * the DMI product UUID (unique per machine), and the sysctl configuration that
 * `sysctl --system` applies. Values are Ubuntu noble's (base-files, procps, systemd packages);
 * the product UUID and MAC address are derived from the machine's name and address so that every
 * machine differs while replays stay byte-identical (no random draw: existing outputs keep their
 * RNG sequence).
 */
import type { MachineSpec } from '../commands/types.ts';

/** `/etc/os-release` of Ubuntu 24.04.3 (base-files 13ubuntu10.3). */
export const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

/** Directories `sysctl --system` scans, in procps-ng 4's order (sysctl.c PreloadSystem). */
export const SYSCTL_DIRS = [
  '/etc/sysctl.d',
  '/run/sysctl.d',
  '/usr/local/lib/sysctl.d',
  '/usr/lib/sysctl.d',
  '/lib/sysctl.d',
] as const;

/** Shipped sysctl fragments of a noble server (procps, apparmor and systemd packages). */
const SYSCTL_FILES: Readonly<Record<string, string>> = {
  '/etc/sysctl.d/10-console-messages.conf':
    '# the following stops low-level messages on console\nkernel.printk = 4 4 1 7\n',
  '/etc/sysctl.d/10-ipv6-privacy.conf':
    '# IPv6 Privacy Extensions (RFC 4941)\nnet.ipv6.conf.all.use_tempaddr = 2\nnet.ipv6.conf.default.use_tempaddr = 2\n',
  '/etc/sysctl.d/10-kernel-hardening.conf':
    '# These settings are specific to hardening the kernel itself from attack\nkernel.kptr_restrict = 1\n',
  '/etc/sysctl.d/10-magic-sysrq.conf': '# The magic SysRq key\nkernel.sysrq = 176\n',
  '/etc/sysctl.d/10-network-security.conf':
    '# Turn on Source Address Verification in all interfaces to\n# prevent some spoofing attacks.\nnet.ipv4.conf.default.rp_filter=2\nnet.ipv4.conf.all.rp_filter=2\n',
  '/etc/sysctl.d/10-ptrace.conf': '# The PTRACE system\nkernel.yama.ptrace_scope = 1\n',
  '/etc/sysctl.d/10-zeropage.conf':
    '# Protect the zero page of memory from userspace mmap\nvm.mmap_min_addr = 65536\n',
  '/etc/sysctl.d/99-sysctl.conf':
    '#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n#\n',
  '/etc/sysctl.conf':
    '#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n#\n',
  '/usr/lib/sysctl.d/10-apparmor.conf':
    '# Restrict unprivileged user namespaces\nkernel.apparmor_restrict_unprivileged_userns = 1\n',
  '/usr/lib/sysctl.d/50-pid-max.conf': '# Bump the numeric PID range\nkernel.pid_max = 4194304\n',
  '/usr/lib/sysctl.d/99-protect-links.conf':
    '# Protected links, fifos and regular files\nfs.protected_fifos = 1\nfs.protected_hardlinks = 1\nfs.protected_regular = 2\nfs.protected_symlinks = 1\n',
};

/**
 * The values the shipped fragments set at boot (systemd-sysctl applies them before anyone logs
 * in), as `key → value` with procps' whitespace normalisation.
 */
export const BOOT_SYSCTLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(SYSCTL_FILES).flatMap((text) =>
    text
      .split('\n')
      .filter((l) => l.includes('=') && !l.trimStart().startsWith('#'))
      .map((l) => {
        const eq = l.indexOf('=');
        return [l.slice(0, eq).trim(), l.slice(eq + 1).trim()] as const;
      }),
  ),
);

/** FNV-1a over a string: a stable 32-bit hash for per-machine identifiers. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(8, '0').slice(-width);
}

/** The machine's SMBIOS product UUID (`/sys/class/dmi/id/product_uuid`), unique per machine. */
export function productUuid(spec: Pick<MachineSpec, 'name' | 'ip'>): string {
  const key = `${spec.name}/${spec.ip}`;
  const a = fnv1a(key, 0x811c9dc5);
  const b = fnv1a(key, 0x1b873593);
  const c = fnv1a(key, 0xcc9e2d51);
  const d = fnv1a(key, 0x85ebca6b);
  return `${hex(a, 8)}-${hex(b, 4)}-${hex(b >>> 16, 4)}-${hex(c, 4)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}

/** The MAC address of the machine's one network interface (locally administered, unique). */
export function macAddress(spec: Pick<MachineSpec, 'name' | 'ip'>): string {
  const h = fnv1a(`${spec.name}/${spec.ip}/mac`);
  const bytes = [0x52, 0x54, 0x00, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Files a fresh machine starts with (besides what the engine itself needs). */
export function osFiles(spec: Pick<MachineSpec, 'name' | 'ip'>): Record<string, string> {
  return {
    '/etc/os-release': OS_RELEASE,
    '/sys/class/dmi/id/product_uuid': `${productUuid(spec)}\n`,
    ...SYSCTL_FILES,
  };
}

/** Directories a fresh machine has although they start empty. */
export const OS_DIRS = ['/etc/sysctl.d', '/etc/modules-load.d'] as const;
