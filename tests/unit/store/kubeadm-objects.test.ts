// What kubeadm init, its add-ons and flannel put into the API. upstream:
// cmd/kubeadm/app/phases/addons/dns/manifests.go (kube-dns Service, coredns Deployment, 2
// replicas, DNS IP = 10th address of the service subnet), addons/proxy/manifests.go and proxy.go,
// phases/bootstraptoken/node/tlsbootstrap.go, phases/uploadconfig/uploadconfig.go,
// pkg/controlplane/controller/kubernetesservice, pkg/apis/scheduling (system PriorityClasses),
// flannel v0.27.4 kube-flannel.yml.
import { describe, expect, it } from 'vitest';
import { buildScenario, createSession, getObject, listObjects } from 'kubelife';

const s = buildScenario('workers-joined');
const names = (resource: string, ns?: string) =>
  listObjects(s, resource, ns).map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('objects kubeadm creates', () => {
  it('has the kubernetes and kube-dns Services on the first and tenth service addresses', () => {
    const k = getObject(s, 'svc', 'default', 'kubernetes');
    const dns = getObject(s, 'svc', 'kube-system', 'kube-dns');

    expect(k?.['spec']).toMatchObject({
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      type: 'ClusterIP',
    });
    expect(dns?.['spec']).toMatchObject({
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
    });
    expect(dns?.metadata.labels).toMatchObject({ 'kubernetes.io/name': 'CoreDNS' });
  });

  it('runs CoreDNS as a Deployment whose ReplicaSet owns the coredns Pods', () => {
    const dep = getObject(s, 'deploy', 'kube-system', 'coredns');
    const [rs] = listObjects(s, 'rs', 'kube-system');
    const pod = listObjects(s, 'pods', 'kube-system').find((p) =>
      p.metadata.name.startsWith('coredns-'),
    );

    expect(dep?.['spec']).toMatchObject({
      replicas: 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(dep?.['status']).toMatchObject({ readyReplicas: 2, replicas: 2 });
    expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      uid: dep?.metadata.uid,
    });
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({
      name: rs?.metadata.name,
      uid: rs?.metadata.uid,
    });
    expect(pod?.metadata.labels?.['pod-template-hash']).toBe(rs?.metadata.name.split('-')[1]);
  });

  it('runs kube-proxy and flannel as DaemonSets scheduled on every node', () => {
    const nodes = listObjects(s, 'nodes').length;

    const proxy = getObject(s, 'ds', 'kube-system', 'kube-proxy');
    const flannel = getObject(s, 'ds', 'kube-flannel', 'kube-flannel-ds');

    expect(proxy?.['status']).toMatchObject({ desiredNumberScheduled: nodes, numberReady: nodes });
    expect(flannel?.['status']).toMatchObject({
      desiredNumberScheduled: nodes,
      numberReady: nodes,
    });
  });

  it('creates kubeadm RBAC, the system PriorityClasses and the add-ons ServiceAccounts', () => {
    expect(names('clusterrolebindings')).toEqual(
      expect.arrayContaining([
        '/kubeadm:get-nodes',
        '/kubeadm:kubelet-bootstrap',
        '/kubeadm:node-autoapprove-bootstrap',
        '/kubeadm:node-autoapprove-certificate-rotation',
        '/kubeadm:node-proxier',
        '/system:coredns',
        '/flannel',
      ]),
    );
    // kubeadm's and kube-apiserver's (bootstrappolicy testdata/namespace-role-bindings.yaml).
    expect(names('rolebindings')).toEqual([
      'kube-public/kubeadm:bootstrap-signer-clusterinfo',
      'kube-public/system:controller:bootstrap-signer',
      'kube-system/kube-proxy',
      'kube-system/kubeadm:kubelet-config',
      'kube-system/kubeadm:nodes-kubeadm-config',
      'kube-system/system::extension-apiserver-authentication-reader',
      'kube-system/system::leader-locking-kube-controller-manager',
      'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer',
      'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ]);
    expect(listObjects(s, 'pc').map((o) => o['value'])).toEqual([2000000000, 2000001000]);
    // Besides kube-controller-manager's own (bootstrap-policy.test.ts).
    expect(names('sa', 'kube-system')).toEqual(
      expect.arrayContaining([
        'kube-system/coredns',
        'kube-system/default',
        'kube-system/kube-proxy',
      ]),
    );
  });

  it('keeps the bootstrap token as a bootstrap.kubernetes.io/token Secret', () => {
    const [secret] = listObjects(s, 'secrets', 'kube-system');

    expect(secret?.['type']).toBe('bootstrap.kubernetes.io/token');
    expect(Object.keys(secret?.['data'] ?? {})).toContain('token-secret');
  });

  it('answers kubectl get svc -A like a kubeadm cluster', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl get svc -A');

    expect(r.exitCode).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/\s+\S+$/, '')),
    ).toEqual([
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)',
      'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP',
      'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP',
    ]);
  });
});
