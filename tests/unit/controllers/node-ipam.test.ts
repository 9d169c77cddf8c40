// The node IPAM controller's range allocator. upstream (kubernetes commit 283f41fe, the newest
// stored; the v1.35 allocator reads the same): pkg/controller/nodeipam/ipam/range_allocator.go
// (AllocateOrOccupyCIDR: the next free subnet when a Node is added, kept for its life;
// ReleaseCIDR on delete; filterOutServiceRange; RecordNodeStatusChange(…, v1.EventTypeWarning,
// "CIDRNotAvailable") when none is left), pkg/controller/nodeipam/ipam/cidrset/cidr_set.go
// (maxCIDRs = 2^(node mask − cluster mask), indexToCIDRBlock, AllocateNext from nextCandidate),
// pkg/controller/util/node/controller_utils.go ("Node %s status is now: %s"), kube-controller-
// manager's --node-cidr-mask-size-ipv4 default 24 (kubeadm passes no mask size:
// cmd/kubeadm/app/phases/controlplane/manifests.go getControllerManagerCommand).
import { describe, expect, it } from 'vitest';
import {
  createSession,
  flannelLeaseError,
  listObjects,
  listPods,
  migrateState,
  nodePodCidr,
  type ClusterState,
  type Session,
} from 'kubelife';
import {
  overlappedSubnets,
  parseIpv4Cidr,
  subnetAt,
  subnetCount,
} from '../../../src/lib/engine/src/controllers/cidr-set.ts';

/** cp-1 initialised with `podCidr`, then `workers` joined in that order. */
async function cluster(podCidr: string, workers: readonly string[]): Promise<Session> {
  const s = createSession({ scenario: 'packages-installed' });
  await s.run(`kubeadm init --pod-network-cidr=${podCidr}`);
  await s.run('mkdir -p $HOME/.kube && cp /etc/kubernetes/admin.conf $HOME/.kube/config');
  const extra = workers.filter((w) => !w.startsWith('worker-'));
  if (extra.length > 0) await s.run(`kubelife machine add --count ${extra.length} --packages`);
  const join = (await s.run('kubeadm token create --print-join-command')).stdout.trim();
  for (const w of workers) {
    await s.run(`ssh ${w}`);
    const r = await s.run(join);
    if (r.exitCode !== 0) throw new Error(r.output);
    await s.run('exit');
  }
  return s;
}

function cidrs(state: ClusterState): Record<string, string | null> {
  return Object.fromEntries(
    listObjects(state, 'nodes').map((n) => [n.metadata.name, nodePodCidr(state, n.metadata.name)]),
  );
}

describe('node CIDR set arithmetic', () => {
  it('cuts a cluster CIDR into /24s according to its real prefix', () => {
    const slash16 = parseIpv4Cidr('10.244.0.0/16');
    const slash12 = parseIpv4Cidr('10.32.0.0/12');
    const slash20 = parseIpv4Cidr('192.168.16.0/20');

    expect(slash16 && subnetCount(slash16)).toBe(256);
    expect(slash12 && subnetCount(slash12)).toBe(4096);
    expect(slash20 && subnetCount(slash20)).toBe(16);
    expect(slash12 && subnetAt(slash12, 300)).toBe('10.33.44.0/24');
    expect(slash20 && subnetAt(slash20, 15)).toBe('192.168.31.0/24');
  });

  it('masks the address to the network and finds the subnets another CIDR overlaps', () => {
    const odd = parseIpv4Cidr('10.244.7.9/16');
    const cluster = parseIpv4Cidr('10.96.0.0/11');
    const service = parseIpv4Cidr('10.96.0.0/12');

    expect(odd).toEqual(parseIpv4Cidr('10.244.0.0/16'));
    expect(cluster && service && overlappedSubnets(cluster, service)).toEqual([0, 4096]);
    expect(parseIpv4Cidr('fd00::/48')).toBeNull();
  });
});

describe('kubeadm init pod network CIDR checks', () => {
  // upstream: cmd/kubeadm/app/apis/kubeadm/validation/validation.go ValidatePodSubnetNodeMask.
  it.each([
    ['foo', "couldn't parse subnet"],
    [
      '10.244.0.0/25',
      'the size of pod subnet with mask 25 is smaller than the size of node subnet with mask 24',
    ],
    ['10.0.0.0/7', 'pod subnet mask (7) and node-mask (24) difference is greater than 16'],
  ])('refuses --pod-network-cidr=%s before doing anything', async (cidr, detail) => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run(`kubeadm init --pod-network-cidr=${cidr}`);

    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`networking.podSubnet: Invalid value: "${cidr}": ${detail}\n`);
    expect(s.save().state.cluster).toBeNull();
  });
});

describe('node IPAM range allocator', () => {
  it('gives nodes subnets in join order and keeps them when other nodes come and go', async () => {
    const s = await cluster('10.244.0.0/16', ['worker-2', 'worker-1', 'node-1']);

    const before = cidrs(s.save().state);
    await s.run('kubectl delete node worker-2');
    const after = cidrs(s.save().state);

    expect(before).toEqual({
      'cp-1': '10.244.0.0/24',
      'node-1': '10.244.3.0/24',
      'worker-1': '10.244.2.0/24',
      'worker-2': '10.244.1.0/24',
    });
    expect(after).toEqual({
      'cp-1': '10.244.0.0/24',
      'node-1': '10.244.3.0/24',
      'worker-1': '10.244.2.0/24',
    });
  });

  it('hands out /24s of a /12 pod network across its second octet', async () => {
    const s = await cluster('10.32.0.0/12', ['worker-1']);

    const state = s.save().state;

    expect(cidrs(state)).toEqual({ 'cp-1': '10.32.0.0/24', 'worker-1': '10.32.1.0/24' });
    expect(
      (await s.run('kubectl get node worker-1 -o jsonpath={.spec.podCIDRs}')).stdout.trim(),
    ).toBe('["10.32.1.0/24"]');
  });

  it('leaves a node without a podCIDR once the range is full and records CIDRNotAvailable', async () => {
    const s = await cluster('10.244.0.0/22', ['worker-1', 'worker-2', 'node-1', 'node-2']);
    await s.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );
    await s.run('kubelife clock advance 120s');
    await s.run('kubectl create deployment web --image=nginx --replicas=8');

    const state = s.save().state;
    const events = (await s.run('kubectl get events --field-selector reason=CIDRNotAvailable'))
      .stdout;
    const web = (await s.run('kubectl get pods -l app=web -o wide')).stdout.split('\n');
    const flannel = listPods(state, 'kube-flannel').find((p) => p.node === 'node-2');

    expect(nodePodCidr(state, 'node-1')).toBe('10.244.3.0/24');
    expect(nodePodCidr(state, 'node-2')).toBeNull();
    expect(events).toMatch(
      /Warning\s+CIDRNotAvailable\s+node\/node-2\s+Node node-2 status is now: CIDRNotAvailable/,
    );
    expect(flannelLeaseError(state, 'node-2')).toBe(
      'failed to acquire lease: node "node-2" pod cidr not assigned',
    );
    expect(flannel?.status).toBe('CrashLoopBackOff');
    // Pods the scheduler puts there get no sandbox; elsewhere they run with an IP of the node's range.
    expect(
      web.filter((l) => / node-2 /.test(l)).every((l) => l.includes('ContainerCreating')),
    ).toBe(true);
    expect(web.some((l) => / node-2 /.test(l))).toBe(true);
    expect(web.some((l) => / node-1 /.test(l))).toBe(true);
    expect(
      web.filter((l) => / node-1 /.test(l)).every((l) => /Running .*10\.244\.3\.\d+ /.test(l)),
    ).toBe(true);
  });

  it('gives a waiting node the subnet a deleted node released', async () => {
    const s = await cluster('10.244.0.0/22', ['worker-1', 'worker-2', 'node-1', 'node-2']);

    await s.run('kubectl delete node worker-1');

    expect(nodePodCidr(s.save().state, 'node-2')).toBe('10.244.1.0/24');
  });

  it('never hands out subnets the Service CIDR overlaps', async () => {
    // kubeadm's default serviceSubnet 10.96.0.0/12 lies in the first half of 10.96.0.0/11.
    const s = await cluster('10.96.0.0/11', ['worker-1']);

    expect(cidrs(s.save().state)).toEqual({
      'cp-1': '10.112.0.0/24',
      'worker-1': '10.112.1.0/24',
    });
  });

  it('gives Pods addresses from their own node’s range', async () => {
    const s = await cluster('10.32.0.0/12', ['worker-1']);
    await s.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );
    await s.run('kubelife clock advance 120s');

    const dns = listPods(s.save().state, 'kube-system').filter((p) => p.name.startsWith('coredns'));

    expect(dns.length).toBeGreaterThan(0);
    // The flannel net-conf is 10.244.0.0/16: outside it flannel fails and CoreDNS gets no IP.
    expect(dns.every((p) => p.ip === '<none>')).toBe(true);
  });

  it('gives the nodes of a state saved before podCIDRs were stored the subnets of their name order', () => {
    const s = createSession({ scenario: 'workers-joined' });
    const saved = s.save().state;
    const c = saved.cluster;
    if (!c) throw new Error('no cluster');
    // The old shape: no allocator memory and no spec.podCIDR on the stored Nodes.
    const { nodeIpam: _gone, ...oldCluster } = c;
    const stripped = JSON.parse(JSON.stringify({ ...saved, cluster: oldCluster }), (k, v) =>
      ['podCIDR', 'podCIDRs', 'nodes/podCIDR'].includes(k) ? undefined : (v as unknown),
    ) as unknown;

    const migrated = migrateState(stripped);

    expect(cidrs(migrated)).toEqual({
      'cp-1': '10.244.0.0/24',
      'worker-1': '10.244.1.0/24',
      'worker-2': '10.244.2.0/24',
    });
  });
});
