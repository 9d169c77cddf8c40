/**
 * etcdctl (v3 API) and etcdutl as used on kubeadm control-plane nodes: member list/add/remove,
 * endpoint health/status, snapshot save; etcdutl snapshot status/restore.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/{member_command,ep_command,snapshot_command,printer*}.go
 */
import {
  etcdLeader,
  findMachine,
  machineList,
  podCount,
  etcdView,
  externalEtcdOf,
  hasQuorum,
  hash64,
  isEngineError,
  memberRunning,
  normalizePath,
  parseSnapshot,
  storeRevision,
  type ClusterState,
  type EtcdMember,
} from '../../src/index.ts';
import { parseFlags, str, bool, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { formatEtcdTable, humanizeBytes } from './etcd-table.ts';
import { snapshotRestoreLog, snapshotSaveLog } from './etcd-logs.ts';
import { RESTORED_PREFIX, type RestoredData, type SnapshotData } from '../../src/etcd/ops.ts';

/** The snapshot's TOTAL SIZE: the db's base size and the objects kubelife stores in it. */
function snapshotSize(snap: SnapshotData): string {
  return humanizeBytes(4_000_000 + podCount(snap) * 12_288);
}

/** `-w, --write-out`, shared by etcdctl and etcdutl (etcdctl/ctlv3/command/global.go). */
const WRITE_OUT: FlagSpec = {
  name: 'write-out',
  short: 'w',
  type: 'string',
  usage: 'set the output format (fields, json, protobuf, simple, table)',
};

const GLOBAL: FlagSpec[] = [
  { name: 'endpoints', type: 'strings', usage: 'gRPC endpoints' },
  {
    name: 'cacert',
    type: 'string',
    usage: 'verify certificates of TLS-enabled secure servers using this CA bundle',
  },
  { name: 'cert', type: 'string', usage: 'identify secure client using this TLS certificate file' },
  { name: 'key', type: 'string', usage: 'identify secure client using this TLS key file' },
  WRITE_OUT,
  { name: 'cluster', type: 'bool', usage: 'use all endpoints from the cluster member list' },
  {
    name: 'command-timeout',
    type: 'string',
    usage: 'timeout for short running command (excluding dial timeout)',
  },
  { name: 'dial-timeout', type: 'string', usage: 'dial timeout for client connections' },
  { name: 'peer-urls', type: 'string', usage: 'comma separated peer URLs for the new member.' },
  { name: 'learner', type: 'bool', usage: 'indicates if the new member is raft learner' },
  { name: 'hex', type: 'bool', usage: 'print byte strings as hex encoded strings' },
];

const ETCD_VERSION = (state: ClusterState): string => {
  const v = /registry\.k8s\.io\/etcd:(\d+\.\d+\.\d+)/.exec(
    machineList(state)
      .map((m) => m.files['/etc/kubernetes/manifests/etcd.yaml'] ?? '')
      .join('\n'),
  );
  return v?.[1] ?? '3.6.9';
};

/**
 * A member ID as etcdctl prints it: `fmt.Sprintf("%x", id)` of the uint64 (no leading zeros;
 * etcdctl/ctlv3/command/printer.go).
 */
function hexId(id: string): string {
  return BigInt(`0x${id}`).toString(16);
}

/** True for etcd 3.6 and later, whose etcdctl prints 3.6's endpoint status columns. */
function atLeast36(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 6);
}

function fail(inv: Invocation, message: string, code = 1): number {
  inv.io.err(`Error: ${message}`);
  return code;
}

/** Resolves an endpoint URL to the member serving it (127.0.0.1 = the current machine). */
function memberAt(inv: Invocation, endpoint: string): EtcdMember | undefined {
  const e = etcdView(inv.ctx.state);
  const host = endpoint.replace(/^https?:\/\//, '').split(':')[0] ?? '';
  const machine =
    host === '127.0.0.1' || host === 'localhost'
      ? inv.machine
      : machineList(inv.ctx.state).find((m) => m.ip === host)?.name;
  return e?.members.find((m) => m.machine === machine && m.name !== '');
}

/** True when the client presents the TLS material kubeadm's etcd requires. */
function tlsOk(inv: Invocation, p: ParsedFlags): boolean {
  const m = findMachine(inv.ctx.state, inv.machine);
  const get = (flag: string, env: string): string | undefined => str(p, flag) ?? inv.ctx.env[env];
  const files = [
    get('cacert', 'ETCDCTL_CACERT'),
    get('cert', 'ETCDCTL_CERT'),
    get('key', 'ETCDCTL_KEY'),
  ];
  return files.every((f) => f !== undefined && m?.files[normalizePath(f)] !== undefined);
}

function endpointsOf(inv: Invocation, p: ParsedFlags): string[] {
  const given =
    (p.values['endpoints'] as readonly string[] | undefined) ??
    (inv.ctx.env['ETCDCTL_ENDPOINTS'] ?? '').split(',').filter((x) => x !== '');
  return given.length > 0 ? [...given] : ['127.0.0.1:2379'];
}

/** The first endpoint that answers, or an error message. */
function connect(inv: Invocation, p: ParsedFlags): EtcdMember | string {
  // An external etcd cluster answers even before (or after) a Kubernetes cluster exists.
  if (!inv.ctx.state.cluster && !externalEtcdOf(inv.ctx.state)) return 'context deadline exceeded';
  // Without the client certificate, the TLS handshake never completes and the dial times out.
  if (!tlsOk(inv, p)) return 'context deadline exceeded';
  for (const ep of endpointsOf(inv, p)) {
    const member = memberAt(inv, ep);
    if (member && memberRunning(inv.ctx.state, member)) return member;
  }
  return 'context deadline exceeded';
}

function memberCmd(inv: Invocation, p: ParsedFlags): number {
  const [, action, ...args] = p.positionals;
  const local = connect(inv, p);
  if (typeof local === 'string') return fail(inv, local);
  const state = inv.ctx.state;
  const e = etcdView(state);
  if (!e) return fail(inv, 'context deadline exceeded');
  if (action === 'list') {
    // MemberList is linearizable since etcd 3.5: without quorum the request times out.
    if (!hasQuorum(state)) return fail(inv, 'context deadline exceeded');
    // The server answers with RaftCluster.Members(), sorted by member ID.
    const members = [...e.members].sort((a, b) => {
      const x = BigInt(`0x${a.id}`);
      const y = BigInt(`0x${b.id}`);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const rows = members.map((m) => [
      hexId(m.id),
      m.name === '' ? 'unstarted' : 'started',
      m.name,
      m.peerURL,
      m.clientURL,
      String(m.learner),
    ]);
    const w = str(p, 'write-out') ?? 'simple';
    if (w === 'table')
      inv.io.out(
        formatEtcdTable(['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'], rows),
      );
    else if (w === 'json') {
      const leader = etcdLeader(state);
      const dec = (hex: string): string => BigInt(`0x${hex}`).toString();
      const header = `{"cluster_id":${dec(e.clusterId)},"member_id":${dec(local.id)},"raft_term":${raftTerm(state)}}`;
      const entries = members.map(
        (m) =>
          `{"ID":${dec(m.id)},${m.name ? `"name":"${m.name}",` : ''}"peerURLs":["${m.peerURL}"]${m.clientURL ? `,"clientURLs":["${m.clientURL}"]` : ''}${m.learner ? ',"isLearner":true' : ''}}`,
      );
      void leader;
      inv.io.out(`{"header":${header},"members":[${entries.join(',')}]}`);
    } else for (const r of rows) inv.io.out(r.join(', '));
    return 0;
  }
  if (action === 'remove') {
    const id = args[0];
    if (id === undefined) return fail(inv, 'member ID is not provided');
    const t = inv.apply({ type: 'etcd.member.remove', id });
    return t.ok ? 0 : fail(inv, t.error.message.replace(/^Error: /, ''));
  }
  if (action === 'add') {
    const name = args[0];
    const peer = str(p, 'peer-urls');
    if (name === undefined) return fail(inv, 'member name not provided');
    if (peer === undefined) return fail(inv, 'member peer urls not provided');
    const t = inv.apply({
      type: 'etcd.member.add',
      name,
      peerURL: peer,
      learner: bool(p, 'learner'),
    });
    return t.ok ? 0 : fail(inv, t.error.message.replace(/^Error: /, ''));
  }
  inv.io.err(`Error: unknown command "${action ?? ''}" for "etcdctl member"`);
  return 1;
}

function raftTerm(state: ClusterState): number {
  return 2 + (etcdView(state)?.members.length ?? 1);
}

/** Deterministic "took" duration in Go's format, e.g. 9.613462ms. */
function took(state: ClusterState, ep: string): string {
  const ns = 1_000_000 + (parseInt(hash64(`${state.now}|${ep}`).slice(0, 8), 16) % 14_000_000);
  return `${(ns / 1e6).toFixed(6).replace(/\.?0+$/, '')}ms`;
}

function endpointCmd(inv: Invocation, p: ParsedFlags): number {
  const action = p.positionals[1];
  const state = inv.ctx.state;
  if (action !== 'health' && action !== 'status') {
    inv.io.err(`Error: unknown command "${action ?? ''}" for "etcdctl endpoint"`);
    return 1;
  }
  let endpoints = endpointsOf(inv, p).map((ep) => (ep.includes('://') ? ep : ep));
  if (bool(p, 'cluster')) {
    const local = connect(inv, p);
    if (typeof local === 'string') return fail(inv, local);
    endpoints = (etcdView(state)?.members ?? [])
      .filter((m) => m.clientURL !== '')
      .map((m) => m.clientURL);
  }
  const tls = tlsOk(inv, p);
  const quorum = hasQuorum(state);
  const w = str(p, 'write-out') ?? 'simple';
  if (action === 'health') {
    const results = endpoints.map((ep) => {
      const m = memberAt(inv, ep);
      const healthy = tls && m !== undefined && memberRunning(state, m) && quorum;
      return {
        ep,
        healthy,
        took: took(state, ep),
        error: healthy ? '' : 'context deadline exceeded',
      };
    });
    if (w === 'table') {
      inv.io.out(
        formatEtcdTable(
          ['endpoint', 'health', 'took', 'error'],
          results.map((r) => [r.ep, String(r.healthy), r.took, r.error]),
        ),
      );
    } else {
      for (const r of results.filter((x) => x.healthy))
        inv.io.out(`${r.ep} is healthy: successfully committed proposal: took = ${r.took}`);
      for (const r of results.filter((x) => !x.healthy))
        inv.io.err(`${r.ep} is unhealthy: failed to commit proposal: ${r.error}`);
    }
    if (results.some((r) => !r.healthy)) return fail(inv, 'unhealthy cluster');
    return 0;
  }
  const leader = etcdLeader(state);
  const rows: string[][] = [];
  let failed = false;
  for (const ep of endpoints) {
    const m = memberAt(inv, ep);
    if (!tls || !m || !memberRunning(state, m)) {
      inv.io.err(
        `{"level":"warn","msg":"failed to get the status of endpoint","endpoint":"${ep}","error":"context deadline exceeded"}`,
      );
      failed = true;
      continue;
    }
    const index = storeRevision(state) + 37;
    const size = 4_000_000 + (state.cluster ? podCount(state) * 12_288 : 0);
    const version = ETCD_VERSION(state);
    // etcd 3.6 also reports the storage version, the space in use (80% here), the backend quota
    // (0: kubeadm sets no --quota-backend-bytes) and the downgrade state (printer.go at v3.6.x).
    const inUse = Math.floor(size * 0.8);
    const v36 = atLeast36(version)
      ? {
          storage: `${version.split('.').slice(0, 2).join('.')}.0`,
          inUse: humanizeBytes(inUse),
          notInUse: `${Math.trunc(100 - Math.trunc((inUse * 100) / size))}%`,
          quota: humanizeBytes(0),
        }
      : null;
    const errors = quorum ? '' : 'etcdserver: no leader';
    rows.push([
      ep,
      hexId(m.id),
      version,
      ...(v36 ? [v36.storage] : []),
      humanizeBytes(size),
      ...(v36 ? [v36.inUse, v36.notInUse, v36.quota] : []),
      String(leader?.id === m.id),
      String(m.learner),
      String(raftTerm(state)),
      String(index),
      String(index),
      errors,
      ...(v36 ? ['', 'false'] : []),
    ]);
  }
  if (w === 'table') {
    const v36 = atLeast36(ETCD_VERSION(state));
    inv.io.out(
      formatEtcdTable(
        [
          'endpoint',
          'ID',
          'version',
          ...(v36 ? ['storage version'] : []),
          'db size',
          ...(v36 ? ['in use', 'percentage not in use', 'quota'] : []),
          'is leader',
          'is learner',
          'raft term',
          'raft index',
          'raft applied index',
          'errors',
          ...(v36 ? ['downgrade target version', 'downgrade enabled'] : []),
        ],
        rows,
      ),
    );
  } else for (const r of rows) inv.io.out(r.join(', '));
  return failed ? 1 : 0;
}

function snapshotSave(inv: Invocation, p: ParsedFlags): number {
  const file = p.positionals[2];
  if (file === undefined) return fail(inv, 'snapshot save expects one argument', 3);
  const local = connect(inv, p);
  if (typeof local === 'string') return fail(inv, local, 5);
  const path = absolutePath(inv, file);
  const t = inv.apply({ type: 'etcd.snapshot.save', machine: inv.machine, path });
  if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''), 5);
  const snap = parseSnapshot(findMachine(inv.ctx.state, inv.machine)?.files[path]);
  for (const line of snapshotSaveLog({
    now: inv.ctx.state.now,
    file,
    endpoint: endpointsOf(inv, p)[0] ?? '127.0.0.1:2379',
    size: snap ? snapshotSize(snap) : humanizeBytes(0),
    clientVersion: ETCD_VERSION(inv.ctx.state),
    serverVersion: ETCD_VERSION(inv.ctx.state),
  }))
    inv.io.err(line);
  inv.io.out(`Snapshot saved at ${file}`);
  inv.io.out(`Server version ${ETCD_VERSION(inv.ctx.state)}`);
  return 0;
}

const HELP = `NAME:
\tetcdctl - A simple command line client for etcd3.

USAGE:
\tetcdctl [flags]

COMMANDS (simulated subset):
\tendpoint health\tChecks the healthiness of endpoints specified in \`--endpoints\` flag
\tendpoint status\tPrints out the status of endpoints specified in \`--endpoints\` flag
\tmember add\tAdds a member into the cluster
\tmember list\tLists all members in the cluster
\tmember remove\tRemoves a member from the cluster
\tsnapshot save\tStores an etcd node backend snapshot to a given file`;

export const etcdctl: CommandModule = {
  name: 'etcdctl',
  summary: 'etcd v3 client (member, endpoint, snapshot save)',
  completion: {
    flags: GLOBAL,
    subcommands: {
      endpoint: { subcommands: { health: { args: 'none' }, status: { args: 'none' } } },
      member: {
        subcommands: { add: { args: 'none' }, list: { args: 'none' }, remove: { args: 'none' } },
      },
      snapshot: { subcommands: { save: {} } },
    },
  },
  run(inv) {
    let p: ParsedFlags;
    try {
      p = parseFlags(inv.args, GLOBAL);
    } catch (error) {
      if (isEngineError(error)) return fail(inv, error.message);
      throw error;
    }
    const [group, action] = p.positionals;
    if (group === undefined || bool(p, 'help')) {
      inv.io.out(HELP);
      return 0;
    }
    if (group === 'member') return memberCmd(inv, p);
    if (group === 'endpoint') return endpointCmd(inv, p);
    if (group === 'snapshot' && action === 'save') return snapshotSave(inv, p);
    if (group === 'snapshot') {
      // etcd 3.6 removed the offline snapshot commands from etcdctl (use etcdutl).
      inv.io.err(`Error: unknown command "${action ?? ''}" for "etcdctl snapshot"`);
      return 1;
    }
    inv.io.err(`Error: unknown command "${group}" for "etcdctl"`);
    return 1;
  },
};

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
      const version = ETCD_VERSION(inv.ctx.state).replace(/\.\d+$/, '.0');
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
