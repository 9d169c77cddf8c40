// The nodes table from the Node objects, as printNode prints it.
// upstream (kubernetes commit 003e8629): pkg/printers/internalversion/printers.go (printNode:
// STATUS from the Ready condition plus ",SchedulingDisabled", findNodeRoles from the
// node-role.kubernetes.io/<role> and kubernetes.io/role labels, sorted; getNodeInternalIP,
// getNodeExternalIP "<none>"; nodeInfo's osImage, kernelVersion, containerRuntimeVersion).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('kubectl get nodes', () => {
  it('lists the roles of a Node’s role labels, sorted, and <none> without any', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl label node worker-1 node-role.kubernetes.io/worker=');
    await s.run('kubectl label node worker-2 kubernetes.io/role=infra node-role.kubernetes.io/db=');

    const out = (await s.run('kubectl get nodes')).stdout.split('\n');

    expect(out[1]).toMatch(/^cp-1\s+Ready\s+control-plane\s/);
    expect(out[2]).toMatch(/^worker-1\s+Ready\s+worker\s/);
    expect(out[3]).toMatch(/^worker-2\s+Ready\s+db,infra\s/);
  });

  it('shows NotReady,SchedulingDisabled for a cordoned node whose network plugin is gone', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-1');
    await s.run('ssh worker-1');
    await s.run('rm /etc/cni/net.d/10-flannel.conflist');
    await s.run('exit');

    const out = (await s.run('kubectl get nodes -o wide')).stdout.split('\n');

    expect(out[2]).toMatch(
      /^worker-1\s+NotReady,SchedulingDisabled\s+<none>\s+\S+\s+v\S+\s+10\.0\.0\.21\s+<none>\s+Ubuntu 24\.04\.3 LTS\s+\S+\s+containerd:\/\/\S+$/,
    );
  });
});
