// pkg/controller/replicaset/replica_set.go manageReplicas: a Pod deleted under a ReplicaSet is
// replaced by a new one whose name the API server generates afresh (generateName + 5 random
// characters, staging/src/k8s.io/apiserver/pkg/storage/names/generate.go).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects } from 'kubelife';

describe('a reader’s ReplicaSet', () => {
  it('replaces a deleted Pod under a new name', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');
    const [before] = listObjects(s.save().state, 'pods', 'default').map((p) => p.metadata.name);

    await s.run(`kubectl delete pod ${before ?? ''}`);
    const after = listObjects(s.save().state, 'pods', 'default').map((p) => p.metadata.name);

    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(after[0]?.slice(0, -5)).toBe(before?.slice(0, -5));
  });
});
