/**
 * What the Service REST strategy assigns on create: a ClusterIP from the service range (the
 * real allocator picks a random free address; here a free one derived from the Service's name,
 * so runs repeat) and, for NodePort and LoadBalancer Services, node ports from 30000-32767.
 *
 * upstream: pkg/registry/core/service/storage/alloc.go (allocClusterIPs, allocNodePorts),
 * pkg/registry/core/service/ipallocator (the range, the first address for `kubernetes`),
 * pkg/registry/core/service/portallocator (default 30000-32767).
 */
import type { ClusterState } from '../model/state.ts';
import { hash64 } from '../etcd/model.ts';
import { nthAddress } from '../kubeadm/api-objects/manifest.ts';
import { scanStored } from '../store/buckets.ts';
import type { Json, NewObject } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

function used(state: ClusterState): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of scanStored(state.cluster?.objects, 'services')) {
    const spec = (s['spec'] ?? {}) as Obj;
    if (typeof spec['clusterIP'] === 'string') ips.add(spec['clusterIP']);
    for (const p of (spec['ports'] ?? []) as readonly Obj[])
      if (typeof p['nodePort'] === 'number') ports.add(p['nodePort']);
  }
  return { ips, ports };
}

/** The Service with its ClusterIP (and node ports) assigned, as the API server stores it. */
export function allocateService(state: ClusterState, o: NewObject): NewObject {
  const spec = (o['spec'] ?? {}) as Obj;
  // An ExternalName Service is a DNS alias: no address, no ports allocated.
  if (spec['type'] === 'ExternalName') return o;
  const subnet = state.cluster?.serviceSubnet ?? '10.96.0.0/12';
  const bits = Number(subnet.split('/')[1] ?? 12);
  const size = Math.min(2 ** (32 - bits) - 2, 65534);
  const taken = used(state);
  const seed = parseInt(hash64(`${o.metadata.namespace ?? ''}/${o.metadata.name}`).slice(0, 8), 16);
  let ip = typeof spec['clusterIP'] === 'string' ? spec['clusterIP'] : '';
  for (let i = 0; ip === '' || (spec['clusterIP'] === undefined && taken.ips.has(ip)); i++)
    ip = nthAddress(subnet, 11 + ((seed + i) % (size - 11)));
  const type = typeof spec['type'] === 'string' ? spec['type'] : 'ClusterIP';
  const nodePorts = type === 'NodePort' || type === 'LoadBalancer';
  let next = seed;
  const ports = ((spec['ports'] ?? []) as readonly Obj[]).map((p) => {
    if (!nodePorts || typeof p['nodePort'] === 'number') return p;
    let port = 30000 + (next % 2768);
    while (taken.ports.has(port)) port = 30000 + (++next % 2768);
    taken.ports.add(port);
    next += 7;
    return { ...p, nodePort: port };
  });
  return {
    ...o,
    spec: {
      ...spec,
      clusterIP: ip,
      clusterIPs: [ip],
      // SetDefaults_Service: node-port Services route external traffic cluster-wide by default,
      // and a LoadBalancer allocates its node ports unless told not to.
      ...(nodePorts && spec['externalTrafficPolicy'] === undefined
        ? { externalTrafficPolicy: 'Cluster' }
        : {}),
      ...(type === 'LoadBalancer' && spec['allocateLoadBalancerNodePorts'] === undefined
        ? { allocateLoadBalancerNodePorts: true }
        : {}),
      ports,
    },
  };
}
