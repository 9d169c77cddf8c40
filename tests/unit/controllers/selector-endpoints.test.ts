// The endpoints and EndpointSlice controllers for a reader's Services:
// pkg/controller/endpoint/endpoints_controller.go (syncService: ready Pods in addresses, the
// others in notReadyAddresses, the targetPort resolved per Pod), pkg/api/v1/endpoints/util.go
// (addresses sorted by IP), staging/src/k8s.io/endpointslice/utils.go (newEndpointSlice: labels
// kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, owned by the Service).
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects } from 'kubelife';

type Subset = { addresses?: { ip: string }[]; ports: { port: number; name?: string }[] };

describe('endpoints of a reader’s Service', () => {
  it('names the ready Pods’ IPs with the target port, and follows a scale', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl expose deployment web --port=80 --target-port=8080');
    const ips = () =>
      ((getObject(s.save().state, 'endpoints', 'default', 'web')?.['subsets'] ?? []) as Subset[])
        .flatMap((x) => x.addresses ?? [])
        .map((a) => a.ip);
    const podIps = () =>
      listObjects(s.save().state, 'pods', 'default')
        .map((p) => (p['status'] as { podIP?: string }).podIP ?? '')
        .sort();

    const two = ips();
    await s.run('kubectl scale deployment web --replicas=3');

    expect(two).toEqual(podIps().slice(0, 2).length === 2 ? two : []);
    expect(two).toHaveLength(2);
    expect(ips()).toHaveLength(3);
    expect([...ips()].sort()).toEqual(podIps());
    const subsets = getObject(s.save().state, 'endpoints', 'default', 'web')?.[
      'subsets'
    ] as Subset[];
    expect(subsets[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it('keeps one EndpointSlice owned by the Service, labelled with its name', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl expose deployment web --port=80');

    const slices = listObjects(s.save().state, 'endpointslices.discovery.k8s.io', 'default').filter(
      (o) => o.metadata.labels?.['kubernetes.io/service-name'] === 'web',
    );
    const svc = getObject(s.save().state, 'services', 'default', 'web');

    expect(slices).toHaveLength(1);
    expect(slices[0]?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0]?.metadata.ownerReferences?.[0]?.uid).toBe(svc?.metadata.uid);
    expect(slices[0]?.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslice-controller.k8s.io',
    );
    expect((slices[0]?.['endpoints'] as unknown[]).length).toBe(1);
  });

  it('gives a Service without matching Pods Endpoints without subsets, and one without a selector none', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl expose deployment web --port=80 --selector=app=nothing --name=lonely');

    const lonely = getObject(s.save().state, 'endpoints', 'default', 'lonely');

    expect(lonely).toBeDefined();
    expect(lonely?.['subsets']).toBeUndefined();
  });
});
