// Each kube-apiserver publishes its identity as a Lease in kube-system (APIServerIdentity, on by
// default since v1.26): staging/src/k8s.io/apiserver/pkg/server/config.go NewConfig (v1.29+)
// names it from the host, pkg/controlplane/apiserver/server.go sets holder, duration and labels.
import { describe, expect, it } from 'vitest';
import { createSession, listObjects } from 'kubelife';
import { apiserverIdentity } from '../../../src/lib/engine/src/objects/leases.ts';

describe('kube-apiserver identity Leases', () => {
  it('names the Lease of host master-1 as the real cluster on kubernetes/website PR #42086 did', () => {
    // kubectl -n kube-system get lease -l apiserver.kubernetes.io/identity=kube-apiserver
    // printed apiserver-wj467rbl25eeviqacfhvg2yvnm, whose kubernetes.io/hostname label is master-1.
    expect(apiserverIdentity('master-1')).toBe('apiserver-wj467rbl25eeviqacfhvg2yvnm');
  });

  it('gives every control-plane node one identity Lease, held for an hour and renewed', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    const state = s.save().state;
    const ids = listObjects(state, 'leases', 'kube-system').filter(
      (o) => o.metadata.labels?.['apiserver.kubernetes.io/identity'] === 'kube-apiserver',
    );
    const hosts = ids.map((o) => o.metadata.labels?.['kubernetes.io/hostname']).sort();
    expect(hosts.length).toBeGreaterThan(1);
    for (const lease of ids) {
      const spec = lease['spec'] as { holderIdentity: string; leaseDurationSeconds: number };
      expect(lease.metadata.name).toBe(
        apiserverIdentity(lease.metadata.labels?.['kubernetes.io/hostname'] ?? ''),
      );
      expect(spec.holderIdentity).toMatch(
        new RegExp(
          `^${lease.metadata.name}_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`,
        ),
      );
      expect(spec.leaseDurationSeconds).toBe(3600);
    }
    const r = await s.run(
      'kubectl -n kube-system get lease -l apiserver.kubernetes.io/identity=kube-apiserver -o name',
    );
    expect(r.stdout.trim().split('\n')).toEqual(
      ids.map((o) => `lease.coordination.k8s.io/${o.metadata.name}`).sort(),
    );
  });
});
