// What a Node's conditions show on a kubeadm cluster with flannel, as real `kubectl describe node`
// transcripts show them: flannel's NetworkUnavailable condition first (flannel
// pkg/subnet/kube/kube.go CompleteLease, --set-node-network-unavailable true), the kubelet's
// lastHeartbeatTime moving only when it patches its status (pkg/kubelet/kubelet_node_status.go
// tryUpdateNodeStatus: on a change, or once nodeStatusReportFrequency = 5m has passed), and the
// Ready condition's lastTransitionTime equal to the kubelet's NodeReady Event.
import { describe, expect, it } from 'vitest';
import { createSession, getObject, NODE_STATUS_REPORT_MS, type Session } from 'kubelife';

type Condition = {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
};

function conditions(s: Session, node: string): Condition[] {
  const o = getObject(s.save().state, 'nodes', null, node);
  return (o?.['status'] as { conditions: Condition[] }).conditions;
}

describe('node status as the kubelet and flannel post it', () => {
  it('lists flannel’s NetworkUnavailable False FlannelIsUp first, dated when its Pod on the node started', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const pods = await s.run(
      'kubectl get pods -n kube-flannel --field-selector spec.nodeName=worker-1 -o jsonpath={.items[0].status.containerStatuses[0].state.running.startedAt}',
    );

    const [first, ...rest] = conditions(s, 'worker-1');

    expect(first).toEqual({
      lastHeartbeatTime: pods.stdout.trim(),
      lastTransitionTime: pods.stdout.trim(),
      message: 'Flannel is running on this node',
      reason: 'FlannelIsUp',
      status: 'False',
      type: 'NetworkUnavailable',
    });
    expect(rest.map((c) => c.type)).toEqual([
      'MemoryPressure',
      'DiskPressure',
      'PIDPressure',
      'Ready',
    ]);
  });

  it('has no NetworkUnavailable condition before a network add-on, nor where flannel gets no lease', async () => {
    const before = createSession({ scenario: 'control-plane-initialized' });
    expect(conditions(before, 'cp-1').map((c) => c.type)).not.toContain('NetworkUnavailable');

    // No --pod-network-cidr: no podCIDR, flanneld exits before CompleteLease.
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('ssh cp-1');
    await s.run('sudo kubeadm init');
    await s.run('mkdir -p $HOME/.kube && sudo cp /etc/kubernetes/admin.conf $HOME/.kube/config');
    await s.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );
    await s.run('kubelife clock advance 1m');
    expect(conditions(s, 'cp-1').map((c) => c.type)).not.toContain('NetworkUnavailable');
  });

  it('keeps NetworkUnavailable False when the node is lost: the controller marks only the kubelet’s conditions Unknown', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubelife fault machine-down worker-1');
    await s.run('kubelife clock advance 2m');

    const byType = Object.fromEntries(conditions(s, 'worker-1').map((c) => [c.type, c.status]));
    expect(byType).toEqual({
      NetworkUnavailable: 'False',
      MemoryPressure: 'Unknown',
      DiskPressure: 'Unknown',
      PIDPressure: 'Unknown',
      Ready: 'Unknown',
    });
  });

  it('moves lastHeartbeatTime only every nodeStatusReportFrequency while nothing changes, while the Lease renews', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const ready = () => conditions(s, 'cp-1').find((c) => c.type === 'Ready');
    const since = Date.parse(ready()?.lastTransitionTime ?? '');

    await s.run('kubelife clock advance 12m');
    const now = s.save().state.now;
    const hb = Date.parse(ready()?.lastHeartbeatTime ?? '');
    const lease = await s.run(
      'kubectl get lease cp-1 -n kube-node-lease -o jsonpath={.spec.renewTime}',
    );

    // Patched at the transition and every 5 minutes after it: the last one is 0–5 min old.
    expect((hb - since) % NODE_STATUS_REPORT_MS).toBe(0);
    expect(now - hb).toBeLessThan(NODE_STATUS_REPORT_MS);
    expect(now - hb).toBeGreaterThan(0);
    // MicroTime: keep the milliseconds for Date.parse.
    expect(Date.parse(lease.stdout.trim().replace(/(\.\d{3})\d*Z$/, '$1Z'))).toBeGreaterThan(hb);
  });

  it('dates the Ready condition’s transition at the kubelet’s NodeReady Event', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const events = await s.run(
      'kubectl get events --field-selector involvedObject.name=cp-1,reason=NodeReady -o jsonpath={.items[*].lastTimestamp}',
    );

    const ready = conditions(s, 'cp-1').find((c) => c.type === 'Ready');
    expect(events.stdout.trim().split(' ')).toContain(ready?.lastTransitionTime);
  });

  it('dates the node.kubernetes.io/unschedulable taint at the cordon, however long after it is read', async () => {
    // doNoScheduleTaintingPass (node_lifecycle_controller.go) adds the taint on the Node update
    // that set spec.unschedulable; a real cordoned node shows its timeAdded (kind transcript).
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-1');
    const at = s.save().state.now;
    await s.run('kubelife clock advance 7m');
    await s.run('kubectl drain worker-1 --ignore-daemonsets');

    const taints = await s.run('kubectl get node worker-1 -o jsonpath={.spec.taints}');
    expect(JSON.parse(taints.stdout)).toEqual([
      {
        effect: 'NoSchedule',
        key: 'node.kubernetes.io/unschedulable',
        timeAdded: new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      },
    ]);
  });

  it('carries the annotations flannel’s agent writes when it takes its lease', () => {
    // flannel kube.go AcquireLease, annotations.go (prefix flannel.alpha.coreos.com): vxlan with
    // VNI 1 and the flannel.1 device's locally administered unicast MAC, the node's address.
    const s = createSession({ scenario: 'workers-joined' });
    const o = getObject(s.save().state, 'nodes', null, 'worker-1');
    const a = (o?.['metadata'] as { annotations: Record<string, string> }).annotations;

    expect(Object.keys(a)).toEqual([...Object.keys(a)].sort());
    expect(a['flannel.alpha.coreos.com/backend-type']).toBe('vxlan');
    expect(a['flannel.alpha.coreos.com/kube-subnet-manager']).toBe('true');
    expect(a['flannel.alpha.coreos.com/public-ip']).toBe('10.0.0.21');
    const data = JSON.parse(a['flannel.alpha.coreos.com/backend-data'] ?? '') as {
      VNI: number;
      VtepMAC: string;
    };
    expect(data.VNI).toBe(1);
    expect(data.VtepMAC).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    expect(parseInt(data.VtepMAC.slice(0, 2), 16) & 0x03).toBe(0x02);

    const before = createSession({ scenario: 'control-plane-initialized' });
    const cp = getObject(before.save().state, 'nodes', null, 'cp-1');
    expect(
      Object.keys((cp?.['metadata'] as { annotations: object }).annotations).filter((k) =>
        k.startsWith('flannel.'),
      ),
    ).toEqual([]);
  });
});
