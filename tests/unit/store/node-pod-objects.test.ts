// Nodes and Pods are objects of the one API object store, written by the commands that create
// them and found through the store's indexes, like kube-apiserver's watch-cache indexers:
// Pods by spec.nodeName (kubernetes v1.35.0 pkg/registry/core/pod/storage/storage.go
// `Indexers: pod.Indexers`, pkg/registry/core/pod/strategy.go NodeNameIndexFunc).
import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  controlPlaneNodes,
  createSession,
  csrList,
  findNamespace,
  namespaceNames,
  findNode,
  getObject,
  listObjects,
  nodeList,
  podList,
  podsOnNode,
} from 'kubelife';

const names = (xs: readonly { name: string }[]): string[] => xs.map((x) => x.name);

describe('Nodes and Pods in the object store', () => {
  it('stores the Node a join registers with a global resourceVersion, and serves it by name', () => {
    const state = buildScenario('workers-joined');

    const node = getObject(state, 'nodes', null, 'worker-1');
    const all = listObjects(state, 'no');

    expect(names(nodeList(state))).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(all.map((o) => o.metadata.name)).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(Number(node?.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(node?.metadata.resourceVersion).toBe(
      all.find((o) => o.metadata.name === 'worker-1')?.metadata.resourceVersion,
    );
    expect(node).not.toHaveProperty('simulator');
  });

  it('finds the Pods bound to a node through the spec.nodeName index', () => {
    const state = buildScenario('workers-joined');

    const onWorker = podsOnNode(state, 'worker-1');
    const scanned = podList(state).filter((p) => p.node === 'worker-1');

    expect(onWorker).toEqual(scanned);
    expect(onWorker.map((p) => p.app).sort()).toEqual(['kube-flannel', 'kube-proxy']);
  });

  it('lists the control-plane Nodes from the role index', () => {
    const state = buildScenario('ha-three-control-planes');

    expect(names(controlPlaneNodes(state))).toEqual(['cp-1', 'cp-2', 'cp-3']);
  });

  it('keeps the index right when drain evicts a Pod and delete node removes the rest', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = s.save().state;
    await s.run('kubectl drain cp-1 --ignore-daemonsets');
    const drained = s.save().state;

    await s.run('kubectl delete node worker-2');
    const deleted = s.save().state;

    expect(podsOnNode(before, 'cp-1').filter((p) => p.app === 'coredns')).toHaveLength(2);
    expect(podsOnNode(drained, 'cp-1').some((p) => p.app === 'coredns')).toBe(false);
    expect(podList(drained).filter((p) => p.app === 'coredns')).toHaveLength(2);
    expect(findNode(drained, 'cp-1')?.unschedulable).toBe(true);
    expect(findNode(deleted, 'worker-2')).toBeUndefined();
    expect(podsOnNode(deleted, 'worker-2')).toEqual([]);
    expect(podList(deleted).some((p) => p.node === 'worker-2')).toBe(false);
  });

  it("serves the kubelets' CSRs from the store in name order, as etcd keys sort", () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = csrList(s.save().state);
    const served = listObjects(s.save().state, 'csr');

    expect(before.map((c) => c.name)).toEqual([...before.map((c) => c.name)].sort());
    expect(served.map((o) => o.metadata.name)).toEqual(before.map((c) => c.name));
    expect(served[0]).not.toHaveProperty('simulator');
    expect(Number(served[0]?.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThanOrEqual(3);
  });

  it('stores Namespaces: kube-flannel dates from the manifest, a deleted empty one goes at once', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const start = s.save().state;
    await s.run('kubectl create namespace shop');
    const created = s.save().state;
    await s.run('kubectl delete namespace shop');
    const deleted = s.save().state;

    expect(namespaceNames(start)).toEqual([
      'default',
      'kube-flannel',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(findNamespace(start, 'kube-flannel')?.createdAt).toBeGreaterThan(
      findNamespace(start, 'kube-system')?.createdAt ?? Infinity,
    );
    // The root CA publisher and the serviceaccounts controller write into the new namespace
    // right after it (rootcacertpublisher/publisher.go, serviceaccounts_controller.go).
    const rv = Number(getObject(created, 'ns', null, 'shop')?.metadata.resourceVersion);
    const after = ['configmaps', 'serviceaccounts'].map((r) =>
      Number(listObjects(created, r, 'shop')[0]?.metadata.resourceVersion),
    );
    expect(after).toEqual([rv + 1, rv + 2]);
    expect(created.cluster?.objects?.rv).toBe(rv + 2);
    expect(namespaceNames(deleted)).not.toContain('shop');
  });
});
