// upstream: cmd/kubeadm/app/cmd/upgrade/{plan,apply,node}.go, cmd/kubeadm/app/phases/upgrade/policy.go,
// staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession, nodeList } from 'kubelife';

async function run(scenario: string, lines: string[]) {
  const s = createSession({ scenario });
  let last = { stdout: '', stderr: '', exitCode: 0 };
  for (const l of lines) last = await s.run(l);
  return { s, last };
}

describe('kubeadm upgrade plan', () => {
  it('prints the kubelet table and the stable-version table with per-node rows', async () => {
    const { last } = await run('upgrade-kubeadm-upgraded', ['kubeadm upgrade plan']);

    expect(last.exitCode).toBe(0);
    expect(last.stdout).toContain('[upgrade/versions] Target version: v1.37.1');
    expect(last.stdout).toContain(
      'COMPONENT   NODE       CURRENT   TARGET\nkubelet     cp-1       v1.36.4   v1.37.1',
    );
    expect(last.stdout).toContain('Upgrade to the latest stable version:');
    expect(last.stdout).toContain('kube-proxy                          1.36.4    v1.37.1');
    expect(last.stdout).toContain('\tkubeadm upgrade apply v1.37.1\n');
    expect(last.stdout).toContain(
      'API GROUP                 CURRENT VERSION   PREFERRED VERSION   MANUAL UPGRADE REQUIRED',
    );
  });

  it('falls back to the kubeadm minor when the newest release is a newer minor', async () => {
    const { last } = await run('cluster-previous-minor', ['kubeadm upgrade plan']);

    expect(last.stderr).toContain(
      'remote version is much newer: v1.37.1; falling back to: stable-1.36',
    );
    expect(last.stdout).toContain('[upgrade/versions] Target version: v1.36.4');
  });

  it('offers the patch in the current series with a note to update kubeadm first', async () => {
    const { last } = await run('cluster-patch-behind', ['kubeadm upgrade plan']);

    expect(last.stdout).toContain('Upgrade to the latest version in the v1.37 series:');
    expect(last.stdout).toContain(
      'Note: Before you can perform this upgrade, you have to update kubeadm to v1.37.1.',
    );
  });
});

describe('kubeadm upgrade apply', () => {
  it('upgrades the control plane: server version changes, node VERSION does not', async () => {
    const { s, last } = await run('upgrade-kubeadm-upgraded', ['kubeadm upgrade apply v1.37.1 -y']);
    const version = await s.run('kubectl version');
    const nodes = await s.run('kubectl get nodes');

    expect(last.exitCode).toBe(0);
    expect(last.stdout).toContain(
      '[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "v1.37.1".',
    );
    expect(version.stdout).toContain('Server Version: v1.37.1');
    expect(nodes.stdout).toContain('cp-1       Ready    control-plane   21d   v1.36.4');
  });

  it('aborts without --yes because there is no answer on stdin', async () => {
    const { last } = await run('upgrade-kubeadm-upgraded', ['kubeadm upgrade apply v1.37.1']);

    expect(last.exitCode).toBe(1);
    expect(last.stdout).toContain('[upgrade] Are you sure you want to proceed? [y/N]: ');
    expect(last.stderr).toContain(
      "won't proceed; the user didn't answer (Y|y) in order to continue",
    );
  });

  it.each([
    [
      'refuses a target newer than kubeadm (mandatory)',
      'cluster-previous-minor',
      'kubeadm upgrade apply v1.37.1 -y',
      'is at least one minor release higher than the kubeadm minor release (37 > 36)',
    ],
    [
      'refuses a 4-part version',
      'upgrade-kubeadm-upgraded',
      'kubeadm upgrade apply v1.37.1.1 -y',
      'unable to parse normalized version "v1.37.1.1" as a semantic version',
    ],
    [
      'refuses a pre-release without the allow flag (skippable)',
      'upgrade-workers-upgraded',
      'kubeadm upgrade apply v1.38.0-alpha.2 -y',
      "is an unstable version and such upgrades weren't allowed",
    ],
    [
      'refuses a patch newer than kubeadm (skippable)',
      'cluster-patch-behind',
      'kubeadm upgrade apply v1.37.1 -y',
      'Can be bypassed if you pass the --force flag',
    ],
  ])('%s', async (_name, scenario, line, message) => {
    const { last } = await run(scenario, [line]);

    expect(last.exitCode).toBe(1);
    expect(last.stderr).toContain(message);
  });

  it('refuses to skip a minor even with --force when kubeadm is new enough for neither', async () => {
    const { last } = await run('upgrade-workers-upgraded', [
      'kubeadm upgrade apply v1.35.0 --force',
    ]);

    expect(last.exitCode).toBe(1);
    expect(last.stderr).toContain('fatal errors');
  });
});

describe('drain, node upgrade and kubelet', () => {
  it('drains with a DaemonSet warning, reschedules CoreDNS and uncordons', async () => {
    const { s, last } = await run('upgrade-control-plane-upgraded', [
      'kubectl drain worker-1 --ignore-daemonsets',
    ]);
    const nodes = await s.run('kubectl get nodes');
    const un = await s.run('kubectl uncordon worker-1');

    expect(last.stdout).toMatch(/^node\/worker-1 cordoned/);
    expect(last.stderr).toMatch(
      /Warning: ignoring DaemonSet-managed Pods: kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+/,
    );
    expect(nodes.stdout).toContain('worker-1   Ready,SchedulingDisabled');
    expect(un.stdout).toBe('node/worker-1 uncordoned\n');
  });

  it('refuses to drain without --ignore-daemonsets and leaves the node cordoned', async () => {
    const { s, last } = await run('cluster-previous-minor', ['kubectl drain worker-1']);
    const nodes = await s.run('kubectl get nodes');

    expect(last.exitCode).toBe(1);
    expect(last.stderr).toContain(
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
    );
    expect(nodes.stdout).toContain('SchedulingDisabled');
  });

  it('upgrades a worker config with kubeadm upgrade node and the kubelet version on restart', async () => {
    const { s, last } = await run('upgrade-control-plane-upgraded', [
      'ssh worker-1',
      'kubeadm upgrade node',
    ]);
    await s.run("sed -i 's/v1.36/v1.37/' /etc/apt/sources.list.d/kubernetes.list");
    await s.run('apt-get update');
    await s.run('apt-get install -y --allow-change-held-packages kubelet=1.37.1-1.1');
    await s.run('systemctl restart kubelet');
    await s.run('exit');
    const nodes = await s.run('kubectl get nodes');

    expect(last.stdout).toContain(
      '[upgrade/control-plane] Skipping phase. Not a control plane node.',
    );
    expect(last.stdout).toContain(
      '[upgrade] The configuration for this node was successfully upgraded!',
    );
    expect(nodes.stdout).toContain('worker-1   Ready    <none>          21d   v1.37.1');
  });

  // upstream: cmd/kubeadm/app/cmd/phases/upgrade/node/preflight.go (RunUpgradeChecks runs only
  // SystemVerification; the KubeletVersion check belongs to init and join).
  it('does not check the kubelet version in kubeadm upgrade node preflight', async () => {
    const { last } = await run('cluster-previous-minor', [
      'ssh worker-1',
      "sed -i 's/v1.36/v1.37/' /etc/apt/sources.list.d/kubernetes.list",
      'apt-get update',
      'apt-get install -y --allow-change-held-packages kubelet=1.37.1-1.1',
      'kubeadm upgrade node',
    ]);

    expect(last.exitCode).toBe(0);
    expect(last.stdout + last.stderr).not.toContain('KubeletVersion');
    expect(last.stdout).toContain(
      '[upgrade] The configuration for this node was successfully upgraded!',
    );
  });
});

describe('invariant', () => {
  it('no kubelet is newer than the control plane after successful documented upgrade steps', async () => {
    const step = fc.oneof(
      fc.constantFrom(
        'kubeadm upgrade apply v1.37.1 -y',
        'kubeadm upgrade apply v1.37.0 -y',
        'kubeadm upgrade apply v1.36.4 -y',
        'kubeadm upgrade apply v1.37.1 --force',
      ),
      fc.constantFrom('worker-1', 'worker-2', 'cp-1').map((n) => `node:${n}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 5 }), async (steps) => {
        const s = createSession({ scenario: 'upgrade-kubeadm-upgraded' });
        for (const st of steps) {
          if (st.startsWith('node:')) {
            // The documented kubelet step: same version as the control plane (kubectl version).
            const server =
              /Server Version: v(\S+)/.exec((await s.run('kubectl version')).stdout)?.[1] ?? '';
            const n = st.slice(5);
            await s.run(`kubectl drain ${n} --ignore-daemonsets`);
            if (n !== 'cp-1') await s.run(`ssh ${n}`);
            await s.run(
              `sed -i 's/v1.36/v1.${server.split('.')[1]}/' /etc/apt/sources.list.d/kubernetes.list`,
            );
            await s.run('apt-get update');
            await s.run(`apt-get install -y --allow-change-held-packages kubelet=${server}-1.1`);
            await s.run('systemctl restart kubelet');
            if (n !== 'cp-1') await s.run('exit');
            await s.run(`kubectl uncordon ${n}`);
          } else await s.run(st);
          const state = s.save().state;
          const cp = Number(state.cluster?.version.split('.')[1]);
          for (const node of nodeList(state)) {
            expect(Number(node.kubeletVersion.split('.')[1])).toBeLessThanOrEqual(cp);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('kubeadm upgrade apply with unchanged manifests', () => {
  it('skips every component whose manifest would not change when the same version is applied again', async () => {
    const { s, last } = await run('upgrade-workers-upgraded', ['kubeadm upgrade apply v1.37.1 -y']);

    expect(last.exitCode).toBe(0);
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'])
      expect(last.stdout).toContain(
        `[upgrade/staticpods] current and new manifests of ${component} are equal, skipping upgrade`,
      );
    expect(last.stdout).not.toContain('Moving new manifest');
    const pods = await s.run('kubectl get pods -n kube-system etcd-cp-1');
    // Not restarted: the Pod's AGE is still minutes (from the earlier upgrade), not seconds.
    expect(pods.stdout).toMatch(/etcd-cp-1\s+1\/1\s+Running\s+0\s+\d+m\d*s?\n/);
  });

  it('keeps etcd running when kubeadm pairs the same etcd image with both releases', async () => {
    const older = 'v1.36';
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded', release: older });
    const apply = await s.run('kubeadm upgrade apply v1.36.4 -y');

    expect(apply.exitCode).toBe(0);
    expect(apply.stdout).toContain('current and new manifests of etcd are equal, skipping upgrade');
    expect(apply.stdout).toContain('Component "kube-apiserver" upgraded successfully!');
  });
});
