/**
 * etcdctl's usage text, per etcd minor: cobrautl.UsageFunc's template (NAME, USAGE, VERSION,
 * API VERSION, COMMANDS, OPTIONS, GLOBAL OPTIONS) laid out by Go's text/tabwriter with tab padding.
 * Command lists: 3.5 as its etcdctl prints them (auth status, `snapshot status` marked deprecated,
 * no migrate, no completion); 3.6 from etcdctl/ctlv3/ctl.go at v3.6.x (adds completion and
 * downgrade, keeps only `snapshot save`; CHANGELOG-3.6 "Add command to generate shell completion").
 * upstream: etcd-io/etcd pkg/cobrautl/help.go, etcdctl/ctlv3/ctl.go, etcdctl/ctlv3/command/*.go
 */
import { atLeast36 } from './etcdctl-client.ts';

/** One row per runnable command: its path and Short text. */
type Rows = ReadonlyArray<readonly [string, string]>;

const COMMON_HEAD: Rows = [
  ['alarm disarm', 'Disarms all alarms'],
  ['alarm list', 'Lists all alarms'],
  ['auth disable', 'Disables authentication'],
  ['auth enable', 'Enables authentication'],
  ['auth status', 'Returns authentication status'],
  [
    'check datascale',
    'Check the memory usage of holding data for different workloads on a given server endpoint.',
  ],
  ['check perf', 'Check the performance of the etcd cluster'],
  ['compaction', 'Compacts the event history in etcd'],
];
const V36_COMPLETION: Rows = [['completion', 'Generate completion script']];
const COMMON_MID: Rows = [
  ['defrag', 'Defragments the storage of the etcd members with given endpoints'],
  ['del', 'Removes the specified key or range of keys [key, range_end)'],
];
const V36_DOWNGRADE: Rows = [
  ['downgrade cancel', 'Cancel the ongoing downgrade action to cluster'],
  ['downgrade enable', 'Start a downgrade action to cluster'],
  ['downgrade validate', 'Validate downgrade capability before starting downgrade'],
];
const COMMON_TAIL: Rows = [
  ['elect', 'Observes and participates in leader election'],
  ['endpoint hashkv', 'Prints the KV history hash for each endpoint in --endpoints'],
  ['endpoint health', 'Checks the healthiness of endpoints specified in `--endpoints` flag'],
  ['endpoint status', 'Prints out the status of endpoints specified in `--endpoints` flag'],
  ['get', 'Gets the key or a range of keys'],
  ['help', 'Help about any command'],
  ['lease grant', 'Creates leases'],
  ['lease keep-alive', 'Keeps leases alive (renew)'],
  ['lease list', 'List all active leases'],
  ['lease revoke', 'Revokes leases'],
  ['lease timetolive', 'Get lease information'],
  ['lock', 'Acquires a named lock'],
  ['make-mirror', 'Makes a mirror at the destination etcd cluster'],
  ['member add', 'Adds a member into the cluster'],
  ['member list', 'Lists all members in the cluster'],
  ['member promote', 'Promotes a non-voting member in the cluster'],
  ['member remove', 'Removes a member from the cluster'],
  ['member update', 'Updates a member in the cluster'],
  ['move-leader', 'Transfers leadership to another etcd cluster member.'],
  ['put', 'Puts the given key into the store'],
  ['role add', 'Adds a new role'],
  ['role delete', 'Deletes a role'],
  ['role get', 'Gets detailed information of a role'],
  ['role grant-permission', 'Grants a key to a role'],
  ['role list', 'Lists all roles'],
  ['role revoke-permission', 'Revokes a key from a role'],
];
const V35_SNAPSHOT: Rows = [
  ['snapshot restore', 'Restores an etcd member snapshot to an etcd directory'],
  ['snapshot save', 'Stores an etcd node backend snapshot to a given file'],
  ['snapshot status', '[deprecated] Gets backend snapshot status of a given file'],
];
const V36_SNAPSHOT: Rows = [
  ['snapshot save', 'Stores an etcd node backend snapshot to a given file'],
];
const COMMON_END: Rows = [
  ['txn', 'Txn processes all the requests in one transaction'],
  ['user add', 'Adds a new user'],
  ['user delete', 'Deletes a user'],
  ['user get', 'Gets detailed information of a user'],
  ['user grant-role', 'Grants a role to a user'],
  ['user list', 'Lists all users'],
  ['user passwd', 'Changes password of user'],
  ['user revoke-role', 'Revokes a role from a user'],
  ['version', 'Prints the version of etcdctl'],
  ['watch', 'Watches events stream on keys or prefixes'],
];

/** Every runnable command of the version's etcdctl, in the order its help lists them. */
export function etcdctlCommands(version: string): Rows {
  const v36 = atLeast36(version);
  return [
    ...COMMON_HEAD,
    ...(v36 ? V36_COMPLETION : []),
    ...COMMON_MID,
    ...(v36 ? V36_DOWNGRADE : []),
    ...COMMON_TAIL,
    ...(v36 ? V36_SNAPSHOT : V35_SNAPSHOT),
    ...COMMON_END,
  ];
}

/** The persistent flags as pflag's usage lines show them (name column, usage). */
export const GLOBAL_FLAG_ROWS: Rows = [
  ['      --cacert=""', 'verify certificates of TLS-enabled secure servers using this CA bundle'],
  ['      --cert=""', 'identify secure client using this TLS certificate file'],
  ['      --command-timeout=5s', 'timeout for short running command (excluding dial timeout)'],
  ['      --debug[=false]', 'enable client-side debug logging'],
  ['      --dial-timeout=2s', 'dial timeout for client connections'],
  ['  -d, --discovery-srv=""', 'domain name to query for SRV records describing cluster endpoints'],
  ['      --discovery-srv-name=""', 'service name to query when using DNS discovery'],
  ['      --endpoints=[127.0.0.1:2379]', 'gRPC endpoints'],
  ['  -h, --help[=false]', 'help for etcdctl'],
  ['      --hex[=false]', 'print byte strings as hex encoded strings'],
  ['      --insecure-discovery[=true]', 'accept insecure SRV records describing cluster endpoints'],
  [
    '      --insecure-skip-tls-verify[=false]',
    'skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)',
  ],
  ['      --insecure-transport[=true]', 'disable transport security for client connections'],
  ['      --keepalive-time=2s', 'keepalive time for client connections'],
  ['      --keepalive-timeout=6s', 'keepalive timeout for client connections'],
  ['      --key=""', 'identify secure client using this TLS key file'],
  [
    '      --password=""',
    "password for authentication (if this option is used, --user option shouldn't include password)",
  ],
  [
    '      --user=""',
    'username[:password] for authentication (prompt if password is not supplied)',
  ],
  ['  -w, --write-out="simple"', 'set the output format (fields, json, protobuf, simple, table)'],
];

/**
 * Lines of `prefix + cell + tabs + text` as text/tabwriter (minwidth 0, tabwidth 8, padding 1,
 * padchar '\t') aligns one block: the column is the widest cell plus one, rounded up to a tab stop.
 */
export function tabAligned(rows: Rows, prefix = ''): string[] {
  const widest = Math.max(0, ...rows.map(([c]) => c.length));
  const column = Math.ceil((widest + 1) / 8) * 8;
  return rows.map(
    ([c, t]) => `${prefix}${c}${'\t'.repeat(Math.ceil((column - c.length) / 8))}${t}`,
  );
}

/** `etcdctl --help` of the given etcd version. */
export function rootHelp(version: string): string {
  const api = version.split('.').slice(0, 2).join('.');
  return [
    'NAME:',
    '\tetcdctl - A simple command line client for etcd3.',
    '',
    'USAGE:',
    '\tetcdctl [flags]',
    '',
    'VERSION:',
    `\t${version}`,
    '',
    'API VERSION:',
    `\t${api}`,
    '',
    '',
    'COMMANDS:',
    ...tabAligned(etcdctlCommands(version), '\t'),
    '',
    'OPTIONS:',
    ...tabAligned(GLOBAL_FLAG_ROWS),
    '',
  ].join('\n');
}

/** `etcdctl CMD --help`: the command's own flags, then the persistent ones. */
export function commandHelp(path: string, short: string, use: string, local: Rows): string {
  const name = path.split(' ').at(-1) ?? path;
  const globals = GLOBAL_FLAG_ROWS.filter(([c]) => !c.includes('--help'));
  return [
    'NAME:',
    `\t${name} - ${short}`,
    '',
    'USAGE:',
    `\tetcdctl ${use} [flags]`,
    '',
    'OPTIONS:',
    ...tabAligned(
      [...local, ['  -h, --help[=false]', `help for ${name}`] as const].sort(byFlagName),
    ),
    '',
    'GLOBAL OPTIONS:',
    ...tabAligned(globals),
    '',
  ].join('\n');
}

/** pflag sorts flags by long name. */
function byFlagName(a: readonly [string, string], b: readonly [string, string]): number {
  const name = (c: string): string => c.replace(/^.*--/, '');
  return name(a[0]) < name(b[0]) ? -1 : name(a[0]) > name(b[0]) ? 1 : 0;
}
