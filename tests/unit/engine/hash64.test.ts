// hash64 is 64-bit FNV-1a over UTF-16 code units; it is computed on two 32-bit halves for speed
// (issue 10's `kubectl get nodes` at 5,000 nodes). Every simulated uid, machine-id and mirror-Pod
// hash comes from it, so the fast form must give exactly the BigInt definition's digits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hash64 } from 'kubelife';

/** The definition: FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3). */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('hash64', () => {
  it('gives the FNV-1a 64 digits of the BigInt definition for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(hash64(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the published FNV-1a 64 test vectors', () => {
    // http://www.isthe.com/chongo/src/fnv/test_fnv.c: "" and "a"
    expect(hash64('')).toBe('cbf29ce484222325');
    expect(hash64('a')).toBe('af63dc4c8601ec8c');
  });
});
