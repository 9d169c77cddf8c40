// Served Nodes reuse the parts that change only with the stored object or the machine
// (objects/node-object.ts): a listing at 5,000 nodes rebuilds just the clock-dependent
// conditions and taints. These tests pin that the reuse never serves a stale answer.
import { describe, expect, it } from 'vitest';
import { createSession, getObject } from 'kubelife';
import { updateMachine } from '../../../src/lib/engine/src/state/create.ts';

type NodeInfo = { containerRuntimeVersion: string; kubeletVersion: string };
type Status = {
  addresses: { address: string; type: string }[];
  nodeInfo: NodeInfo;
  conditions: { type: string; lastHeartbeatTime: string }[];
};
const status = (o: unknown): Status => (o as { status: Status }).status;

describe('served Node cache', () => {
  it('serves a machine change made after the node was read', () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = s.save().state;
    expect(
      status(getObject(before, 'nodes', null, 'worker-1')).nodeInfo.containerRuntimeVersion,
    ).not.toBe('containerd://9.9.9');

    const after = updateMachine(before, 'worker-1', (m) => ({
      ...m,
      ip: '10.0.0.99',
      containerd: { ...m.containerd, version: '9.9.9' },
    }));
    const node = status(getObject(after, 'nodes', null, 'worker-1'));
    expect(node.nodeInfo.containerRuntimeVersion).toBe('containerd://9.9.9');
    expect(node.addresses[0]).toEqual({ address: '10.0.0.99', type: 'InternalIP' });
  });

  it('serves a kubelet upgrade and a label written after the node was read', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const old = getObject(s.save().state, 'nodes', null, 'worker-1');
    await s.run('kubectl label node worker-1 tier=edge');
    const labelled = getObject(s.save().state, 'nodes', null, 'worker-1');
    expect(
      (labelled as { metadata: { labels: Record<string, string> } }).metadata.labels['tier'],
    ).toBe('edge');
    expect(
      (labelled as { metadata: { resourceVersion: string } }).metadata.resourceVersion,
    ).not.toBe((old as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
  });

  it('moves the heartbeat with the clock while the node’s other parts are reused', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const first = status(getObject(s.save().state, 'nodes', null, 'worker-1'));
    await s.run('kubelife clock advance 5m');
    const second = status(getObject(s.save().state, 'nodes', null, 'worker-1'));
    const hb = (st: Status) => st.conditions.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
    expect(Date.parse(hb(second) ?? '') - Date.parse(hb(first) ?? '')).toBe(5 * 60 * 1000);
    expect(second.nodeInfo).toEqual(first.nodeInfo);
  });

  it('hands out parts no reader can change for the next reader', () => {
    const s = createSession({ scenario: 'workers-joined' });
    const node = status(getObject(s.save().state, 'nodes', null, 'worker-1'));
    expect(() => {
      (node.nodeInfo as { kubeletVersion: string }).kubeletVersion = 'v0.0.0';
    }).toThrow(TypeError);
    const again = status(getObject(s.save().state, 'nodes', null, 'worker-1'));
    expect(again.nodeInfo.kubeletVersion).not.toBe('v0.0.0');
  });
});
