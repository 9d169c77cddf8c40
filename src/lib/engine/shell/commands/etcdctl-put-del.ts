/**
 * `etcdctl put KEY VALUE` (value from stdin when absent) and `etcdctl del KEY [RANGE_END]`.
 * A put or del under /registry acts on etcd as the real one would: a put stores the bytes (the
 * simulated API server does not read them back), a del of a stored object's key removes the
 * object at once, bypassing the API server.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/put_command.go (getPutOp), del_command.go
 * (getDelOp), printer_simple.go (Put: OK; Del: the count, then the previous pairs)
 */
import { fromUtf8 } from '../../src/pki/der.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { EXIT, fail } from './etcdctl-client.ts';
import { openKeyspace } from './etcdctl-keyspace.ts';
import { jsonHeader, jsonKv, simpleKv } from './etcdctl-kv-print.ts';
import { prefixFromKeyError, rangeEndError, selectRange } from './etcdctl-range.ts';

/** `etcdctl put`. */
export function putCmd(inv: Invocation, p: ParsedFlags): number {
  const [, key, ...rest] = p.positionals;
  const usage = 'put command needs 1 argument and input from stdin or 2 arguments';
  if (key === undefined) return fail(inv, usage, EXIT.badArgs);
  if (bool(p, 'ignore-value') && rest.length > 0)
    return fail(inv, "put command needs only 1 argument when 'ignore-value' is set", EXIT.badArgs);
  // argOrStdin: the second argument, else everything read from stdin.
  const value = rest[0] ?? inv.stdin;
  if (value === null && !bool(p, 'ignore-value')) return fail(inv, usage, EXIT.badArgs);
  const lease = str(p, 'lease') ?? '0';
  if (!/^[+-]?[0-9a-fA-F]+$/.test(lease))
    return fail(
      inv,
      `bad lease ID (strconv.ParseInt: parsing ${JSON.stringify(lease)}: invalid syntax), expecting ID in Hex`,
      EXIT.badArgs,
    );
  if (/^[+-]?0*$/.test(lease) === false) return fail(inv, 'etcdserver: requested lease not found');
  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  // The server refuses an empty key (api/v3rpc/key.go checkPutRequest: ErrGRPCEmptyKey).
  if (key === '') return fail(inv, 'etcdserver: key is not provided');
  const prev = space.kvs.find((kv) => kv.key === key);
  if (bool(p, 'ignore-value') && !prev) return fail(inv, 'etcdserver: key not found');
  const text = bool(p, 'ignore-value') && prev ? fromUtf8(prev.value) : (value ?? '');
  const t = inv.apply({ type: 'etcd.kv.put', key, value: text });
  if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''));
  const w = str(p, 'write-out') ?? 'simple';
  if (w === 'json') {
    const after = openKeyspace(inv, p);
    const header = typeof after === 'string' ? space.header : after.header;
    const prevKv = bool(p, 'prev-kv') && prev ? `,"prev_kv":${jsonKv(prev, false)}` : '';
    inv.io.out(`{"header":${jsonHeader(header)}${prevKv}}`);
    return 0;
  }
  inv.io.out('OK');
  if (bool(p, 'prev-kv') && prev)
    for (const l of simpleKv(prev, bool(p, 'hex'), false, false)) inv.io.out(l);
  return 0;
}

/** `etcdctl del`. */
export function delCmd(inv: Invocation, p: ParsedFlags): number {
  const [, key, end, ...extra] = p.positionals;
  if (key === undefined || extra.length > 0)
    return fail(
      inv,
      'del command needs one argument as key and an optional argument as range_end',
      EXIT.badArgs,
    );
  const error = prefixFromKeyError(p) ?? rangeEndError(p, end);
  if (error) return fail(inv, error, EXIT.badArgs);
  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  const gone = selectRange(space.kvs, key, end, bool(p, 'prefix'), bool(p, 'from-key'));
  // Keys the simulator cannot drop alone: objects it computes from other state, and Nodes (their
  // kubelet registers them again at once, and the simulated etcd membership follows them).
  const derived = gone.filter(
    (kv) => !kv.user && (kv.object === undefined || kv.object.resource === 'nodes'),
  );
  if (derived.length > 0)
    return fail(
      inv,
      `kubelife: ${derived[0]?.key ?? ''} is kept by the simulator from other state (a Node by its kubelet), so deleting its etcd key is not simulated`,
    );
  const t = inv.apply({
    type: 'etcd.kv.delete',
    keys: gone.filter((kv) => kv.user).map((kv) => kv.key),
    objects: gone.flatMap((kv) => (kv.object ? [kv.object] : [])),
  });
  if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''));
  inv.io.out(String(gone.length));
  if (bool(p, 'prev-kv'))
    for (const kv of gone)
      for (const l of simpleKv(kv, bool(p, 'hex'), false, false)) inv.io.out(l);
  return 0;
}
