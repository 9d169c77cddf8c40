// ConfigMaps, bootstrap-token Secrets and `default` ServiceAccounts are written to the store by
// the components that keep them, each write taking the next global resourceVersion (etcd's
// revision): kubeadm (upload-config, addons, cluster-info), the bootstrap signer
// (pkg/controller/bootstrap/bootstrapsigner.go), the token cleaner (tokencleaner.go), the root CA
// publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go) and the serviceaccounts
// controller (pkg/controller/serviceaccount/serviceaccounts_controller.go).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects, type SerializedState } from 'kubelife';
import { ok, rvOf, storeRv } from './resource-version-helpers.ts';

describe('objects kept by the cluster’s writers take resourceVersions in write order', () => {
  it('gives every ConfigMap, Secret, ServiceAccount and Lease a distinct resourceVersion no higher than the store’s', () => {
    const state = createSession({ scenario: 'workers-joined' }).save().state;

    const objects = ['configmaps', 'secrets', 'serviceaccounts', 'leases'].flatMap((r) =>
      listObjects(state, r),
    );

    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) expect(rvOf(o)).toBeLessThanOrEqual(storeRv(state));
    expect(new Set(objects.map(rvOf)).size).toBe(objects.length);
  });

  it('writes the new token’s Secret and its jws-kubeconfig key in cluster-info after what came before (bootstrapsigner.go)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = s.save().state;
    const info = getObject(before, 'configmaps', 'kube-public', 'cluster-info');

    const id = (await ok(s, 'kubeadm token create')).split('.')[0] ?? '';
    const state = s.save().state;
    const after = getObject(state, 'configmaps', 'kube-public', 'cluster-info');
    const secret = getObject(state, 'secrets', 'kube-system', `bootstrap-token-${id}`);

    expect(Object.keys((after?.['data'] ?? {}) as object)).toContain(`jws-kubeconfig-${id}`);
    expect(rvOf(after)).toBeGreaterThan(storeRv(before));
    expect(rvOf(secret)).toBeGreaterThan(storeRv(before));
    expect(after?.metadata.uid).toBe(info?.metadata.uid);
    expect(after?.metadata.creationTimestamp).toBe(info?.metadata.creationTimestamp);
  });

  it('has the token cleaner delete an expired token’s Secret and the bootstrap signer drop its key (tokencleaner.go)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const id = (await ok(s, 'kubeadm token create --ttl 1h')).split('.')[0] ?? '';
    expect(
      getObject(s.save().state, 'secrets', 'kube-system', `bootstrap-token-${id}`),
    ).not.toBeNull();

    await ok(s, 'kubelife clock advance 2h');
    const state = s.save().state;

    expect(getObject(state, 'secrets', 'kube-system', `bootstrap-token-${id}`)).toBeNull();
    const info = getObject(state, 'configmaps', 'kube-public', 'cluster-info');
    expect(Object.keys((info?.['data'] ?? {}) as object)).not.toContain(`jws-kubeconfig-${id}`);
  });

  it('has the root CA publisher and the serviceaccounts controller create their deleted objects again, now', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const cm = getObject(s.save().state, 'configmaps', 'default', 'kube-root-ca.crt');

    await ok(s, 'kubectl delete configmap kube-root-ca.crt');
    await ok(s, 'kubectl delete serviceaccount default');
    const state = s.save().state;
    const again = getObject(state, 'configmaps', 'default', 'kube-root-ca.crt');

    expect(again?.metadata.uid).not.toBe(cm?.metadata.uid);
    expect(again?.['data']).toEqual(cm?.['data']);
    expect(Date.parse(again?.metadata.creationTimestamp ?? '')).toBe(
      Math.floor(state.now / 1000) * 1000,
    );
    expect(getObject(state, 'serviceaccounts', 'default', 'default')).not.toBeNull();
    expect(rvOf(again)).toBeGreaterThan(rvOf(cm));
  });

  it('leaves a deleted kubeadm-config deleted: kubeadm writes it only when it runs', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await ok(s, 'kubectl -n kube-system delete configmap kubeadm-config');
    await ok(s, 'kubelife clock advance 1m');

    expect(getObject(s.save().state, 'configmaps', 'kube-system', 'kubeadm-config')).toBeNull();
  });

  it('keeps a client’s edit of a kubeadm ConfigMap, with the resourceVersion of that edit', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await ok(s, 'kubectl -n kube-system label configmap kube-proxy edited=yes');
    const edited = getObject(s.save().state, 'configmaps', 'kube-system', 'kube-proxy');
    await ok(s, 'kubeadm token create');
    await ok(s, 'kubelife clock advance 1m');
    const later = getObject(s.save().state, 'configmaps', 'kube-system', 'kube-proxy');

    expect(later?.metadata.labels).toEqual({ edited: 'yes' });
    expect(rvOf(later)).toBe(rvOf(edited));
  });

  it('stores the ConfigMaps of a state saved when they were computed on reading, below the store’s resourceVersion', () => {
    const saved = JSON.parse(
      readFileSync(
        new URL('./fixtures/saved-by-main-workers-joined.json', import.meta.url),
        'utf8',
      ),
    ) as SerializedState;

    const state = createSession({ state: saved }).save().state;
    const cms = listObjects(state, 'configmaps');

    expect(cms.map((o) => o.metadata.name)).toEqual(
      expect.arrayContaining(['kubeadm-config', 'cluster-info', 'kube-root-ca.crt']),
    );
    for (const o of cms) expect(rvOf(o)).toBeLessThanOrEqual(storeRv(state));
  });
});
