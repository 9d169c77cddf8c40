// Pod IPs from flannel's bridge plugin with host-local IPAM, per node podCIDR.
// upstream: containernetworking/plugins commit 2a46e67d plugins/ipam/host-local/backend/allocator/
// allocator.go (Get: skip the gateway, GetIter: start after last_reserved_ip, wrap around, skip
// reserved addresses), backend/disk/backend.go (last_reserved_ip.0 under
// /var/lib/cni/networks/<network>), flannel-io/flannel Documentation/kube-flannel.yml
// (cni-conf.json: network "cbr0", delegate bridge + host-local over the node's podCIDR).
import { describe, expect, it } from 'vitest';
import { createSession, type ApiObject, type Session } from 'kubelife';

type Row = { name: string; node: string; ip: string };

async function rows(s: Session): Promise<Row[]> {
  const r = await s.run('kubectl get pods -A -o json');
  return (JSON.parse(r.stdout) as { items: ApiObject[] }).items
    .filter((p) => (p['spec'] as { hostNetwork?: boolean }).hostNetwork !== true)
    .map((p) => ({
      name: p.metadata.name,
      node: (p['spec'] as { nodeName?: string }).nodeName ?? '',
      ip: (p['status'] as { podIP?: string }).podIP ?? '',
    }));
}

describe('pod IPs (host-local IPAM on each node)', () => {
  it('never gives a reader’s Pod the address of a CoreDNS Pod on the same node', async () => {
    // cp-1 runs both CoreDNS Pods (.2 and .3); once the first is deleted and replaced on a
    // worker, the second keeps .3, and readers' Pods may land on cp-1 without its taint.
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl taint nodes cp-1 node-role.kubernetes.io/control-plane:NoSchedule-');
    const dns = (await rows(s)).filter((r) => r.name.startsWith('coredns-'));
    await s.run(`kubectl -n kube-system delete pod ${dns[0]?.name ?? ''}`);

    await s.run('kubectl create deployment web --image=nginx --replicas=16');

    const all = (await rows(s)).filter((r) => r.ip !== '');
    const onCp = all.filter((r) => r.node === 'cp-1');
    expect(onCp.some((r) => r.name.startsWith('web-'))).toBe(true);
    expect(onCp.find((r) => r.name === dns[1]?.name)?.ip).toBe(dns[1]?.ip);
    expect(new Set(all.map((r) => r.ip)).size).toBe(all.length);
  });

  it('hands a new Pod the address after the last one reserved, not the one just freed', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    const before = await rows(s);
    const first = before.find((r) => r.ip.endsWith('.2'));

    await s.run(`kubectl delete pod ${first?.name ?? ''}`);

    const after = await rows(s);
    const fresh = after.find((r) => !before.some((b) => b.name === r.name));
    expect(first).toBeDefined();
    expect(fresh?.node).toBe(first?.node);
    expect(fresh?.ip).toBe(first?.ip.replace(/\.2$/, '.3'));
    await s.run(`ssh ${fresh?.node ?? ''}`);
    const last = await s.run('cat /var/lib/cni/networks/cbr0/last_reserved_ip.0');
    expect(last.stdout.trim()).toBe(fresh?.ip);
  });

  it('keeps a running Pod’s address when other Pods of its node come and go', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=4');
    const before = await rows(s);

    await s.run('kubectl create deployment api --image=nginx --replicas=4');
    await s.run(`kubectl delete pod ${before[0]?.name ?? ''}`);

    const after = await rows(s);
    for (const r of before.slice(1)) expect(after.find((a) => a.name === r.name)?.ip).toBe(r.ip);
  });

  it('wraps around to .2 after the last address of the node’s range', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    for (const w of ['worker-1', 'worker-2']) {
      await s.run(`ssh ${w}`);
      await s.run('mkdir -p /var/lib/cni/networks/cbr0');
      await s.run(
        `echo -n ${w === 'worker-1' ? '10.244.1.253' : '10.244.2.253'} > /var/lib/cni/networks/cbr0/last_reserved_ip.0`,
      );
      await s.run('exit');
    }

    await s.run('kubectl create deployment web --image=nginx --replicas=4');

    const ips = (await rows(s)).filter((r) => r.name.startsWith('web-')).map((r) => r.ip);
    expect(ips.sort()).toEqual(['10.244.1.2', '10.244.1.254', '10.244.2.2', '10.244.2.254']);
  });
});
