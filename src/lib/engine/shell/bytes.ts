/**
 * Binary data in the shell's string pipes. Command output travels between pipeline stages as a
 * string; binary output (DER from `openssl rsa -outform der`) is written with `Output.write` as a
 * byte string, one character per byte (U+0000–U+00FF). A reader that wants bytes (`openssl dgst`,
 * `openssl rsa -inform der`) takes such a string as the bytes it holds, and encodes ordinary text
 * as UTF-8, as a real pipe would carry it. A string counts as binary when all its characters are
 * ≤ U+00FF and it holds a control character other than tab, newline or carriage return — text
 * never does, DER always does (its length and tag bytes).
 */
import { utf8 } from '../src/pki/der.ts';

/** True when `data` is a byte string rather than text. */
export function isByteString(data: string): boolean {
  let control = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 0xff) return false;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) control = true;
  }
  return control;
}

/** The bytes `data` stands for: a byte string as is, text as UTF-8. */
export function bytesOf(data: string): Uint8Array {
  if (isByteString(data)) return Uint8Array.from(data, (ch) => ch.charCodeAt(0));
  return utf8(data);
}

/** A byte string for `Output.write`. */
export function byteString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
