// The DaemonSet controller for a reader's DaemonSets: pkg/controller/daemon/daemon_controller.go
// (podsShouldBeOnNode: nodeSelector, taints the Pod does not tolerate), daemonset_util.go
// (AddOrUpdateDaemonPodTolerations; the Pod bound through a metadata.name node affinity).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects } from 'kubelife';

type Session = ReturnType<typeof createSession>;

const MANIFEST = (name: string, selector = '') =>
  `printf 'apiVersion: apps/v1\\nkind: DaemonSet\\nmetadata:\\n  name: ${name}\\nspec:\\n  selector:\\n    matchLabels:\\n      app: ${name}\\n  template:\\n    metadata:\\n      labels:\\n        app: ${name}\\n    spec:\\n${selector}      containers:\\n      - name: ${name}\\n        image: busybox\\n' > ${name}.yaml`;

const nodesOf = (s: Session, app: string) =>
  listObjects(s.save().state, 'pods', 'default')
    .filter((p) => p.metadata.labels?.['app'] === app)
    .map((p) => (p['spec'] as { nodeName: string }).nodeName)
    .sort();

describe('a reader’s DaemonSet', () => {
  it('runs one Pod per worker, none on the tainted control plane until the taint goes', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(MANIFEST('agent'));

    await s.run('kubectl create -f agent.yaml');
    const before = nodesOf(s, 'agent');
    await s.run('kubectl taint nodes cp-1 node-role.kubernetes.io/control-plane-');

    expect(before).toEqual(['worker-1', 'worker-2']);
    expect(nodesOf(s, 'agent')).toEqual(['cp-1', 'worker-1', 'worker-2']);
  });

  it('follows its nodeSelector and replaces a deleted Pod under a new name', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl label node worker-2 disk=ssd');
    await s.run(MANIFEST('ssd', '      nodeSelector:\\n        disk: ssd\\n'));
    await s.run('kubectl create -f ssd.yaml');
    const [first] = listObjects(s.save().state, 'pods', 'default');

    await s.run(`kubectl delete pod ${first?.metadata.name ?? ''}`);
    const [second] = listObjects(s.save().state, 'pods', 'default');

    expect(nodesOf(s, 'ssd')).toEqual(['worker-2']);
    expect(second?.metadata.name).toMatch(/^ssd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(second?.metadata.name).not.toBe(first?.metadata.name);
  });

  it('takes its Pods away with it when deleted', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(MANIFEST('agent'));
    await s.run('kubectl create -f agent.yaml');

    await s.run('kubectl delete daemonset agent');

    expect(nodesOf(s, 'agent')).toEqual([]);
  });
});
