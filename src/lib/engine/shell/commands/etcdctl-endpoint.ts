/**
 * `etcdctl endpoint health|status`.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/ep_command.go, printer.go
 * (makeEndpointStatusTable, v3.5 and v3.6 columns), printer_simple.go
 */
import { etcdLeader, hasQuorum, memberRunning, podCount, storeRevision } from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { formatEtcdTable, humanizeBytes } from './etcd-table.ts';
import {
  atLeast36,
  endpointsOf,
  etcdVersion,
  fail,
  hexId,
  memberAt,
  raftTerm,
  tlsOk,
  took,
} from './etcdctl-client.ts';
import { clusterEndpoints } from './etcdctl-maintenance.ts';

/** `etcdctl endpoint …`. */
export function endpointCmd(inv: Invocation, p: ParsedFlags): number {
  const action = p.positionals[1];
  const state = inv.ctx.state;
  if (action !== 'health' && action !== 'status') {
    inv.io.err(`Error: unknown command "${action ?? ''}" for "etcdctl endpoint"`);
    return 1;
  }
  let endpoints = endpointsOf(inv, p).map((ep) => (ep.includes('://') ? ep : ep));
  if (bool(p, 'cluster')) {
    const all = clusterEndpoints(inv, p);
    if (typeof all === 'string') return fail(inv, all);
    endpoints = all;
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
    const version = etcdVersion(state);
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
    const v36 = atLeast36(etcdVersion(state));
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
