import { describe, expect, it } from 'vitest';
import { parseVersion, isVersion, normalizeVersion } from 'kubelife';

describe('parseVersion', () => {
  it.each([
    ['v1.36.4', 'v1.36.4'],
    ['1.34.2', 'v1.34.2'],
    ['v1.32.0-rc.2', 'v1.32.0-rc.2'],
    ['v1.32.0-alpha.1+abc', 'v1.32.0-alpha.1+abc'],
  ])('accepts %s as %s', (input, expected) => {
    const normalized = normalizeVersion(input);

    expect(normalized).toBe(expected);
  });

  it.each(['v1.31.2.1', '1.31', 'v1', 'latest', 'v01.2.3', ''])('rejects %s', (input) => {
    const valid = isVersion(input);

    expect(valid).toBe(false);
  });

  it('rejects a 4-part version with the apimachinery wording', () => {
    const attempt = (): unknown => parseVersion('v1.31.2.1');

    expect(attempt).toThrow('illegal version string "v1.31.2.1"');
  });
});
