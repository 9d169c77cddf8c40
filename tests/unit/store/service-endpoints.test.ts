// The kube-dns Service's endpoints as the controllers keep them (kubernetes v1.35.0
// pkg/controller/endpoint/endpoints_controller.go: ready Pods in addresses, the rest with an IP
// in notReadyAddresses; pkg/controller/endpointslice: `<service>-<5 random>` slices with the
// Service's ports in order and the kubernetes.io/service-name and
// endpointslice.kubernetes.io/managed-by labels), and the apiserver's default/kubernetes slice.
import { describe, expect, it } from 'vitest';
import { buildScenario, createSession, getObject, listObjects } from 'kubelife';

type Subset = {
  addresses?: { ip: string; nodeName: string }[];
  notReadyAddresses?: { ip: string }[];
  ports: { name: string; port: number; protocol: string }[];
};

describe('kube-dns endpoints', () => {
  it('lists the ready CoreDNS Pods with the Service ports in its order', () => {
    const state = buildScenario('workers-joined');

    const ep = getObject(state, 'endpoints', 'kube-system', 'kube-dns');
    const [subset] = ep?.['subsets'] as Subset[];

    expect(subset?.addresses?.map((a) => a.ip)).toEqual(['10.244.0.2', '10.244.0.3']);
    expect(subset?.addresses?.every((a) => a.nodeName === 'cp-1')).toBe(true);
    expect(subset?.ports.map((p) => `${p.name}/${p.port}/${p.protocol}`)).toEqual([
      'dns/53/UDP',
      'dns-tcp/53/TCP',
      'metrics/9153/TCP',
    ]);
  });

  it('has no subsets while the CoreDNS Pods have no IP (no CNI yet)', () => {
    const state = buildScenario('control-plane-initialized');

    const ep = getObject(state, 'ep', 'kube-system', 'kube-dns');

    expect(ep?.['subsets']).toBeUndefined();
  });

  it('mirrors them in an EndpointSlice named after the Service, next to the kubernetes slice', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const slices = listObjects(s.save().state, 'endpointslices.discovery.k8s.io');

    const table = await s.run('kubectl get endpointslices -A');

    expect(slices.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/kubernetes',
      expect.stringMatching(/^kube-system\/kube-dns-[bcdfghjklmnpqrstvwxz2456789]{5}$/),
    ]);
    expect(slices[1]?.metadata.labels).toMatchObject({
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'kube-dns',
    });
    expect(table.stdout).toMatch(
      /kube-system\s+kube-dns-\S+\s+IPv4\s+53,53,9153\s+10\.244\.0\.2,10\.244\.0\.3\s/,
    );
  });
});
