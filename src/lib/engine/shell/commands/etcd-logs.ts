/**
 * The log lines etcd 3.6's tools print around snapshots, as real transcripts of etcdctl/etcdutl
 * 3.6.4 and 3.6.12 show them (callers from those builds; the client library's caller carries its
 * module version, `v3@v3.6.9/maintenance.go:236`):
 * - `etcdctl snapshot save` (etcdutl/snapshot/v3_snapshot.go SaveWithVersion with a zap JSON
 *   logger, client/v3/maintenance.go Snapshot): six JSON lines on stderr, then "Snapshot saved
 *   at" on stdout.
 * - `etcdutl snapshot restore` (etcdutl/etcdutl/common.go GetLogger: zap console encoding, RFC 3339
 *   times; bbolt opens the db three times, schema/membership.go trims membership).
 * The simulated clock has millisecond precision; the microseconds and durations are fixed
 * offsets from it (a transcript's own spacing), the Go pointers fixed values.
 */
import { formatRfc3339 } from '../../src/index.ts';

/** zap's JSON time: RFC 3339 with microseconds, UTC. */
function jsonTime(ms: number, micros: number): string {
  const base = formatRfc3339(Math.floor(ms / 1000) * 1000).replace(/Z$/, '');
  const frac = ((ms % 1000) * 1000 + micros) % 1_000_000;
  return `${base}.${String(frac).padStart(6, '0')}Z`;
}

/** The stderr lines of `etcdctl snapshot save FILE` against `endpoint`. */
export function snapshotSaveLog(o: {
  readonly now: number;
  readonly file: string;
  readonly endpoint: string;
  readonly size: string;
  readonly clientVersion: string;
  readonly serverVersion: string;
}): string[] {
  const client = `v3@v${o.clientVersion}`;
  const line = (micros: number, fields: string): string =>
    `{"level":"info","ts":"${jsonTime(o.now, micros)}",${fields}}`;
  return [
    line(
      0,
      `"caller":"snapshot/v3_snapshot.go:83","msg":"created temporary db file","path":"${o.file}.part"`,
    ),
    line(
      6435,
      `"logger":"client","caller":"${client}/maintenance.go:236","msg":"opened snapshot stream; downloading"`,
    ),
    line(
      16525,
      `"caller":"snapshot/v3_snapshot.go:96","msg":"fetching snapshot","endpoint":"${o.endpoint}"`,
    ),
    line(
      62717,
      `"logger":"client","caller":"${client}/maintenance.go:302","msg":"completed snapshot read; closing"`,
    ),
    line(
      85523,
      `"caller":"snapshot/v3_snapshot.go:111","msg":"fetched snapshot","endpoint":"${o.endpoint}","size":"${o.size}","took":"85.418064ms","etcd-version":"${o.serverVersion}"`,
    ),
    line(85796, `"caller":"snapshot/v3_snapshot.go:121","msg":"saved","path":"${o.file}"`),
  ];
}

/** zap's console encoding: time, level, [logger,] caller, message, then the fields as JSON. */
function consoleLine(
  now: number,
  caller: string,
  msg: string,
  fields?: Readonly<Record<string, unknown>>,
  logger?: string,
): string {
  const parts = [formatRfc3339(now), 'info', ...(logger ? [logger] : []), caller, msg];
  if (fields) {
    const body = Object.entries(fields)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(', ');
    parts.push(`{${body}}`);
  }
  return parts.join('\t');
}

/** The stderr lines of `etcdutl snapshot restore` writing `dataDir`. */
export function snapshotRestoreLog(o: {
  readonly now: number;
  readonly file: string;
  readonly dataDir: string;
  readonly clusterId: string;
  readonly memberId: string;
  readonly peerURL: string;
}): string[] {
  const db = `${o.dataDir}/member/snap/db`;
  const paths = {
    path: o.file,
    'wal-dir': `${o.dataDir}/member/wal`,
    'data-dir': o.dataDir,
    'snap-dir': `${o.dataDir}/member/snap`,
    'initial-memory-map-size': 10737418240,
  };
  const open = (logger: string): string[] => [
    consoleLine(
      o.now,
      'backend/backend.go:203',
      `Opening db file (${db}) with mode -rw------- and with options: {Timeout: 0s, NoGrowSync: false, NoFreelistSync: true, PreLoadFreelist: false, FreelistType: , ReadOnly: false, MmapFlags: 8000, InitialMmapSize: 10737418240, PageSize: 0, NoSync: false, OpenFile: 0x0, Mlock: false, Logger: ${logger}}`,
      undefined,
      'bbolt',
    ),
    consoleLine(
      o.now,
      'bbolt@v1.4.2/db.go:321',
      `Opening bbolt db (${db}) successfully`,
      undefined,
      'bbolt',
    ),
  ];
  return [
    consoleLine(o.now, 'snapshot/v3_snapshot.go:305', 'restoring snapshot', paths),
    ...open('0xc000136098'),
    consoleLine(
      o.now,
      'schema/membership.go:138',
      'Trimming membership information from the backend...',
    ),
    ...open('0xc000092018'),
    consoleLine(o.now, 'membership/cluster.go:424', 'added member', {
      'cluster-id': o.clusterId,
      'local-member-id': '0',
      'added-peer-id': o.memberId,
      'added-peer-peer-urls': [o.peerURL],
      'added-peer-is-learner': false,
    }),
    ...open('0xc0001f8018'),
    consoleLine(o.now, 'snapshot/v3_snapshot.go:333', 'restored snapshot', paths),
  ];
}
