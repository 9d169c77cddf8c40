/**
 * Seeded, deterministic pseudo-random numbers (mulberry32). The generator's whole state is one
 * 32-bit integer that lives in ClusterState, so saving and restoring a state reproduces every
 * later random choice.
 */

/** A small mutable generator, created per transition from the state's seed and discarded after. */
export interface Rng {
  /** Next float in [0, 1). */
  next(): number;
  /** Next integer in [0, n). */
  int(n: number): number;
  /** A string of `length` characters drawn from `alphabet`. */
  pick(alphabet: string, length: number): string;
  /** The generator's current state, to store back into ClusterState. */
  readonly state: number;
}

/** Creates a generator continuing from `state` (any 32-bit integer). */
export function createRng(state: number): Rng {
  let s = state >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick(alphabet, length) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)] ?? '';
      return out;
    },
    get state() {
      return s;
    },
  };
}

/** Lowercase letters and digits: bootstrap token alphabet. */
export const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Lowercase hex digits. */
export const HEX_ALPHABET = '0123456789abcdef';
/** Alphabet of generated Kubernetes name suffixes (k8s.io/apimachinery rand.String: no vowels). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
