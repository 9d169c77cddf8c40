/**
 * `etcdctl endpoint hashkv`: the hash of each member's key-value history; members of one cluster
 * hold the same keys, so they print the same hash.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/ep_command.go (epHashKVCommandFunc: "Failed to get
 * the hash of endpoint %s (%v)", then the last error), printer.go
 * (makeEndpointHashKVTable: endpoint, hash), printer_simple.go, printer_json.go; measured on
 * etcdctl 3.4.23 for the JSON shape ({"Endpoint":…,"HashKV":{header, hash, compact_revision}})
 */
import { hash64, memberRunning } from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { formatEtcdTable } from './etcd-table.ts';
import { endpointsOf, fail, memberAt, tlsOk } from './etcdctl-client.ts';
import { openKeyspace } from './etcdctl-keyspace.ts';
import { jsonHeader } from './etcdctl-kv-print.ts';
import { clusterEndpoints } from './etcdctl-maintenance.ts';
import { toHex } from '../../src/pki/der.ts';

/** `etcdctl endpoint hashkv [--cluster]`. */
export function hashkvCmd(inv: Invocation, p: ParsedFlags): number {
  const eps = bool(p, 'cluster') ? clusterEndpoints(inv, p) : endpointsOf(inv, p);
  if (typeof eps === 'string') return fail(inv, eps);
  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  const digest = hash64(space.kvs.map((kv) => `${kv.key}\u0000${toHex(kv.value)}`).join('\u0001'));
  const hash = String(parseInt(digest.slice(0, 8), 16));
  const rows: string[][] = [];
  const json: string[] = [];
  for (const ep of eps) {
    const m = memberAt(inv, ep);
    if (!tlsOk(inv, p) || !m || !memberRunning(inv.ctx.state, m)) {
      inv.io.err(`Failed to get the hash of endpoint ${ep} (context deadline exceeded)`);
      continue;
    }
    rows.push([ep, hash]);
    const header = jsonHeader({ ...space.header, memberId: m.id });
    json.push(
      `{"Endpoint":"${ep}","HashKV":{"header":${header},"hash":${hash},"compact_revision":${space.compacted > 0 ? space.compacted : -1}}}`,
    );
  }
  const w = str(p, 'write-out') ?? 'simple';
  if (w === 'json') inv.io.out(`[${json.join(',')}]`);
  else if (w === 'table') inv.io.out(formatEtcdTable(['endpoint', 'hash'], rows));
  else for (const r of rows) inv.io.out(r.join(', '));
  return rows.length === eps.length ? 0 : fail(inv, 'context deadline exceeded');
}
