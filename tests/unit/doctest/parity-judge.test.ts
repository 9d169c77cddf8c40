/**
 * Which real kubectl judges a parity case: the binary of the case's release minor when the
 * machine has one, else the newest older per-minor binary when it is newer than the default
 * judge (the smallest version skew available), else the default judge.
 * upstream: https://kubernetes.io/releases/version-skew-policy/#kubectl (one minor either way).
 */
import { describe, expect, it } from 'vitest';
import { judgeFor, type RealKubectl } from '../../../scripts/lib/parity/real-kubectl.ts';

const k = (minor: number): RealKubectl => ({
  path: `/opt/kubectl.1.${minor}`,
  version: `v1.${minor}.0`,
  minor,
});
const defaultJudge: RealKubectl = { path: '/usr/bin/kubectl', version: 'v1.32.4', minor: 32 };
const perMinor = [k(33), k(31), k(30), k(27)];

describe('parity judge per release minor', () => {
  it('takes the binary of the case minor when there is one', () => {
    expect(judgeFor(defaultJudge, perMinor, 'v1.30').version).toBe('v1.30.0');
  });

  it('takes the newest older binary for a minor newer than every binary', () => {
    expect(judgeFor(defaultJudge, perMinor, 'v1.37').version).toBe('v1.33.0');
  });

  it('keeps the default judge when no per-minor binary is closer', () => {
    expect(judgeFor(defaultJudge, [], 'v1.37')).toBe(defaultJudge);
    expect(judgeFor(defaultJudge, [k(27)], 'v1.29')).toBe(defaultJudge);
  });
});
