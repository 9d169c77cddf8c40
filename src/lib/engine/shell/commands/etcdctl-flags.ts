/**
 * Each etcdctl command's own flags, as its NewXCommand declares them (name, type, default, usage).
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/{get,put,del,compaction,defrag,ep,member}_command.go
 */
import type { FlagSpec } from '../flags.ts';

const CLUSTER: FlagSpec = {
  name: 'cluster',
  type: 'bool',
  usage: 'use all endpoints from the cluster member list',
};

/** Local flags by command path. */
export const COMMAND_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  get: [
    {
      name: 'consistency',
      type: 'string',
      default: '"l"',
      usage: 'Linearizable(l) or Serializable(s)',
    },
    {
      name: 'order',
      type: 'string',
      usage: 'Order of results; ASCEND or DESCEND (ASCEND by default)',
    },
    {
      name: 'sort-by',
      type: 'string',
      usage: 'Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION',
    },
    { name: 'limit', type: 'string', default: '0', usage: 'Maximum number of results' },
    { name: 'prefix', type: 'bool', usage: 'Get keys with matching prefix' },
    {
      name: 'from-key',
      type: 'bool',
      usage: 'Get keys that are greater than or equal to the given key using byte compare',
    },
    { name: 'rev', type: 'string', default: '0', usage: 'Specify the kv revision' },
    { name: 'keys-only', type: 'bool', usage: 'Get only the keys' },
    { name: 'count-only', type: 'bool', usage: 'Get only the count' },
    {
      name: 'print-value-only',
      type: 'bool',
      usage: 'Only write values when using the "simple" output format',
    },
  ],
  put: [
    {
      name: 'lease',
      type: 'string',
      default: '"0"',
      usage: 'lease ID (in hexadecimal) to attach to the key',
    },
    {
      name: 'prev-kv',
      type: 'bool',
      usage: 'return the previous key-value pair before modification',
    },
    { name: 'ignore-value', type: 'bool', usage: 'updates the key using its current value' },
    { name: 'ignore-lease', type: 'bool', usage: 'updates the key using its current lease' },
  ],
  del: [
    { name: 'prefix', type: 'bool', usage: 'delete keys with matching prefix' },
    { name: 'prev-kv', type: 'bool', usage: 'return deleted key-value pairs' },
    {
      name: 'from-key',
      type: 'bool',
      usage: 'delete keys that are greater than or equal to the given key using byte compare',
    },
  ],
  compaction: [
    {
      name: 'physical',
      type: 'bool',
      usage: "'true' to wait for compaction to physically remove all old revisions",
    },
  ],
  defrag: [CLUSTER],
  'endpoint health': [CLUSTER],
  'endpoint status': [CLUSTER],
  'endpoint hashkv': [
    CLUSTER,
    {
      name: 'rev',
      type: 'string',
      default: '0',
      usage: 'maximum revision to hash (default: latest revision)',
    },
  ],
  'member add': [
    { name: 'peer-urls', type: 'string', usage: 'comma separated peer URLs for the new member.' },
    { name: 'learner', type: 'bool', usage: 'indicates if the new member is raft learner' },
  ],
  'member update': [
    {
      name: 'peer-urls',
      type: 'string',
      usage: 'comma separated peer URLs for the updated member.',
    },
  ],
  'member list': [
    {
      name: 'consistency',
      type: 'string',
      default: '"l"',
      usage: 'Linearizable(l) or Serializable(s)',
    },
  ],
};

/** The USAGE line of a command (its cobra `Use`). */
export function usageLine(path: string): string {
  const uses: Record<string, string> = {
    get: 'get [options] <key> [range_end]',
    put: 'put [options] <key> <value> (<value> can also be given from stdin)',
    del: 'del [options] <key> [range_end]',
    defrag: 'defrag',
    compaction: 'compaction [options] <revision>',
    'move-leader': 'move-leader <transferee-member-id>',
    'member add': 'member add <memberName> [options]',
    'member remove': 'member remove <memberID>',
    'member update': 'member update <memberID> [options]',
    'member promote': 'member promote <memberID>',
    'snapshot save': 'snapshot save <filename>',
  };
  return uses[path] ?? path;
}
