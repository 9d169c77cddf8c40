// Flannel and the node IPAM controller. upstream: pkg/controller/nodeipam (range allocator,
// --allocate-node-cidrs), cmd/kubeadm/app/phases/controlplane/manifests.go (kubeadm sets
// --allocate-node-cidrs and --cluster-cidr only with a pod network CIDR), flannel
// pkg/subnet/kube/kube.go (AcquireLease: "node %q pod cidr not assigned", "subnet %q specified in
// the flannel net config doesn't contain %q PodCIDR of the %q node"), kube-flannel.yml
// (install-cni writes the CNI config before flanneld starts, so the node still goes Ready).
import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  createSession,
  crashLoop,
  flannelLeaseError,
  listPods,
  nodePodCidr,
} from 'kubelife';

describe('flannel and node IPAM', () => {
  it('assigns each node a /24 of the pod network CIDR, and none without one', () => {
    const s = buildScenario('workers-joined');

    expect(nodePodCidr(s, 'cp-1')).toBe('10.244.0.0/24');
    expect(nodePodCidr(s, 'worker-1')).toBe('10.244.1.0/24');
  });

  it('reports flannel lease errors in flanneld words', async () => {
    const s = buildScenario('workers-joined');
    const noCidr = createSession({ scenario: 'packages-installed' });
    await noCidr.run('kubeadm init');
    const other = createSession({ scenario: 'packages-installed' });
    await other.run('kubeadm init --pod-network-cidr=192.168.0.0/16');

    expect(flannelLeaseError(s, 'cp-1')).toBeNull();
    expect(flannelLeaseError(noCidr.save().state, 'cp-1')).toBe(
      'failed to acquire lease: node "cp-1" pod cidr not assigned',
    );
    expect(flannelLeaseError(other.save().state, 'cp-1')).toBe(
      'failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn\'t contain "192.168.0.0/24" PodCIDR of the "cp-1" node',
    );
  });

  it('crash-loops flannel and leaves CoreDNS without a sandbox when init had no pod network CIDR', async () => {
    const session = createSession({ scenario: 'packages-installed' });
    await session.run('kubeadm init');
    await session.run('mkdir -p $HOME/.kube && cp /etc/kubernetes/admin.conf $HOME/.kube/config');
    await session.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );
    await session.run('kubelife clock advance 120s');

    const pods = listPods(session.save().state, null);

    const flannel = pods.find((p) => p.namespace === 'kube-flannel');
    expect(flannel).toMatchObject({ status: 'CrashLoopBackOff', ready: '0/1' });
    expect(flannel?.restarts).toBeGreaterThan(0);
    expect(pods.filter((p) => p.name.startsWith('coredns-')).map((p) => p.status)).toEqual([
      'ContainerCreating',
      'ContainerCreating',
    ]);
  });

  it('backs off a crashing container from 10s doubling to five minutes', () => {
    expect(crashLoop(5_000)).toEqual({ restarts: 0, lastStartMs: 0 });
    expect(crashLoop(12_000)).toEqual({ restarts: 1, lastStartMs: 11_000 });
    expect(crashLoop(3_600_000).restarts).toBe(15);
  });
});
