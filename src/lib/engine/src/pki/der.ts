/**
 * Minimal DER (ASN.1) reader and writer plus PEM/base64 helpers: enough to build kubeadm's exact
 * extension bytes and to read certificates back for openssl-style output, without Buffer or DOM.
 */

/** One decoded TLV: tag byte, header length and content bytes (views into the input). */
export interface Tlv {
  readonly tag: number;
  /** Bytes of the whole element (header + content). */
  readonly raw: Uint8Array;
  readonly content: Uint8Array;
}

/** Reads the TLV at `offset`; throws on truncated input. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('DER: truncated header');
  let length = lengthByte;
  let header = 2;
  if (lengthByte & 0x80) {
    const n = lengthByte & 0x7f;
    length = 0;
    for (let i = 0; i < n; i++) {
      lengthByte = bytes[offset + 2 + i];
      if (lengthByte === undefined) throw new Error('DER: truncated length');
      length = length * 256 + lengthByte;
    }
    header += n;
  }
  if (offset + header + length > bytes.length) throw new Error('DER: truncated content');
  return {
    tag,
    raw: bytes.subarray(offset, offset + header + length),
    content: bytes.subarray(offset + header, offset + header + length),
  };
}

/** Children of a constructed element (SEQUENCE, SET, [n] EXPLICIT). */
export function children(tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < tlv.content.length;) {
    const child = readTlv(tlv.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

/** Encodes one TLV. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const lengthBytes: number[] = [];
  if (n < 0x80) lengthBytes.push(n);
  else {
    const digits: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) digits.unshift(v & 0xff);
    lengthBytes.push(0x80 | digits.length, ...digits);
  }
  const out = new Uint8Array(1 + lengthBytes.length + n);
  out[0] = tag;
  out.set(lengthBytes, 1);
  out.set(content, 1 + lengthBytes.length);
  return out;
}

/** Concatenates byte arrays. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** SEQUENCE of the given encoded elements. */
export const sequence = (...items: readonly Uint8Array[]): Uint8Array =>
  tlv(0x30, concat(...items));

/** Encodes an OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [(arcs[0] ?? 0) * 40 + (arcs[1] ?? 0)];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** Decodes OBJECT IDENTIFIER content bytes to dotted text. */
export function decodeOid(content: Uint8Array): string {
  const first = content[0] ?? 0;
  const arcs = [
    Math.min(2, Math.floor(first / 40)),
    first - Math.min(2, Math.floor(first / 40)) * 40,
  ];
  let value = 0;
  for (const b of content.subarray(1)) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes of an even-length hex string. */
export function fromHex(hex: string): Uint8Array {
  const even = hex.length % 2 ? `0${hex}` : hex;
  const out = new Uint8Array(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(even.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

/** Decodes base64 (whitespace ignored). */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** UTF-8 bytes of a string (TextEncoder is in ES2022 runtimes but not in lib ES2022 typings). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes UTF-8 (or Latin-1-compatible ASCII) bytes. */
export function fromUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    let c = b;
    let extra = 0;
    if (b >= 0xf0) [c, extra] = [b & 7, 3];
    else if (b >= 0xe0) [c, extra] = [b & 15, 2];
    else if (b >= 0xc0) [c, extra] = [b & 31, 1];
    for (let k = 1; k <= extra; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63);
    out += String.fromCodePoint(c);
    i += 1 + extra;
  }
  return out;
}

/** PEM with 64-character lines, as Go's pem.Encode and openssl write it. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** DER bytes of every PEM block with the given label, in order. */
export function fromPemAll(pem: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`, 'g');
  return Array.from(pem.matchAll(re), (m) => fromBase64(m[1] ?? ''));
}

/** DER bytes of the first PEM block with the given label; throws if there is none. */
export function fromPem(pem: string, label: string): Uint8Array {
  const der = fromPemAll(pem, label)[0];
  if (der === undefined) throw new Error(`no ${label} PEM block`);
  return der;
}
