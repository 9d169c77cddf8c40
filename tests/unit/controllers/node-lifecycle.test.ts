// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go):
// a node whose kubelet stopped keeps its last heartbeat; after --node-monitor-grace-period its
// conditions go Unknown ("Kubelet stopped posting node status.") with the unreachable taints
// added at that moment, and its Pods are marked NotReady (MarkPodsNotReady).
import { describe, expect, it } from 'vitest';
import {
  createSession,
  getObject,
  listPods,
  NODE_MONITOR_GRACE_MS,
  NODE_STATUS_REPORT_MS,
  type Session,
} from 'kubelife';

type Condition = {
  type: string;
  status: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
};
type Taint = { key: string; effect: string; timeAdded?: string };

describe('node lifecycle', () => {
  it('keeps a lost node’s last heartbeat however often it is read', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubelife fault machine-down worker-1');
    const at = s.save().state.now;
    await s.run('kubelife clock advance 10m');

    const node = getObject(s.save().state, 'nodes', null, 'worker-1');
    await s.run('kubelife clock advance 10m');
    const later = getObject(s.save().state, 'nodes', null, 'worker-1');

    const ready = (o: typeof node) =>
      (o?.['status'] as { conditions: Condition[] }).conditions.find((c) => c.type === 'Ready');
    expect(ready(node)?.status).toBe('Unknown');
    expect(ready(node)?.lastHeartbeatTime).toBe(ready(later)?.lastHeartbeatTime);
    // The last status patch before the machine went down (within nodeStatusReportFrequency).
    const hb = Date.parse(ready(node)?.lastHeartbeatTime ?? '');
    expect(hb).toBeLessThanOrEqual(at);
    expect(hb).toBeGreaterThan(at - NODE_STATUS_REPORT_MS);
    expect(Date.parse(ready(node)?.lastTransitionTime ?? '')).toBe(
      Math.floor((at + NODE_MONITOR_GRACE_MS) / 1000) * 1000,
    );
    const taints = (node?.['spec'] as { taints: Taint[] }).taints;
    expect(
      taints.filter((t) => t.key === 'node.kubernetes.io/unreachable').map((t) => t.effect),
    ).toEqual(['NoSchedule', 'NoExecute']);
  });

  it('keeps a node whose kubelet stopped Ready, with the conditions it posted last, until the grace period ends', async () => {
    // tryUpdateNodeHealth (node_lifecycle_controller.go) marks the conditions Unknown only once
    // --node-monitor-grace-period has passed since the last heartbeat (Lease renewal); until then
    // the Node shows what the kubelet posted last: Ready True, no taints, `kubectl get nodes` Ready.
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run('systemctl stop kubelet');
    await s.run('exit');
    const at = s.save().state.now;
    await s.run(`kubelife clock advance ${NODE_MONITOR_GRACE_MS / 1000 - 5}s`);

    const inGrace = getObject(s.save().state, 'nodes', null, 'worker-1');
    const ready = (o: typeof inGrace) =>
      (o?.['status'] as { conditions: Condition[] }).conditions.find((c) => c.type === 'Ready');
    expect(ready(inGrace)?.status).toBe('True');
    expect(Date.parse(ready(inGrace)?.lastHeartbeatTime ?? '')).toBeLessThanOrEqual(at);
    expect((inGrace?.['spec'] as { taints?: Taint[] }).taints ?? []).toEqual([]);
    expect((await s.run('kubectl get node worker-1 --no-headers')).stdout).toMatch(
      /^worker-1\s+Ready\s/,
    );

    await s.run('kubelife clock advance 10s');
    const lost = getObject(s.save().state, 'nodes', null, 'worker-1');
    expect(ready(lost)?.status).toBe('Unknown');
    expect(Date.parse(ready(lost)?.lastTransitionTime ?? '')).toBe(
      Math.floor((at + NODE_MONITOR_GRACE_MS) / 1000) * 1000,
    );
    expect((await s.run('kubectl get node worker-1 --no-headers')).stdout).toMatch(
      /^worker-1\s+NotReady\s/,
    );
  });

  it('keeps a lost node’s Pods 1/1 Running in the pods table: only their Ready condition changes', async () => {
    // MarkPodsNotReady (pkg/controller/util/node/controller_utils.go) sets the Pod's Ready
    // condition False and leaves the container statuses the kubelet last posted, which is what
    // kubectl's READY and STATUS columns count (printers.go printPod); real clusters show
    // `1/1 Running` on a NotReady node (kubernetes/kubernetes#96641, #123612).
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=4');
    await s.run('kubelife fault machine-down worker-1');

    const inGrace = listPods(s.save().state, null).filter((p) => p.node === 'worker-1');
    const podInGrace = await readyCondition(s);
    await s.run('kubelife clock advance 2m');
    const after = listPods(s.save().state, null).filter((p) => p.node === 'worker-1');
    const podAfter = await readyCondition(s);

    expect(inGrace.every((p) => p.ready === '1/1')).toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((p) => p.ready === '1/1' && p.status === 'Running')).toBe(true);
    expect(podInGrace?.status).toBe('True');
    expect(podAfter?.status).toBe('False');
    expect(Date.parse(podAfter?.lastTransitionTime ?? '')).toBeGreaterThan(
      Date.parse(podInGrace?.lastTransitionTime ?? ''),
    );
  });
});

/** The Ready condition of the first web Pod on worker-1. */
async function readyCondition(s: Session): Promise<Condition | undefined> {
  const r = await s.run(
    'kubectl get pods -l app=web --field-selector spec.nodeName=worker-1 -o json',
  );
  const items = (JSON.parse(r.stdout) as { items: { status: { conditions: Condition[] } }[] })
    .items;
  return items[0]?.status.conditions.find((c) => c.type === 'Ready');
}

describe('node leases', () => {
  // upstream: pkg/kubelet/nodelease (holder = node, leaseDurationSeconds 40, owned by the Node).
  it('renews a node’s Lease while its kubelet runs and freezes it when the node is lost', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubelife fault machine-down worker-1');
    await s.run('kubelife clock advance 5m');

    const state = s.save().state;
    const spec = (name: string) =>
      getObject(state, 'leases', 'kube-node-lease', name)?.['spec'] as {
        renewTime: string;
        holderIdentity: string;
      };

    expect(spec('worker-2').holderIdentity).toBe('worker-2');
    expect(Date.parse(spec('worker-2').renewTime)).toBe(state.now);
    expect(state.now - Date.parse(spec('worker-1').renewTime)).toBe(5 * 60_000);
  });
});
