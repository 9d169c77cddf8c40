/**
 * How a guide moves between machines: a line that is only `ssh [user@]NAME` logs into NAME (the
 * following lines run there) and `exit` returns to the machine before. The simulator's shell does
 * this itself; the host backend and the shell-script export read the same lines with this parser.
 */

/** A line that switches machines. */
export type MachineSwitch =
  | { readonly kind: 'ssh'; readonly machine: string; readonly user?: string }
  | { readonly kind: 'exit' };

const SSH =
  /^ssh(?:\s+-[46AaCfGgKkMNnqsTtVvXxYy]+)*\s+(?:([^@\s]+)@)?([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/;

/** The machine switch a command line is, or undefined for any other line (`ssh host cmd` included). */
export function machineSwitch(line: string): MachineSwitch | undefined {
  const trimmed = line.trim();
  if (/^exit\s*$/.test(trimmed)) return { kind: 'exit' };
  const ssh = SSH.exec(trimmed);
  if (!ssh) return undefined;
  return ssh[1]
    ? { kind: 'ssh', machine: ssh[2] ?? '', user: ssh[1] }
    : { kind: 'ssh', machine: ssh[2] ?? '' };
}

/** What `exit` from an ssh session prints (the remote login shell's `logout`, then ssh's notice). */
export function logoutText(machine: string): string {
  return `logout\nConnection to ${machine} closed.\n`;
}
