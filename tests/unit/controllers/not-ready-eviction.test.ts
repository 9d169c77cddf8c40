// The node.kubernetes.io/not-ready:NoExecute taint and taint-based eviction from NotReady nodes.
// upstream (kubernetes commit 003e8629): pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (doNoExecuteTaintingPass: Ready False → NotReadyTaintTemplate, Unknown →
// UnreachableTaintTemplate, mutually exclusive, swapped with controllerutil.SwapNodeControllerTaint;
// handleDisruption: "Controller detected that all Nodes are not-Ready. Entering master disruption
// mode" removes the taints with markNodeAsReachable and stops tainting);
// pkg/controller/tainteviction/taint_eviction.go (processPodOnNode keeps a scheduled eviction
// that triggers earlier, getMinTolerationTime, TaintManagerEviction "Marking for deletion Pod");
// plugin/pkg/admission/defaulttolerationseconds (not-ready and unreachable, 300 s);
// pkg/kubelet/kubelet.go updateRuntimeUp (Ready False "container runtime network not ready" once
// the CNI configuration is gone).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, type ApiObject, type Session } from 'kubelife';

type Taint = { key: string; effect: string; timeAdded?: string };

const CNI_CONF = '/etc/cni/net.d/10-flannel.conflist';

function taints(s: Session, node: string): Taint[] {
  const o = getObject(s.save().state, 'nodes', null, node);
  return ((o?.['spec'] as { taints?: Taint[] } | undefined)?.taints ?? []).filter((t) =>
    t.key.startsWith('node.kubernetes.io/'),
  );
}

async function webPods(s: Session): Promise<ApiObject[]> {
  const r = await s.run('kubectl get pods -l app=web -o json');
  return (JSON.parse(r.stdout) as { items: ApiObject[] }).items;
}

const nodeOf = (p: ApiObject) => (p['spec'] as { nodeName?: string }).nodeName;
const secondOf = (ms: number) => Math.floor(ms / 1000) * 1000;

/** workers-joined with four web Pods, then worker-1's CNI configuration removed. */
async function networkLost(): Promise<{ s: Session; at: number }> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run('kubectl create deployment web --image=nginx --replicas=4');
  await s.run('kubelife clock advance 30s');
  await s.run('ssh worker-1');
  await s.run(`mv ${CNI_CONF} /root/10-flannel.conflist`);
  await s.run('exit');
  return { s, at: s.save().state.now };
}

describe('node lifecycle controller: Ready False', () => {
  it('taints a node whose kubelet reports NotReady not-ready:NoExecute from the transition, never unreachable', async () => {
    const { s, at } = await networkLost();

    await s.run('kubelife clock advance 1m');

    const t = taints(s, 'worker-1');
    expect(t.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    expect(Date.parse(t[1]?.timeAdded ?? '')).toBe(secondOf(at));
    const describe = (await s.run('kubectl describe node worker-1')).stdout;
    // describe.go printTaintsMultilineWithIndent sorts by "<effect>,<key>".
    expect(describe).toContain(
      'Taints:             node.kubernetes.io/not-ready:NoExecute\n                    node.kubernetes.io/not-ready:NoSchedule\n',
    );
    expect(taints(s, 'worker-2')).toEqual([]);
  });

  it('records the kubelet’s NodeNotReady Event, and the node lifecycle controller’s once a Ready node is lost', async () => {
    // pkg/kubelet/nodestatus/setters.go ReadyCondition (recordEventFunc NodeNotReady);
    // node_lifecycle_controller.go monitorNodeHealth (RecordNodeStatusChange "NodeNotReady").
    const { s } = await networkLost();
    await s.run('kubelife fault machine-down worker-2');
    await s.run('kubelife clock advance 2m');

    const events = JSON.parse((await s.run('kubectl get events -o json')).stdout) as {
      items: ApiObject[];
    };

    const notReady = events.items
      .filter((e) => e['reason'] === 'NodeNotReady')
      .map((e) => [
        (e['involvedObject'] as { name: string }).name,
        (e['source'] as { component: string }).component,
        e['message'],
      ]);
    expect(notReady).toEqual([
      ['worker-1', 'kubelet', 'Node worker-1 status is now: NodeNotReady'],
      ['worker-2', 'node-controller', 'Node worker-2 status is now: NodeNotReady'],
    ]);
  });

  it('leaves the Pods of a NotReady node running while their 300 s toleration lasts', async () => {
    const { s } = await networkLost();

    await s.run('kubelife clock advance 4m59s');

    const onWorker1 = (await webPods(s)).filter((p) => nodeOf(p) === 'worker-1');
    expect(onWorker1).toHaveLength(2);
    expect(onWorker1.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
  });

  it('evicts them 300 s after the taint with a TaintManagerEviction Event each, and the ReplicaSet replaces them elsewhere', async () => {
    const { s, at } = await networkLost();

    await s.run('kubelife clock advance 6m');

    const pods = await webPods(s);
    const evicted = pods.filter((p) => nodeOf(p) === 'worker-1');
    expect(evicted).toHaveLength(2);
    for (const p of evicted)
      expect(Date.parse(p.metadata.deletionTimestamp ?? '')).toBe(secondOf(at + 300_000) + 30_000);
    const events = JSON.parse((await s.run('kubectl get events -o json')).stdout) as {
      items: ApiObject[];
    };
    expect(
      events.items
        .filter((e) => e['reason'] === 'TaintManagerEviction')
        .map((e) => e['message'])
        .sort(),
    ).toEqual(evicted.map((p) => `Marking for deletion Pod default/${p.metadata.name}`).sort());
    expect(pods.filter((p) => nodeOf(p) === 'worker-2')).toHaveLength(4);
    expect((await s.run('kubectl get pods -l app=web')).stdout.match(/Terminating/g)).toHaveLength(
      2,
    );
  });

  it('keeps the evicted Pods Terminating while the node has no network, and its kubelet removes them once it is Ready', async () => {
    const { s } = await networkLost();
    await s.run('kubelife clock advance 10m');
    const stuck = (await webPods(s)).filter((p) => nodeOf(p) === 'worker-1');

    await s.run('ssh worker-1');
    const restored = await s.run(`mv /root/10-flannel.conflist ${CNI_CONF}`);
    await s.run('exit');

    expect(stuck).toHaveLength(2);
    expect(stuck.every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(restored.exitCode).toBe(0);
    expect((await webPods(s)).filter((p) => nodeOf(p) === 'worker-1')).toHaveLength(0);
    expect(taints(s, 'worker-1')).toEqual([]);
  });

  it('swaps not-ready for unreachable when the kubelet stops, keeping the eviction time of the first taint', async () => {
    const { s, at } = await networkLost();
    await s.run('kubelife clock advance 2m');
    await s.run('kubelife fault kubelet-stopped worker-1');

    await s.run('kubelife clock advance 1m');
    const swapped = taints(s, 'worker-1');
    const before = (await webPods(s)).filter((p) => nodeOf(p) === 'worker-1');
    await s.run('kubelife clock advance 2m30s');
    const after = (await webPods(s)).filter((p) => nodeOf(p) === 'worker-1');

    expect(swapped.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(before.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
    // 5m30s after the not-ready taint, 3m10s after the unreachable one: evicted at +300 s.
    expect(after).toHaveLength(2);
    for (const p of after)
      expect(Date.parse(p.metadata.deletionTimestamp ?? '')).toBe(secondOf(at + 300_000) + 30_000);
  });

  it('swaps back to not-ready when the kubelet comes back without a network plugin', async () => {
    const { s } = await networkLost();
    await s.run('kubelife fault kubelet-stopped worker-1');
    await s.run('kubelife clock advance 2m');
    const lost = taints(s, 'worker-1').map((x) => x.key);

    await s.run('kubelife fault clear worker-1');

    expect(lost).toEqual(['node.kubernetes.io/unreachable', 'node.kubernetes.io/unreachable']);
    expect(taints(s, 'worker-1').map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
  });

  it('adds no NoExecute taint while no node at all is Ready (master disruption mode)', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    await s.run('kubelife clock advance 30m');

    expect(taints(s, 'cp-1').map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
    ]);
  });
});

describe('taint eviction of the cluster’s own CoreDNS Pods', () => {
  /** workers-joined with a third CoreDNS replica (on a worker), then that worker powered off. */
  async function dnsNodeLost(): Promise<{ s: Session; node: string; pod: string; at: number }> {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl -n kube-system scale deployment coredns --replicas=3');
    const json = (await s.run('kubectl -n kube-system get pods -l k8s-app=kube-dns -o json'))
      .stdout;
    const items = (JSON.parse(json) as { items: ApiObject[] }).items;
    const onWorker = items.find((p) => nodeOf(p)?.startsWith('worker-'));
    const node = nodeOf(onWorker ?? items[0]!) ?? '';
    await s.run('kubelife clock advance 30s');
    await s.run(`kubelife fault machine-down ${node}`);
    return { s, node, pod: onWorker?.metadata.name ?? '', at: s.save().state.now };
  }

  async function dnsPods(s: Session): Promise<ApiObject[]> {
    const r = await s.run('kubectl -n kube-system get pods -l k8s-app=kube-dns -o json');
    return (JSON.parse(r.stdout) as { items: ApiObject[] }).items;
  }

  it('evicts a lost node’s CoreDNS Pod after its 300 s toleration and its ReplicaSet replaces it on a Ready node', async () => {
    const { s, node, pod, at } = await dnsNodeLost();

    await s.run('kubelife clock advance 5m');
    const inToleration = await dnsPods(s);
    await s.run('kubelife clock advance 1m');
    const pods = await dnsPods(s);

    expect(pod).not.toBe('');
    expect(inToleration.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
    const evicted = pods.find((p) => p.metadata.name === pod);
    expect(Date.parse(evicted?.metadata.deletionTimestamp ?? '')).toBe(
      secondOf(at + 50_000 + 300_000) + 30_000,
    );
    const live = pods.filter((p) => p.metadata.deletionTimestamp === undefined);
    expect(live).toHaveLength(3);
    expect(live.every((p) => nodeOf(p) !== node)).toBe(true);
    const table = (await s.run('kubectl -n kube-system get pods')).stdout;
    expect(table).toMatch(new RegExp(`${pod}\\s+1/1\\s+Terminating`));
    const events = (await s.run('kubectl -n kube-system get events')).stdout;
    expect(events).toMatch(
      new RegExp(
        `TaintManagerEviction\\s+pod/${pod}\\s+Marking for deletion Pod kube-system/${pod}`,
      ),
    );
  });

  it('never evicts the DaemonSet Pods of the lost node, and removes the evicted CoreDNS Pod once the node is back', async () => {
    const { s, node, pod } = await dnsNodeLost();
    await s.run('kubelife clock advance 10m');

    await s.run(`kubelife fault clear ${node}`);

    const all = JSON.parse((await s.run('kubectl get pods -A -o json')).stdout) as {
      items: ApiObject[];
    };
    const onNode = all.items.filter((p) => nodeOf(p) === node).map((p) => p.metadata.name);
    expect(onNode.some((n) => n.startsWith('kube-proxy-'))).toBe(true);
    expect(onNode.some((n) => n.startsWith('kube-flannel-ds-'))).toBe(true);
    expect(onNode).not.toContain(pod);
    expect(
      (await dnsPods(s)).filter((p) => p.metadata.deletionTimestamp === undefined),
    ).toHaveLength(3);
  });
});
