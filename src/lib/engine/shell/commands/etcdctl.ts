/**
 * etcdctl (v3 API) as kubeadm's etcd image ships it: the command set of the cluster's etcd minor
 * (3.5 or 3.6), each command in its own file; cobra's errors for unknown commands and flags.
 * upstream: etcd-io/etcd etcdctl/ctlv3/ctl.go, etcdctl/ctlv3/command/*.go, pkg/cobrautl/error.go
 */
import { isEngineError } from '../../src/index.ts';
import { bool, parseFlags, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { etcdVersion, EXIT, fail, GLOBAL } from './etcdctl-client.ts';
import { commandHelp, etcdctlCommands, rootHelp } from './etcdctl-help.ts';
import { memberCmd } from './etcdctl-member.ts';
import { endpointCmd } from './etcdctl-endpoint.ts';
import { snapshotSave } from './etcdctl-snapshot.ts';
import { COMMAND_FLAGS, usageLine } from './etcdctl-flags.ts';
import { getCmd } from './etcdctl-get.ts';
import { delCmd, putCmd } from './etcdctl-put-del.ts';
import { alarmCmd, compactionCmd, defragCmd, moveLeaderCmd } from './etcdctl-maintenance.ts';
import { hashkvCmd } from './etcdctl-hashkv.ts';

export { etcdutl } from './etcdutl.ts';

/** What the simulator runs, by command path. */
const RUNNERS: Readonly<Record<string, (inv: Invocation, p: ParsedFlags) => number>> = {
  version: (inv) => {
    // etcdctl/ctlv3/command/version_command.go: version.Version and version.APIVersion.
    const v = etcdVersion(inv.ctx.state);
    inv.io.out(`etcdctl version: ${v}`);
    inv.io.out(`API version: ${v.split('.').slice(0, 2).join('.')}`);
    return 0;
  },
  get: getCmd,
  put: putCmd,
  del: delCmd,
  'alarm list': alarmCmd,
  'alarm disarm': alarmCmd,
  defrag: defragCmd,
  compaction: compactionCmd,
  'move-leader': moveLeaderCmd,
  'member add': memberCmd,
  'member list': memberCmd,
  'member remove': memberCmd,
  'member promote': memberCmd,
  'member update': memberCmd,
  'endpoint health': endpointCmd,
  'endpoint status': endpointCmd,
  'endpoint hashkv': hashkvCmd,
  'snapshot save': snapshotSave,
};

/** The command path the positionals name (`member list`, `get`), or the unknown word. */
function resolve(
  version: string,
  words: readonly string[],
): { path: string; short: string } | { unknown: string; parent: string } {
  const commands = etcdctlCommands(version);
  const [first = '', second] = words;
  const leaf = commands.find(([c]) => c === first);
  if (leaf) return { path: leaf[0], short: leaf[1] };
  const group = commands.filter(([c]) => c.startsWith(`${first} `));
  if (group.length === 0) return { unknown: first, parent: 'etcdctl' };
  const sub = group.find(([c]) => c === `${first} ${second ?? ''}`);
  if (sub) return { path: sub[0], short: sub[1] };
  return { unknown: second ?? '', parent: `etcdctl ${first}` };
}

/** Every flag any command declares: enough to find the command's words among the arguments. */
const ALL_FLAGS: FlagSpec[] = [
  ...GLOBAL,
  ...Object.values(COMMAND_FLAGS)
    .flat()
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i),
];

/**
 * The words before the command's own arguments are parsed (cobra's Find): every argument that is
 * not a flag, skipping the value of a known flag given as a separate argument.
 */
function commandWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return [...words, ...args.slice(i + 1)];
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '').split('=')[0] ?? '';
    const spec = ALL_FLAGS.find((f) => f.name === name || f.short === name);
    if (spec && spec.type !== 'bool' && !a.includes('=') && !/^-[a-z].+/.test(a)) i++;
  }
  return words;
}

/** cobra's flag error: the message, the command's usage on stdout, and cobrautl's second line. */
function flagError(inv: Invocation, message: string, usage: string): number {
  inv.io.err(`Error: ${message}`);
  inv.io.out(usage);
  inv.io.err('');
  inv.io.err(`Error: ${message}`);
  return EXIT.error;
}

/** The `etcdctl` command. */
export const etcdctl: CommandModule = {
  name: 'etcdctl',
  summary: 'etcd v3 client (get, put, del, member, endpoint, snapshot save, …)',
  completion: {
    flags: GLOBAL,
    subcommands: {
      endpoint: {
        subcommands: {
          health: { args: 'none' },
          status: { args: 'none' },
          hashkv: { args: 'none' },
        },
      },
      member: {
        subcommands: {
          add: { args: 'none' },
          list: { args: 'none' },
          remove: { args: 'none' },
          promote: { args: 'none' },
          update: { args: 'none' },
        },
      },
      alarm: { subcommands: { list: { args: 'none' }, disarm: { args: 'none' } } },
      snapshot: { subcommands: { save: {} } },
      get: {},
      put: {},
      del: {},
      defrag: { args: 'none' },
      compaction: {},
      'move-leader': {},
      version: { args: 'none' },
    },
  },
  run(inv) {
    const version = etcdVersion(inv.ctx.state);
    const words = commandWords(inv.args);
    if (words.length === 0 || (words[0] === 'help' && words.length === 1)) {
      inv.io.out(rootHelp(version));
      return 0;
    }
    const found = resolve(version, words[0] === 'help' ? words.slice(1) : words);
    if ('unknown' in found) {
      inv.io.err(`Error: unknown command "${found.unknown}" for "${found.parent}"`);
      inv.io.err(`Run '${found.parent} --help' for usage.`);
      inv.io.err(`Error: unknown command "${found.unknown}" for "${found.parent}"`);
      return EXIT.error;
    }
    const local = COMMAND_FLAGS[found.path] ?? [];
    const usage = commandHelp(found.path, found.short, usageLine(found.path), local.map(flagRow));
    let p: ParsedFlags;
    try {
      p = parseFlags(inv.args, [...GLOBAL, ...local]);
    } catch (error) {
      if (isEngineError(error)) return flagError(inv, error.message, usage);
      throw error;
    }
    // pflag parses Int64 flags while parsing: a bad value is a flag error.
    for (const flag of ['limit', 'rev']) {
      const raw = str(p, flag);
      if (raw !== undefined && !/^[+-]?\d+$/.test(raw))
        return flagError(
          inv,
          `invalid argument ${JSON.stringify(raw)} for "--${flag}" flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`,
          usage,
        );
    }
    if (words[0] === 'help' || bool(p, 'help')) {
      inv.io.out(usage);
      return 0;
    }
    const run = RUNNERS[found.path];
    if (!run)
      return fail(
        inv,
        `kubelife: \`etcdctl ${found.path}\` is a real etcdctl ${version} command that the simulator does not run`,
      );
    return run(inv, p);
  },
};

/** A flag as pflag's usage line names it: `--name=default` or `--name[=false]`. */
function flagRow(f: FlagSpec): readonly [string, string] {
  const short = f.short ? `  -${f.short}, ` : '      ';
  const value = f.type === 'bool' ? '[=false]' : `=${f.default ?? '""'}`;
  return [`${short}--${f.name}${value}`, f.usage];
}
