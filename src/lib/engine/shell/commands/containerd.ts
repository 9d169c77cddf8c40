/**
 * `containerd` the way kubernetes.io's container-runtimes page uses it: `containerd config
 * default` to write /etc/containerd/config.toml before the SystemdCgroup edit, `config dump` to
 * check the result, `--version`, and the urfave/cli help and usage answers of containerd 1.7
 * (cmd/containerd/command/main.go, cmd/containerd/command/config.go at v1.7.28). The daemon itself
 * runs as containerd.service; starting a second one in the foreground is not simulated.
 */
import { findMachine } from '../../src/index.ts';
import { CONTAINERD_VERSION } from '../../src/machine/create.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { CONTAINERD_DEFAULT_CONFIG } from './containerd-default-config.ts';
import {
  CONTAINERD_CONFIG_DEFAULT_HELP,
  CONTAINERD_CONFIG_DUMP_HELP,
  CONTAINERD_CONFIG_HELP,
  CONTAINERD_TOP_HELP,
} from './containerd-help.ts';

const CONFIG_FILE = '/etc/containerd/config.toml';
const HELP = new Set(['--help', '-h', '-help']);

/** The TOML table a `key = value` line belongs to, by its header (`[a."b".c]`, `[[x]]`). */
function sectionOf(line: string): string | null {
  const m = /^\s*(\[\[?[^\]]+\]\]?)\s*$/.exec(line);
  return m?.[1] ?? null;
}

/**
 * The final config `config dump` prints: the defaults with every `key = value` the file sets,
 * in the same table, put in place of the default (containerd decodes the file over its
 * defaults and encodes the result, so table and key order stay the defaults').
 */
export function dumpConfig(file: string): string {
  const set = new Map<string, string>();
  let section = '';
  for (const line of file.split('\n')) {
    const header = sectionOf(line);
    if (header !== null) section = header.replace(/'/g, '"');
    const kv = /^\s*([A-Za-z0-9_."-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (header === null && kv) set.set(`${section}|${kv[1]}`, kv[2] ?? '');
  }
  section = '';
  return CONTAINERD_DEFAULT_CONFIG.split('\n')
    .map((line) => {
      const header = sectionOf(line);
      if (header !== null) section = header;
      const kv = /^(\s*)([A-Za-z0-9_."-]+) = (.*)$/.exec(line);
      const value = kv ? set.get(`${section}|${kv[2]}`) : undefined;
      return kv && value !== undefined ? `${kv[1]}${kv[2]} = ${value}` : line;
    })
    .join('\n');
}

/**
 * An undefined flag: urfave/cli prints the usage on stdout ("Incorrect Usage." for a command
 * with subcommands, "Incorrect Usage:" for a leaf), then the error on stderr; Go's flag package
 * names the flag with one dash whatever was typed.
 */
function usage(inv: Invocation, help: string, typed: string, leaf: boolean): number {
  const flag = `-${typed.replace(/^-+/, '').replace(/=.*$/, '')}`;
  const mark = leaf ? ':' : '.';
  inv.io.out(
    `Incorrect Usage${mark} flag provided but not defined: ${flag}\n\n${help}`.replace(/\n$/, ''),
  );
  inv.io.err(`containerd: flag provided but not defined: ${flag}`);
  return 1;
}

/** `containerd help config`: the command's own help, which lists no subcommands. */
const HELP_CONFIG =
  'NAME:\n   containerd config - Information on the containerd config\n\nUSAGE:\n   containerd config [arguments...]';

function config(inv: Invocation, args: readonly string[]): number {
  const [sub, ...rest] = args;
  if (sub === undefined || HELP.has(sub)) {
    inv.io.out(CONTAINERD_CONFIG_HELP.replace(/\n$/, ''));
    return 0;
  }
  if (sub.startsWith('-')) return usage(inv, CONTAINERD_CONFIG_HELP, sub, false);
  const help = sub === 'default' ? CONTAINERD_CONFIG_DEFAULT_HELP : CONTAINERD_CONFIG_DUMP_HELP;
  if (sub !== 'default' && sub !== 'dump') {
    inv.io.err(`No help topic for '${sub}'`);
    return 3;
  }
  const flag = rest.find((a) => a.startsWith('-'));
  if (flag !== undefined && HELP.has(flag)) {
    inv.io.out(help.replace(/\n$/, ''));
    return 0;
  }
  if (flag !== undefined) return usage(inv, help, flag, true);
  if (sub === 'default') {
    inv.io.out(CONTAINERD_DEFAULT_CONFIG.replace(/\n$/, ''));
    return 0;
  }
  const file = findMachine(inv.ctx.state, inv.machine)?.files[CONFIG_FILE] ?? '';
  inv.io.out(dumpConfig(file).replace(/\n$/, ''));
  return 0;
}

/** `containerd [--version|--help|config …]`. */
export const containerd: CommandModule = {
  name: 'containerd',
  summary: 'container runtime (containerd config default|dump, --version)',
  run: (inv) => {
    const [first, ...rest] = inv.args;
    if (first === '--version' || first === '-v' || first === '-version') {
      // Ubuntu's package sets no revision: the line ends with the version and a space.
      inv.io.out(`containerd github.com/containerd/containerd ${CONTAINERD_VERSION} `);
      return 0;
    }
    if (first !== undefined && HELP.has(first)) {
      inv.io.out(CONTAINERD_TOP_HELP.replace(/\n$/, ''));
      return 0;
    }
    if (first === 'help' || first === 'h') {
      if (rest[0] === undefined) inv.io.out(CONTAINERD_TOP_HELP.replace(/\n$/, ''));
      else if (rest[0] === 'config') inv.io.out(HELP_CONFIG);
      else {
        inv.io.err(`No help topic for '${rest[0]}'`);
        return 3;
      }
      return 0;
    }
    if (first === 'config') return config(inv, rest);
    inv.io.err(
      'containerd: the daemon already runs as containerd.service on this machine; starting another one in the foreground is not simulated (use systemctl status containerd)',
    );
    return 1;
  },
};
