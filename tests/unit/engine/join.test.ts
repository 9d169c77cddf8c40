import { describe, expect, it } from 'vitest';
import { apply, buildScenario, nodeList } from 'kubelife';

const cni = buildScenario('cni-installed');
const token = cni.cluster?.tokens[0];
const tokenValue = `${token?.id}.${token?.secret}`;
const hash = `sha256:${cni.cluster?.caHash}`;
const join = (state = cni, options: Partial<{ token: string; caCertHashes: string[] }> = {}) =>
  apply(state, {
    type: 'kubeadm.join',
    machine: 'worker-1',
    options: { endpoint: '10.0.0.11:6443', token: tokenValue, caCertHashes: [hash], ...options },
  });

describe('kubeadm join', () => {
  it('joins a worker that becomes a Ready node', () => {
    const t = join();

    expect(t.ok).toBe(true);
    expect(t.ok && nodeList(t.state).map((n) => n.name)).toEqual(['cp-1', 'worker-1']);
  });

  // upstream: cmd/kubeadm/app/util/pubkeypin/pubkeypin.go
  it('rejects a wrong CA hash with the pinning error', () => {
    const t = join(cni, { caCertHashes: [`sha256:${'0'.repeat(64)}`] });

    expect(!t.ok && t.error.message).toBe(
      `error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${hash}" are pinned`,
    );
  });

  it('rejects an unknown token', () => {
    const t = join(cni, { token: 'abcdef.0123456789abcdef' });

    expect(!t.ok && t.error.message).toContain(
      'could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"',
    );
  });

  it('rejects a token after its 24h TTL on the simulated clock', () => {
    const later = apply(cni, { type: 'clock.advance', ms: 25 * 3600_000 });

    const t = later.ok ? join(later.state) : later;

    expect(t.ok).toBe(false);
  });
});
