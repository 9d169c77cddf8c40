/**
 * The keys a range request selects: one key, [key, range_end), a prefix (the empty prefix: every
 * key, from "\x00"), or every key from `key` on (--from-key), in key order.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/get_command.go and del_command.go (WithPrefix,
 * WithFromKey, WithRange), client/v3/op.go (GetPrefixRangeEnd)
 */
import type { EtcdKeyValue } from '../../src/index.ts';
import { bool, type ParsedFlags } from '../flags.ts';

/** The pairs of `all` (in key order) that the range covers. */
export function selectRange<T extends EtcdKeyValue>(
  all: readonly T[],
  key: string,
  end: string | undefined,
  prefix: boolean,
  fromKey: boolean,
): T[] {
  if (prefix) return key === '' ? [...all] : all.filter((kv) => kv.key.startsWith(key));
  if (fromKey) return all.filter((kv) => kv.key >= (key === '' ? '\u0000' : key));
  if (end !== undefined) return all.filter((kv) => kv.key >= key && kv.key < end);
  return all.filter((kv) => kv.key === key);
}

/** getGetOp/getDelOp: `--prefix` with `--from-key`, or null. */
export function prefixFromKeyError(p: ParsedFlags): string | null {
  return bool(p, 'prefix') && bool(p, 'from-key')
    ? '`--prefix` and `--from-key` cannot be set at the same time, choose one'
    : null;
}

/** getGetOp/getDelOp: a range end given with `--prefix` or `--from-key`, or null. */
export function rangeEndError(p: ParsedFlags, end: string | undefined): string | null {
  return end !== undefined && (bool(p, 'prefix') || bool(p, 'from-key'))
    ? 'too many arguments, only accept one argument when `--prefix` or `--from-key` is set'
    : null;
}
