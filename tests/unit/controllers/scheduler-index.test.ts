// The scheduler's pending Pods come from the store's `pods/pending` index and each node's usage
// from its `pods/spec.nodeName` entry (controllers/scheduler.ts): what it decides stays the
// default scheduler's (NodeResourcesFit, the fewest Pods first), and a state saved before the
// index existed gets it rebuilt on load (state/migrate.ts).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, type SerializedState } from 'kubelife';

/** A Pod whose nodeSelector no node matches yet. */
const PENDING = `cat <<YAML | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: web
    image: nginx
YAML`;

const nodeOf = (s: ReturnType<typeof createSession>, name: string): unknown =>
  (getObject(s.save().state, 'pods', 'default', name)?.['spec'] as { nodeName?: string })?.nodeName;

describe('scheduler indexes', () => {
  it('binds a Pod that waited for a matching node once a node gets the label', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(PENDING);
    const before = nodeOf(s, 'web');

    await s.run('kubectl label node worker-2 disk=ssd');

    expect(before).toBeUndefined();
    expect(nodeOf(s, 'web')).toBe('worker-2');
  });

  it('rebuilds the pending index of a state saved without it, so its Pending Pod is still placed', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(PENDING);
    const saved = JSON.parse(JSON.stringify(s.save())) as SerializedState;
    const objects = saved.state.cluster?.objects as { indexes?: Record<string, unknown> };
    delete objects.indexes?.['pods/pending'];

    const loaded = createSession({ state: saved });
    await loaded.run('kubectl label node worker-1 disk=ssd');

    expect(nodeOf(loaded, 'web')).toBe('worker-1');
  });

  it('places each new Pod on the node with the fewest Pods, counting the Pods bound in the same pass', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl create deployment web --image=nginx --replicas=4');

    const r = await s.run('kubectl get pods -l app=web -o jsonpath={.items[*].spec.nodeName}');
    const counts = r.stdout
      .trim()
      .split(' ')
      .reduce<Record<string, number>>((c, n) => {
        c[n] = (c[n] ?? 0) + 1;
        return c;
      }, {});
    expect(counts).toEqual({ 'worker-1': 2, 'worker-2': 2 });
  });
});
