/**
 * UUIDs as the API server's objects carry them: k8s.io/apimachinery/pkg/util/uuid NewUUID is
 * google/uuid NewRandom, a version 4 UUID (RFC 4122 §4.4): the version nibble is 4 and the
 * variant bits 10, so the first digit of the fourth group is 8, 9, a or b. The simulator draws
 * the 128 bits from a hash instead of a random source, so repeated runs agree.
 */

/** A version 4 UUID from 32 hex digits (the version and variant bits overwrite theirs). */
export function uuidV4(hex: string): string {
  const h = hex.toLowerCase().padEnd(32, '0');
  const variant = '89ab'[parseInt(h[16] ?? '0', 16) & 3] ?? '8';
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
