// Saved states keep working: a session saved by the engine before the API object store (main at
// f2515d0, `kubeadm token create` on workers-joined) loads through migrateState, and states that
// are not ours are refused with a clear message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, type SerializedState } from 'kubelife';

const saved = JSON.parse(
  readFileSync(new URL('./fixtures/saved-by-main-workers-joined.json', import.meta.url), 'utf8'),
) as SerializedState;

describe('saved states', () => {
  it('loads a state saved before the object store and shows its Services and Deployments', async () => {
    const s = createSession({ state: saved });

    const svc = await s.run('kubectl get svc -A');
    const deploy = await s.run('kubectl get deploy -n kube-system');

    expect(svc.stdout).toContain('kube-dns');
    expect(deploy.stdout).toMatch(/coredns\s+2\/2/);
  });

  it('keeps what the old state knew: nodes, pods and both tokens', async () => {
    const s = createSession({ state: saved });

    const nodes = await s.run('kubectl get nodes');
    const secrets = await s.run('kubectl get secrets -n kube-system');

    expect(nodes.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(secrets.stdout.match(/bootstrap-token-/g)).toHaveLength(2);
  });

  it('refuses a damaged state with a clear message instead of crashing', () => {
    const damaged = {
      ...saved,
      state: { ...saved.state, cluster: { nodes: 3 } },
    } as unknown as SerializedState;

    // The saved-state schema (model/cluster-schema.ts) names the field as well.
    expect(() => createSession({ state: damaged })).toThrow(
      'invalid saved state: state.cluster.nodes: the cluster has no nodes',
    );
  });
});
