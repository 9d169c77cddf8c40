/**
 * etcd operations as pure transitions: member add/remove (etcdctl/ctlv3/command/member_command.go),
 * snapshot save (etcdctl snapshot save) and restore (etcdutl snapshot restore), and the moment a
 * restored data directory is picked up by the etcd static Pod.
 */
import { namespaceNames } from '../state/namespaces.ts';
import { nodeCount } from '../state/nodes.ts';
import { podCount } from '../state/pods.ts';
import { clusterStart } from '../objects/legacy-meta.ts';
import type { Cluster, ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import { normalizePath } from '../machine/system.ts';
import {
  etcdView,
  hash64,
  hasQuorum,
  memberFor,
  type EtcdClusterState,
  type EtcdMember,
} from './model.ts';
import { findMachine, machineList } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';
import { nodeOfMachine } from '../views/node-index.ts';
import { storeLegacyRecords } from '../state/legacy-records.ts';

/** Prefix of a snapshot file's content: the serialized cluster objects it holds. */
export const SNAPSHOT_PREFIX = '@etcd-snapshot:';
/** Prefix of a restored data directory's db file. */
export const RESTORED_PREFIX = '@etcd-restored:';

/** What a snapshot file holds. */
export interface SnapshotData {
  /** The API objects (everything on the Cluster except etcd's own membership). */
  readonly cluster: Cluster;
  readonly revision: number;
  readonly totalKeys: number;
  readonly takenAt: number;
}

/** What a restored data dir holds: the snapshot plus the new single-cluster identity. */
export interface RestoredData extends SnapshotData {
  readonly clusterId: string;
  readonly member: { readonly id: string; readonly name: string; readonly peerURL: string };
}

/** The state with `etcd` as the explicit membership. */
export function withEtcd(state: ClusterState, etcd: EtcdClusterState): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  return { ...state, cluster: { ...c, etcd } as Cluster };
}

/** Number of keys kubeadm's cluster keeps in etcd: a fixed base (RBAC, config, leases…) + objects. */
export function totalKeys(c: Cluster): number {
  return (
    300 +
    nodeCount({ cluster: c }) * 3 +
    podCount({ cluster: c }) +
    namespaceNames({ cluster: c }).length +
    c.tokens.length
  );
}

/**
 * The store revision: grows with every write; kubelet leases (every 10s per node) and leader
 * election leases dominate, so it is derived from cluster age and size.
 */
export function storeRevision(state: ClusterState): number {
  const c = state.cluster;
  if (!c) return 1;
  const born = clusterStart(state);
  const writers = nodeCount(state) + 2;
  const bump = (c as { etcd?: EtcdClusterState }).etcd?.revisionBump ?? 0;
  return 400 + totalKeys(c) + Math.floor((state.now - born) / 10_000) * writers + bump;
}

/** Adds a member (`etcdctl member add NAME --peer-urls=URL [--learner]`): unstarted until it runs. */
export function applyMemberAdd(
  state: ClusterState,
  name: string,
  peerURL: string,
  learner: boolean,
): Transition {
  const e = etcdView(state);
  if (!e) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  if (!hasQuorum(state))
    return fail(new EngineError('Etcdctl', { message: 'etcdserver: request timed out' }));
  if (e.members.some((m) => m.peerURL === peerURL)) {
    return fail(new EngineError('Etcdctl', { message: 'etcdserver: Peer URLs already exists' }));
  }
  const host = /\/\/([^:/]+)/.exec(peerURL)?.[1] ?? '';
  const machine = machineList(state).find((m) => m.ip === host)?.name ?? '';
  const member: EtcdMember = {
    id: hash64(`${peerURL}|etcd-cluster|${state.now}`),
    name: '',
    machine,
    peerURL,
    clientURL: '',
    learner,
  };
  const members = [...e.members, member];
  const next = withEtcd(state, { ...e, members });
  const initial = [...e.members.filter((m) => m.name !== ''), { ...member, name }]
    .map((m) => `${m.name}=${m.peerURL}`)
    .join(',');
  const out = [
    `Member ${hex16(member.id)} added${member.learner ? ' as learner ' : ' '}to cluster ${hex16(e.clusterId)}`,
    '',
    `ETCD_NAME="${name}"`,
    `ETCD_INITIAL_CLUSTER="${initial}"`,
    `ETCD_INITIAL_ADVERTISE_PEER_URLS="${peerURL}"`,
    'ETCD_INITIAL_CLUSTER_STATE="existing"',
  ].join('\n');
  return ok(next, [text(out)]);
}

/**
 * An ID as etcdctl's `%16x` prints it: the uint64 in hex without leading zeros, space-padded to 16
 * (etcdctl/ctlv3/command/printer_simple.go, MemberAdd/MemberRemove, v3.6).
 */
export function hex16(id: string): string {
  return BigInt(`0x${id}`).toString(16).padStart(16, ' ');
}

/** Removes a member by hex ID (`etcdctl member remove ID`). */
export function applyMemberRemove(state: ClusterState, id: string): Transition {
  const e = etcdView(state);
  if (!e) return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  if (!/^[0-9a-f]{1,16}$/i.test(id)) {
    return fail(
      new EngineError('Etcdctl', {
        message: `bad member ID arg (strconv.ParseUint: parsing "${id}": invalid syntax), expecting ID in Hex`,
      }),
    );
  }
  const want = id.toLowerCase().padStart(16, '0');
  if (!e.members.some((m) => m.id === want))
    return fail(new EngineError('Etcdctl', { message: 'etcdserver: member not found' }));
  if (!hasQuorum(state))
    return fail(new EngineError('Etcdctl', { message: 'etcdserver: request timed out' }));
  const next = withEtcd(state, { ...e, members: e.members.filter((m) => m.id !== want) });
  return ok(next, [text(`Member ${hex16(want)} removed from cluster ${hex16(e.clusterId)}`)]);
}

/** Marks the unstarted member on `machine` as started (its etcd came up and published its name). */
export function startAddedMember(state: ClusterState, machine: string, name: string): ClusterState {
  const e = (state.cluster as { etcd?: EtcdClusterState } | null)?.etcd;
  if (!e) return state;
  const derived = memberFor(state, machine, name);
  const existing = e.members.find((m) => m.machine === machine);
  const members = existing
    ? e.members.map((m) =>
        m.machine === machine ? { ...m, name, clientURL: derived.clientURL, learner: false } : m,
      )
    : [...e.members, { ...derived, id: hash64(`${derived.peerURL}|etcd-cluster|${state.now}`) }];
  return withEtcd(state, { ...e, members });
}

/** `etcdctl snapshot save PATH` against the local member: writes the file on `machine`. */
export function applySnapshotSave(state: ClusterState, machine: string, path: string): Transition {
  const c = state.cluster;
  if (!c || !hasQuorum(state))
    return fail(new EngineError('Etcdctl', { message: 'context deadline exceeded' }));
  const { etcd: _membership, ...objects } = c as Cluster & { etcd?: EtcdClusterState };
  const data: SnapshotData = {
    cluster: objects,
    revision: storeRevision(state),
    totalKeys: totalKeys(c),
    takenAt: state.now,
  };
  const m = findMachine(state, machine);
  if (!m) return fail(new EngineError('NoSuchMachine', { machine }));
  const file = normalizePath(path);
  return ok({
    ...state,
    machines: setKeyed(state.machines, machine, {
      ...m,
      files: { ...m.files, [file]: SNAPSHOT_PREFIX + JSON.stringify(data) },
    }),
  });
}

/** Parses a snapshot file's content, or null when it is not one. */
export function parseSnapshot(content: string | undefined): SnapshotData | null {
  if (content === undefined || !content.startsWith(SNAPSHOT_PREFIX)) return null;
  return JSON.parse(content.slice(SNAPSHOT_PREFIX.length)) as SnapshotData;
}

/** Options of `etcdutl snapshot restore`. */
export interface RestoreOptions {
  readonly file: string;
  readonly dataDir: string;
  readonly name: string;
  readonly peerURL: string;
  readonly initialCluster: string;
  readonly clusterToken: string;
}

/** `etcdutl snapshot restore`: writes a new data dir with a fresh cluster identity. */
export function applySnapshotRestore(
  state: ClusterState,
  machine: string,
  o: RestoreOptions,
): Transition {
  const m = findMachine(state, machine);
  if (!m) return fail(new EngineError('NoSuchMachine', { machine }));
  const snap = parseSnapshot(m.files[normalizePath(o.file)]);
  if (m.files[normalizePath(o.file)] === undefined) {
    return fail(
      new EngineError('Etcdctl', { message: `open ${o.file}: no such file or directory` }),
    );
  }
  if (!snap)
    return fail(
      new EngineError('Etcdctl', {
        message: 'snapshot file integrity check failed. 2 errors found.',
      }),
    );
  const dir = normalizePath(o.dataDir);
  if (Object.keys(m.files).some((p) => p.startsWith(`${dir}/`))) {
    // etcdutl refuses to restore over an existing data dir (unsure of the exact 3.6 wording).
    return fail(
      new EngineError('Etcdctl', {
        message: `data-dir "${o.dataDir}" not empty or could not be read`,
      }),
    );
  }
  // etcd derives IDs from the peer URLs and the cluster token; with the defaults this gives the
  // well-known member 8e9e05c52164694d in cluster cdf818194e3a8c32.
  const isDefault = o.peerURL === 'http://localhost:2380' && o.clusterToken === 'etcd-cluster';
  const id = isDefault ? '8e9e05c52164694d' : hash64(`${o.peerURL}|${o.clusterToken}`);
  const clusterId = isDefault
    ? 'cdf818194e3a8c32'
    : hash64(`cluster|${o.initialCluster}|${o.clusterToken}`);
  const restored: RestoredData = {
    ...snap,
    clusterId,
    member: { id, name: o.name, peerURL: o.peerURL },
  };
  const files = {
    ...m.files,
    [`${dir}/member/snap/db`]: RESTORED_PREFIX + JSON.stringify(restored),
    [`${dir}/member/wal/0000000000000000-0000000000000000.wal`]: '',
  };
  // What etcdutl logs is the shell's to print (shell/commands/etcd-logs.ts).
  return ok({ ...state, machines: setKeyed(state.machines, machine, { ...m, files }) });
}

const ETCD_MANIFEST = '/etc/kubernetes/manifests/etcd.yaml';

/** The data dir the etcd static Pod on `machine` uses: the etcd-data hostPath, else --data-dir. */
export function etcdDataDir(manifest: string): string {
  const host =
    /hostPath:\s*\n\s*path:\s*(\S+)\s*\n\s*type: DirectoryOrCreate\s*\n\s*name: etcd-data/.exec(
      manifest,
    )?.[1];
  return host ?? /--data-dir=(\S+)/.exec(manifest)?.[1] ?? '/var/lib/etcd';
}

/**
 * After a file change on `machine`: if the etcd static Pod now points at a restored data dir it
 * has not loaded yet, etcd starts from it - the cluster's API objects become the snapshot's and
 * membership shrinks to the restored single member. Everything written after the snapshot is gone.
 */
export function syncEtcdDataDir(state: ClusterState, machine: string): ClusterState {
  const m = findMachine(state, machine);
  const c = state.cluster;
  const manifest = m?.files[ETCD_MANIFEST];
  if (!m || !c || manifest === undefined) return state;
  const dir = normalizePath(etcdDataDir(manifest));
  const db = m.files[`${dir}/member/snap/db`];
  if (db === undefined || !db.startsWith(RESTORED_PREFIX)) return state;
  const source = `${machine}:${dir}`;
  const current = (c as { etcd?: EtcdClusterState & { dataSource?: string } }).etcd;
  if (current?.dataSource === source) return state;
  const r = JSON.parse(db.slice(RESTORED_PREFIX.length)) as RestoredData;
  const node = nodeOfMachine(c, machine)?.name ?? r.member.name;
  const advertised = /--advertise-client-urls=(\S+)/.exec(manifest)?.[1] ?? `https://${m.ip}:2379`;
  // On start etcd publishes its --name and client URLs; the peer URL stays what restore wrote.
  const member: EtcdMember = {
    id: r.member.id,
    name: node,
    machine,
    peerURL: r.member.peerURL,
    clientURL: advertised,
    learner: false,
  };
  const etcd = {
    clusterId: r.clusterId,
    members: [member],
    revisionBump: 1_000_000 - 0,
    dataSource: source,
  };
  return storeLegacyRecords({ ...state, cluster: { ...r.cluster, etcd } as Cluster });
}
