/**
 * Where the host backend runs each of a guide's machines: `--machine NAME=local` (a bash on this
 * machine) or `--machine NAME=ssh://[user@]host[:port]` (a bash on that host over ssh). Each
 * machine gets its own long-lived bash, so `cd`, `export` and shell variables carry over from one
 * line to the next as they would in a terminal.
 */

/** How to reach one machine. */
export type MachineTarget =
  /** `home`: where the shell starts and what $HOME is (default: this user's home, as ssh does). */
  | { readonly kind: 'local'; readonly home?: string }
  | { readonly kind: 'ssh'; readonly host: string; readonly user?: string; readonly port?: number };

/** The bash the host backend starts for every machine: no profile or rc file, so runs are repeatable. */
export const BASH_ARGS: readonly string[] = ['bash', '--noprofile', '--norc'];

/**
 * Parses one `--machine` value (`cp-1=ssh://root@10.0.0.11:22`, `cp-1=local`).
 * @throws Error with a message for the user when the value is malformed
 */
export function parseMachineSpec(spec: string): { name: string; target: MachineTarget } {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : '';
  const where = spec.slice(eq + 1);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    throw new Error(`--machine needs NAME=local or NAME=ssh://[user@]host[:port], got "${spec}"`);
  if (where === 'local') return { name, target: { kind: 'local' } };
  const ssh =
    /^ssh:\/\/(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9._-]+|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?\/?$/.exec(
      where,
    );
  if (!ssh)
    throw new Error(`--machine ${name}: "${where}" is neither local nor ssh://[user@]host[:port]`);
  const port = ssh[3] === undefined ? undefined : Number(ssh[3]);
  if (port !== undefined && (port < 1 || port > 65535))
    throw new Error(`--machine ${name}: port ${port} is out of range`);
  return {
    name,
    target: {
      kind: 'ssh',
      host: (ssh[2] ?? '').replace(/^\[|\]$/g, ''),
      ...(ssh[1] ? { user: ssh[1] } : {}),
      ...(port !== undefined ? { port } : {}),
    },
  };
}

/**
 * The command (argv) that starts the long-lived bash for a target. Over ssh: no terminal (`-T`),
 * no password prompts (`BatchMode=yes`: a run must never hang on input), and the remote side
 * runs the same bash as locally.
 */
export function shellCommand(target: MachineTarget): string[] {
  if (target.kind === 'local') return [...BASH_ARGS];
  const destination = target.user ? `${target.user}@${target.host}` : target.host;
  return [
    'ssh',
    '-T',
    '-o',
    'BatchMode=yes',
    ...(target.port !== undefined ? ['-p', String(target.port)] : []),
    '--',
    destination,
    BASH_ARGS.join(' '),
  ];
}
