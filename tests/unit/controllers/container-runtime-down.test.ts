// `systemctl stop containerd` on a node: the kubelet keeps running and heartbeating, and its
// runtime state check (pkg/kubelet/runtime.go runtimeErrors) reports "container runtime is down"
// once the last successful runtime status is older than maxWaitForContainerRuntime (30 s,
// pkg/kubelet/kubelet.go), then "PLEG is not healthy" once the PLEG has not relisted for 3 min
// (pkg/kubelet/pleg/generic.go Healthy), as the Ready condition's message (pkg/kubelet/nodestatus/
// setters.go ReadyCondition, reason KubeletNotReady, errors joined by utilerrors.NewAggregate).
// The node lifecycle controller taints it not-ready and marks its Pods not Ready
// (node_lifecycle_controller.go processTaintBaseEviction, MarkPodsNotReady).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, type Session } from 'kubelife';

type Condition = {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
};
type Taint = { key: string; effect: string };

function node(s: Session, name: string) {
  const o = getObject(s.save().state, 'nodes', null, name);
  const status = o?.['status'] as { conditions: Condition[] };
  const spec = o?.['spec'] as { taints?: Taint[] };
  return {
    ready: status.conditions.find((c) => c.type === 'Ready'),
    memory: status.conditions.find((c) => c.type === 'MemoryPressure'),
    taints: (spec.taints ?? []).map((t) => `${t.key}:${t.effect}`),
  };
}

async function stopContainerd(s: Session, machine: string): Promise<number> {
  await s.run(`ssh ${machine}`);
  await s.run('sudo systemctl stop containerd');
  await s.run('exit');
  return s.save().state.now;
}

describe('a stopped container runtime (kubelet runtimeErrors)', () => {
  it('keeps the node Ready for maxWaitForContainerRuntime after containerd stops', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await stopContainerd(s, 'worker-1');

    await s.run('kubelife clock advance 20s');

    expect(node(s, 'worker-1').ready?.status).toBe('True');
  });

  it('reports Ready False "container runtime is down" while the kubelet keeps heartbeating', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const stopped = await stopContainerd(s, 'worker-1');

    await s.run('kubelife clock advance 40s');

    const n = node(s, 'worker-1');
    expect(n.ready?.status).toBe('False');
    expect(n.ready?.reason).toBe('KubeletNotReady');
    expect(n.ready?.message).toBe('container runtime is down');
    expect(Date.parse(n.ready?.lastTransitionTime ?? '')).toBe(
      Math.floor((stopped + 30_000) / 1000) * 1000,
    );
    // Heartbeating: not Unknown; the status was last patched when Ready went False (a change;
    // kubelet_node_status.go tryUpdateNodeStatus patches on changes and every 5m otherwise).
    expect(Date.parse(n.ready?.lastHeartbeatTime ?? '')).toBe(
      Math.floor((stopped + 30_000) / 1000) * 1000,
    );
    expect(n.memory?.status).toBe('False');
    expect(n.taints).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
  });

  it('adds "PLEG is not healthy" once the PLEG has not relisted for more than 3m0s', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await stopContainerd(s, 'worker-1');

    await s.run('kubelife clock advance 3m10s');

    expect(node(s, 'worker-1').ready?.message).toBe(
      '[container runtime is down, PLEG is not healthy: pleg was last seen active 3m10s ago; threshold is 3m0s]',
    );
  });

  it('shows NotReady in kubectl get nodes and the Conditions table of describe node', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await stopContainerd(s, 'worker-1');
    await s.run('kubelife clock advance 1m');

    const nodes = await s.run('kubectl get nodes');
    const describe = await s.run('kubectl describe node worker-1');

    expect(nodes.stdout).toMatch(/^worker-1 +NotReady +<none> /m);
    expect(describe.stdout).toMatch(
      /^ {2}Ready +False +.* KubeletNotReady +container runtime is down$/m,
    );
  });

  it('marks the node’s Pods not Ready and leaves them running (MarkPodsNotReady)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubelife clock advance 20s');
    await stopContainerd(s, 'worker-1');
    await s.run('kubelife clock advance 1m');

    const r = await s.run(
      `kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName} {.status.phase} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'`,
    );

    expect(r.stdout.trim().split('\n').sort()).toEqual([
      'worker-1 Running False',
      'worker-2 Running True',
    ]);
  });

  it('is Ready again once containerd starts', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await stopContainerd(s, 'worker-1');
    await s.run('kubelife clock advance 2m');
    await s.run('ssh worker-1');
    await s.run('sudo systemctl start containerd');
    await s.run('exit');
    const started = s.save().state.now;

    const n = node(s, 'worker-1');

    expect(n.ready?.status).toBe('True');
    expect(Date.parse(n.ready?.lastTransitionTime ?? '')).toBe(Math.floor(started / 1000) * 1000);
    expect(n.taints).toEqual([]);
  });

  it('keeps a kubelet restarted without containerd in auto-restart until containerd is back', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run('sudo systemctl stop containerd');
    await s.run('sudo systemctl restart kubelet');

    const crashing = await s.run('systemctl is-active kubelet');
    await s.run('sudo systemctl start containerd');
    const back = await s.run('systemctl is-active kubelet');

    expect(crashing.stdout.trim()).toBe('activating');
    expect(back.stdout.trim()).toBe('active');
  });
});
