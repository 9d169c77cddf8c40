/**
 * How etcdctl prints key-value pairs: simple (key line, value line; `--hex` as `\xNN` escapes),
 * fields (`"Key" : %q`) and json (protobuf's JSON of the RangeResponse: base64 bytes, omitempty).
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/printer_simple.go (printKV), printer_fields.go
 * (fieldsPrinter.kv, hdr), printer_json.go (printJSON), util.go (addHexPrefix)
 */
import type { EtcdKeyValue } from '../../src/index.ts';
import { fromUtf8, toBase64, utf8 } from '../../src/pki/der.ts';
import { byteString, isByteString } from '../bytes.ts';

/** The response header etcd sends with every answer. */
export interface EtcdHeader {
  /** Hex IDs as the state keeps them. */
  readonly clusterId: string;
  readonly memberId: string;
  readonly revision: number;
  readonly raftTerm: number;
}

/** Bytes for the terminal: text as text, binary (protobuf) as a byte string (shell/bytes.ts). */
export function bytesText(b: Uint8Array): string {
  const raw = byteString(b);
  return isByteString(raw) ? raw : fromUtf8(b);
}

/** `--hex`: every byte as `\xNN` (util.go addHexPrefix of hex.EncodeToString). */
export function hexText(b: Uint8Array): string {
  return [...b].map((x) => `\\x${x.toString(16).padStart(2, '0')}`).join('');
}

/** Go's `%q` of a byte string (strconv.Quote): printable UTF-8 kept, the rest escaped. */
export function goQuote(b: Uint8Array): string {
  const named: Record<number, string> = {
    7: '\\a',
    8: '\\b',
    12: '\\f',
    10: '\\n',
    13: '\\r',
    9: '\\t',
    11: '\\v',
  };
  let out = '"';
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += '\\\\';
      else if (named[c] !== undefined) out += named[c];
      else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else out += String.fromCharCode(c);
      i++;
      continue;
    }
    const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    const chunk = b.subarray(i, i + len);
    const ch = len > 0 ? validUtf8(chunk) : '\uFFFD';
    if (len > 0 && chunk.length === len && !ch.includes('\uFFFD')) {
      out += ch;
      i += len;
    } else {
      out += `\\x${c.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return `${out}"`;
}

/** printKV: the key line and the value line (`valueOnly`: the value alone). */
export function simpleKv(
  kv: EtcdKeyValue,
  hex: boolean,
  valueOnly: boolean,
  keysOnly: boolean,
): string[] {
  const show = hex ? hexText : bytesText;
  const key = show(utf8(kv.key));
  if (valueOnly) return [show(kv.value)];
  return keysOnly ? [key, ''] : [key, show(kv.value)];
}

/** fieldsPrinter.hdr. */
export function fieldsHeader(h: EtcdHeader): string[] {
  return [
    `"ClusterID" : ${BigInt(`0x${h.clusterId}`).toString()}`,
    `"MemberID" : ${BigInt(`0x${h.memberId}`).toString()}`,
    `"Revision" : ${h.revision}`,
    `"RaftTerm" : ${h.raftTerm}`,
  ];
}

/** fieldsPrinter.kv. */
export function fieldsKv(kv: EtcdKeyValue, keysOnly: boolean): string[] {
  return [
    `"Key" : ${goQuote(utf8(kv.key))}`,
    `"CreateRevision" : ${kv.createRevision}`,
    `"ModRevision" : ${kv.modRevision}`,
    `"Version" : ${kv.version}`,
    `"Value" : ${goQuote(keysOnly ? new Uint8Array() : kv.value)}`,
    `"Lease" : ${kv.lease}`,
  ];
}

const base64 = toBase64;

/** The character a complete UTF-8 sequence encodes, or U+FFFD when it is not valid. */
function validUtf8(chunk: Uint8Array): string {
  const [lead = 0, ...rest] = chunk;
  if (rest.some((x) => (x & 0xc0) !== 0x80)) return '\uFFFD';
  const c = fromUtf8(chunk);
  const cp = c.codePointAt(0) ?? 0;
  const min = chunk.length === 2 ? 0x80 : chunk.length === 3 ? 0x800 : 0x10000;
  return lead >= 0xf8 || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? '\uFFFD' : c;
}

/** The JSON header object (uint64 IDs as decimal numbers, as encoding/json prints them). */
export function jsonHeader(h: EtcdHeader, withRevision = true): string {
  const rev = withRevision ? `,"revision":${h.revision}` : '';
  return `{"cluster_id":${BigInt(`0x${h.clusterId}`).toString()},"member_id":${BigInt(`0x${h.memberId}`).toString()}${rev},"raft_term":${h.raftTerm}}`;
}

/** One mvccpb.KeyValue in JSON (omitempty: no value with --keys-only, no lease when 0). */
export function jsonKv(kv: EtcdKeyValue, keysOnly: boolean): string {
  const value = keysOnly || kv.value.length === 0 ? '' : `,"value":"${base64(kv.value)}"`;
  const lease = kv.lease === 0 ? '' : `,"lease":${kv.lease}`;
  return `{"key":"${base64(utf8(kv.key))}","create_revision":${kv.createRevision},"mod_revision":${kv.modRevision},"version":${kv.version}${value}${lease}}`;
}
