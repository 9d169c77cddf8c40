// The csrapproving controller and kubeadm's TLS bootstrap. upstream:
// pkg/controller/certificates/approver/sarapprove.go (kubernetes commit 017bb938: recognizers
// selfnodeclient then nodeclient, a SubjectAccessReview for create
// certificatesigningrequests/<subresource>, reason AutoApproved and the two messages),
// cmd/kubeadm/app/phases/bootstraptoken/node/tlsbootstrap.go (the ClusterRoleBindings
// kubeadm:node-autoapprove-bootstrap and kubeadm:node-autoapprove-certificate-rotation),
// cmd/kubeadm/app/cmd/phases/join/kubelet.go (kubeadm commit 00966a5a: waitForTLSBootstrappedClient
// polls until timeouts.tlsBootstrap, 5m0s, then prints kubeadmJoinFailMsg with the error).
import { describe, expect, it } from 'vitest';
import { createSession, csrList, findMachine, findNode, type Session } from 'kubelife';

type Condition = { type: string; reason: string; message: string };

async function conditions(s: Session, name: string): Promise<Condition[]> {
  const r = await s.run(`kubectl get csr ${name} -o json`);
  return (JSON.parse(r.stdout) as { status: { conditions?: Condition[] } }).status.conditions ?? [];
}

async function joinWorker1(s: Session) {
  const join = (await s.run('kubeadm token create --print-join-command')).stdout.trim();
  await s.run('ssh worker-1');
  const r = await s.run(join);
  await s.run('exit');
  return r;
}

describe('csrapproving controller', () => {
  it('approves bootstrap and self-renewal client CSRs after a SubjectAccessReview, in upstream words', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const csrs = csrList(s.save().state);
    const bootstrap = csrs.find((c) => c.requestor.startsWith('system:bootstrap:'));
    const self = csrs.find((c) => c.requestor === 'system:node:cp-1');

    expect(bootstrap?.condition).toBe('Approved,Issued');
    expect(await conditions(s, bootstrap?.name ?? '')).toMatchObject([
      {
        type: 'Approved',
        reason: 'AutoApproved',
        message: 'Auto approving kubelet client certificate after SubjectAccessReview.',
      },
    ]);
    expect(await conditions(s, self?.name ?? '')).toMatchObject([
      {
        type: 'Approved',
        reason: 'AutoApproved',
        message: 'Auto approving self kubelet client certificate after SubjectAccessReview.',
      },
    ]);
  });

  it('leaves a joining node’s CSR Pending and fails the join after 5m0s without the auto-approve binding', async () => {
    const s = createSession({ scenario: 'cni-installed' });
    await s.run('kubectl delete clusterrolebinding kubeadm:node-autoapprove-bootstrap');
    const before = s.save().state.now;

    const r = await joinWorker1(s);

    const state = s.save().state;
    const csr = csrList(state).find((c) => c.requestor.startsWith('system:bootstrap:'));
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain(
      '[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap\n\nUnfortunately, an error has occurred:\n\tcontext deadline exceeded\n\nThis error is likely caused by:\n',
    );
    expect(r.stderr).toContain('error execution phase kubelet-start: context deadline exceeded');
    expect(state.now - before).toBeGreaterThanOrEqual(5 * 60 * 1000);
    expect(csr?.condition).toBe('Pending');
    expect(findNode(state, 'worker-1')).toBeUndefined();
    expect((await s.run('kubectl get csr')).stdout).toMatch(
      /node-csr-\S+\s+\S+\s+kubernetes\.io\/kube-apiserver-client-kubelet\s+system:bootstrap:\w+\s+<none>\s+Pending/,
    );
  });

  it('joins again once the binding is back', async () => {
    const s = createSession({ scenario: 'cni-installed' });
    await s.run('kubectl delete clusterrolebinding kubeadm:node-autoapprove-bootstrap');
    await s.run(
      'kubectl create clusterrolebinding kubeadm:node-autoapprove-bootstrap --clusterrole=system:certificates.k8s.io:certificatesigningrequests:nodeclient --group=system:bootstrappers:kubeadm:default-node-token',
    );

    const r = await joinWorker1(s);

    expect(r.exitCode).toBe(0);
    expect(findNode(s.save().state, 'worker-1')).toBeDefined();
  });

  it('records a kubectl approval as KubectlApprove, and the waiting kubelet then registers its node', async () => {
    const s = createSession({ scenario: 'cni-installed' });
    await s.run('kubectl delete clusterrolebinding kubeadm:node-autoapprove-bootstrap');
    await joinWorker1(s);
    const pending = csrList(s.save().state).find((c) => c.condition === 'Pending');

    await s.run(`kubectl certificate approve ${pending?.name ?? ''}`);

    expect(await conditions(s, pending?.name ?? '')).toMatchObject([
      {
        type: 'Approved',
        reason: 'KubectlApprove',
        message: 'This CSR was approved by kubectl certificate approve.',
      },
    ]);
    expect(findNode(s.save().state, 'worker-1')).toBeDefined();
    expect((await s.run('kubectl get nodes worker-1')).stdout).toMatch(/^worker-1\s+/m);
    expect(
      findMachine(s.save().state, 'worker-1')?.certs[
        '/var/lib/kubelet/pki/kubelet-client-current.pem'
      ],
    ).toBeDefined();
  });
});
