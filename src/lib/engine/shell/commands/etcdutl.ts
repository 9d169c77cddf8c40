/**
 * etcdutl (etcd 3.5+): the offline tool, `snapshot status` and `snapshot restore`.
 * upstream: etcd-io/etcd etcdutl/ctl.go, etcdutl/etcdutl/snapshot_command.go, printer.go
 */
import { findMachine, hash64, isEngineError, parseSnapshot } from '../../src/index.ts';
import { RESTORED_PREFIX, type RestoredData } from '../../src/etcd/ops.ts';
import { bool, parseFlags, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { CommandModule } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { formatEtcdTable } from './etcd-table.ts';
import { snapshotRestoreLog } from './etcd-logs.ts';
import { etcdVersion, fail, WRITE_OUT } from './etcdctl-client.ts';
import { snapshotSize } from './etcdctl-snapshot.ts';

const UTL_FLAGS: FlagSpec[] = [
  WRITE_OUT,
  { name: 'data-dir', type: 'string', usage: 'Path to the output data directory' },
  { name: 'name', type: 'string', usage: 'Human-readable name for this member' },
  {
    name: 'initial-cluster',
    type: 'string',
    usage: 'Initial cluster configuration for restore bootstrap',
  },
  {
    name: 'initial-cluster-token',
    type: 'string',
    usage: 'Initial cluster token for the etcd cluster during restore bootstrap',
  },
  {
    name: 'initial-advertise-peer-urls',
    type: 'string',
    usage: "List of this member's peer URLs to advertise to the rest of the cluster",
  },
  {
    name: 'skip-hash-check',
    type: 'bool',
    usage: 'Ignore snapshot integrity hash value (required if copied from data directory)',
  },
];

// etcdutl's help is cobra's usage text (etcdutl/ctl.go sets the help template to UsageString);
// checked against etcd v3.6 etcdutl/ctl.go and the commands' Short texts.
const UTL_WRITE_OUT =
  '-w, --write-out string   set the output format (fields, json, protobuf, simple, table) (default "simple")';
const UTL_HELP = `Usage:
  etcdutl [command]

Available Commands:
  completion  Generate completion script
  defrag      Defragments the storage of the etcd
  hashkv      Prints the KV history hash of a given file
  help        Help about any command
  migrate     Migrates schema of etcd data dir files to make them compatible with different etcd version
  snapshot    Manages etcd node snapshots
  version     Prints the version of etcdutl

Flags:
  -h, --help               help for etcdutl
  ${UTL_WRITE_OUT}

Use "etcdutl [command] --help" for more information about a command.`;
const UTL_SNAPSHOT_HELP = `Usage:
  etcdutl snapshot [command]

Available Commands:
  restore     Restores an etcd member snapshot to an etcd directory
  status      Gets backend snapshot status of a given file

Flags:
  -h, --help   help for snapshot

Global Flags:
  ${UTL_WRITE_OUT}

Use "etcdutl snapshot [command] --help" for more information about a command.`;

/** The `etcdutl` command. */
export const etcdutl: CommandModule = {
  name: 'etcdutl',
  summary: 'etcd offline utility (snapshot status, snapshot restore)',
  run(inv) {
    let p: ParsedFlags;
    try {
      p = parseFlags(inv.args, UTL_FLAGS);
    } catch (error) {
      if (isEngineError(error)) return fail(inv, error.message);
      throw error;
    }
    const [group, action, file] = p.positionals;
    if (group === undefined || group === 'help' || (group !== 'snapshot' && bool(p, 'help'))) {
      inv.io.out(UTL_HELP);
      return 0;
    }
    if (group === 'snapshot' && (action === undefined || bool(p, 'help'))) {
      inv.io.out(UTL_SNAPSHOT_HELP);
      return 0;
    }
    if (group !== 'snapshot' || (action !== 'status' && action !== 'restore')) {
      inv.io.err(
        `Error: unknown command "${[group, action].filter(Boolean).join(' ')}" for "etcdutl"`,
      );
      return 1;
    }
    if (file === undefined) return fail(inv, `snapshot ${action} requires exactly one argument`);
    const path = absolutePath(inv, file);
    const m = findMachine(inv.ctx.state, inv.machine);
    if (action === 'status') {
      const content = m?.files[path];
      if (content === undefined) return fail(inv, `stat ${file}: no such file or directory`);
      const snap = parseSnapshot(content);
      if (!snap) return fail(inv, 'invalid database');
      const hash = parseInt(hash64(content).slice(0, 8), 16).toString(16);
      const size = snapshotSize(snap);
      const version = etcdVersion(inv.ctx.state).replace(/\.\d+$/, '.0');
      const row = [hash, String(snap.revision), String(snap.totalKeys), size, version];
      if ((str(p, 'write-out') ?? 'simple') === 'table')
        inv.io.out(
          formatEtcdTable(['hash', 'revision', 'total keys', 'total size', 'version'], [row]),
        );
      else inv.io.out(row.join(', '));
      return 0;
    }
    const name = str(p, 'name') ?? 'default';
    const t = inv.apply({
      type: 'etcd.snapshot.restore',
      machine: inv.machine,
      file: path,
      dataDir: str(p, 'data-dir') ?? `${name}.etcd`,
      name,
      peerURL: str(p, 'initial-advertise-peer-urls') ?? 'http://localhost:2380',
      initialCluster: str(p, 'initial-cluster') ?? `${name}=http://localhost:2380`,
      clusterToken: str(p, 'initial-cluster-token') ?? 'etcd-cluster',
    });
    if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''));
    const dataDir = str(p, 'data-dir') ?? `${name}.etcd`;
    const db = findMachine(inv.ctx.state, inv.machine)?.files[
      `${absolutePath(inv, dataDir)}/member/snap/db`
    ];
    const restored = db?.startsWith(RESTORED_PREFIX)
      ? (JSON.parse(db.slice(RESTORED_PREFIX.length)) as RestoredData)
      : undefined;
    if (restored)
      for (const line of snapshotRestoreLog({
        now: inv.ctx.state.now,
        file,
        dataDir,
        clusterId: restored.clusterId,
        memberId: restored.member.id,
        peerURL: restored.member.peerURL,
      }))
        inv.io.err(line);
    return 0;
  },
};
