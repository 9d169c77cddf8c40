/**
 * `etcdctl get KEY [RANGE_END]` over the keyspace kube-apiserver wrote (etcd/keyspace.ts):
 * ranges, --prefix, --from-key, --limit, --order/--sort-by, --keys-only, --count-only,
 * --print-value-only, --rev, and the simple, fields and json printers.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/get_command.go (getGetOp, getCommandFunc),
 * printer_simple.go, printer_fields.go, printer_json.go; server/storage/mvcc/kvstore.go (rev errors)
 */
import type { EtcdKeyValue } from '../../src/index.ts';
import { fromUtf8 } from '../../src/pki/der.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { isByteString } from '../bytes.ts';
import { EXIT, fail } from './etcdctl-client.ts';
import { openKeyspace } from './etcdctl-keyspace.ts';
import { prefixFromKeyError, rangeEndError, selectRange } from './etcdctl-range.ts';
import { fieldsHeader, fieldsKv, jsonHeader, jsonKv, simpleKv } from './etcdctl-kv-print.ts';

const TARGETS: Record<string, (kv: EtcdKeyValue) => string | number> = {
  KEY: (kv) => kv.key,
  CREATE: (kv) => kv.createRevision,
  MODIFY: (kv) => kv.modRevision,
  VERSION: (kv) => kv.version,
  VALUE: (kv) => fromUtf8(kv.value),
};

/** `etcdctl get`. */
export function getCmd(inv: Invocation, p: ParsedFlags): number {
  const [, key, end] = p.positionals;
  if (key === undefined)
    return fail(
      inv,
      'get command needs one argument as key and an optional argument as range_end',
      EXIT.badArgs,
    );
  const conflict = prefixFromKeyError(p);
  if (conflict) return fail(inv, conflict, EXIT.badArgs);
  if (bool(p, 'keys-only') && bool(p, 'count-only'))
    return fail(
      inv,
      '`--keys-only` and `--count-only` cannot be set at the same time, choose one',
      EXIT.badArgs,
    );
  const consistency = str(p, 'consistency') ?? 'l';
  if (consistency !== 'l' && consistency !== 's')
    return fail(inv, `unknown consistency flag ${JSON.stringify(consistency)}`, EXIT.badFeature);
  // getGetOp reads args[0] and args[1] only: more arguments are ignored.
  const tooMany = rangeEndError(p, end);
  if (tooMany) return fail(inv, tooMany, EXIT.badArgs);
  // Int64 flags, checked when etcdctl.ts parsed them.
  const limit = Number(str(p, 'limit') ?? '0');
  const rev = Number(str(p, 'rev') ?? '0');
  const order = (str(p, 'order') ?? '').toUpperCase();
  if (!['', 'ASCEND', 'DESCEND'].includes(order))
    return fail(inv, `bad sort order ${str(p, 'order') ?? ''}`, EXIT.badFeature);
  const target = (str(p, 'sort-by') ?? '').toUpperCase();
  if (target !== '' && !Object.hasOwn(TARGETS, target))
    return fail(inv, `bad sort target ${str(p, 'sort-by') ?? ''}`, EXIT.badFeature);
  const w = str(p, 'write-out') ?? 'simple';
  if (!['simple', 'json', 'fields', 'protobuf'].includes(w))
    return fail(inv, `${w} not supported as output format`, EXIT.badFeature);

  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  const { header, kvs: all } = space;
  // mvcc (kvstore.go): a revision above the current one is refused, one at or below the last
  // compaction is gone. The simulator keeps no older versions of the keys in between.
  if (rev > header.revision)
    return fail(inv, 'etcdserver: mvcc: required revision is a future revision');
  if (rev > 0 && rev <= space.compacted)
    return fail(inv, 'etcdserver: mvcc: required revision has been compacted');
  if (rev > 0 && rev < header.revision)
    return fail(
      inv,
      `kubelife: the simulator keeps no history of the keyspace, only revision ${header.revision}`,
    );

  let kvs = selectRange(all, key, end, bool(p, 'prefix'), bool(p, 'from-key'));
  const by = TARGETS[target === '' ? 'KEY' : target] ?? TARGETS['KEY'];
  if (by && (target !== '' || order === 'DESCEND')) {
    kvs = [...kvs].sort((a, b) => {
      const x = by(a);
      const y = by(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    if (order === 'DESCEND') kvs.reverse();
  }
  const count = kvs.length;
  const more = limit > 0 && count > limit;
  if (limit > 0) kvs = kvs.slice(0, limit);
  const keysOnly = bool(p, 'keys-only');

  if (bool(p, 'count-only') && w !== 'fields')
    return fail(inv, '--count-only is only for `--write-out=fields`', EXIT.badArgs);
  if (bool(p, 'print-value-only') && w !== 'simple')
    return fail(inv, 'print-value-only is only for `--write-out=simple`', EXIT.badArgs);
  if (bool(p, 'count-only')) kvs = [];

  if (w === 'json') {
    const list =
      kvs.length > 0 ? `,"kvs":[${kvs.map((kv) => jsonKv(kv, keysOnly)).join(',')}]` : '';
    inv.io.out(
      `{"header":${jsonHeader(header)}${list}${more ? ',"more":true' : ''}${count > 0 ? `,"count":${count}` : ''}}`,
    );
    return 0;
  }
  if (w === 'fields') {
    const lines = [...fieldsHeader(header), ...kvs.flatMap((kv) => fieldsKv(kv, keysOnly))];
    lines.push(`"More" : ${more}`, `"Count" : ${count}`);
    for (const l of lines) inv.io.out(l);
    return 0;
  }
  if (w === 'protobuf') return fail(inv, 'kubelife: the protobuf printer is not simulated');
  const hex = bool(p, 'hex');
  for (const kv of kvs)
    for (const l of simpleKv(kv, hex, bool(p, 'print-value-only'), keysOnly))
      if (isByteString(l) && inv.io.write) inv.io.write(`${l}\n`);
      else inv.io.out(l);
  return 0;
}
