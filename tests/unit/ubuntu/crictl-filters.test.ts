// crictl as a reader on a kubeadm node types it (cri-tools cmd/crictl/container.go ps and
// sandbox.go pods filters; main.go GetRuntimeService: the deprecated default endpoints, each
// failure logged, logrus.Fatal at the end), against the containers of the Pods the API serves.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from 'kubelife';

async function onWorker(s: Session, line: string) {
  await s.run('ssh worker-1');
  const r = await s.run(line);
  await s.run('exit');
  return r;
}

describe('crictl on a kubeadm node', () => {
  it('warns about the missing config file and the deprecated default endpoints on stderr', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await onWorker(s, 'sudo crictl ps');

    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'WARN[0000] Config "/etc/crictl.yaml" does not exist, trying next: "/usr/bin/crictl.yaml" ',
      'WARN[0000] runtime connect using default endpoints: [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated, you should set the endpoint instead. ',
      'WARN[0000] Image connect using default endpoints: [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated, you should set the endpoint instead. ',
    ]);
  });

  it('says nothing about endpoints once /etc/crictl.yaml names containerd', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run(
      'sudo crictl config --set runtime-endpoint=unix:///run/containerd/containerd.sock 2>/dev/null || echo "runtime-endpoint: unix:///run/containerd/containerd.sock" | sudo tee /etc/crictl.yaml',
    );
    const r = await s.run('sudo crictl pods');

    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('lists a reader’s containers with the container IDs kubectl shows', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    const ids = await s.run(
      'kubectl get pods -l app=web --field-selector spec.nodeName=worker-1 -o jsonpath={.items[*].status.containerStatuses[0].containerID}',
    );

    const r = await onWorker(s, 'sudo crictl ps --name ^nginx$ -q');

    expect(r.stdout.trim().split('\n')).toEqual(
      ids.stdout
        .trim()
        .split(' ')
        .map((id) => id.replace('containerd://', '')),
    );
  });

  it('filters by namespace regex, state and --last', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const ns = await onWorker(s, 'sudo crictl pods --namespace flannel -q');
    const exited = await onWorker(s, 'sudo crictl ps --state exited');
    const last = await onWorker(s, 'sudo crictl ps -n 1');

    expect(ns.stdout.trim().split('\n')).toHaveLength(1);
    // flannel's two init containers ran to completion (kube-flannel.yml initContainers).
    expect(
      exited.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s{2,}/)[4])
        .sort(),
    ).toEqual(['install-cni', 'install-cni-plugin']);
    expect(last.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses an unknown flag before connecting, and a bad --state after, with exit 1', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const flag = await onWorker(s, 'sudo crictl -r unix:///run/containerd/containerd.sock ps -x');
    const state = await onWorker(
      s,
      'sudo crictl -r unix:///run/containerd/containerd.sock ps --state bogus',
    );

    expect(flag.exitCode).toBe(1);
    expect(flag.stdout).toBe('Incorrect Usage: flag provided but not defined: -x\n\n');
    expect(flag.stderr).toContain('FATA[0000] flag provided but not defined: -x');
    expect(flag.stderr).not.toContain('runtime connect');
    expect(state.exitCode).toBe(1);
    expect(state.stderr).toContain(
      'FATA[0000] listing containers: list containers: --state should be one of created, running, exited or unknown ',
    );
  });

  it('logs each default endpoint that fails and exits 1 when containerd is stopped', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run('sudo systemctl stop containerd');
    const r = await s.run('sudo crictl ps');

    const lines = r.stderr.split('\n').filter(Boolean);
    expect(r.exitCode).toBe(1);
    expect(
      lines.filter((l) => l.startsWith('ERRO[0000] validate service connection')),
    ).toHaveLength(3);
    expect(lines.at(-1)).toMatch(
      /^FATA\[0000\] validate service connection: .*cri-dockerd\.sock.*no such file or directory" $/,
    );
  });

  it('prints the runtime’s version', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await onWorker(s, 'sudo crictl version');

    expect(r.stdout).toMatch(
      /^Version: {2}0\.1\.0\nRuntimeName: {2}containerd\nRuntimeVersion: {2}v\d+\.\d+\.\d+\nRuntimeApiVersion: {2}v1\n$/,
    );
  });
});
