// Current kubeadm and etcd wording, each case checked against upstream source (the file and the
// revision it was read at are cited next to it). The release tracks are v1.35–v1.37; these texts
// are the same on all three.
import { describe, expect, it } from 'vitest';
import { createSession, findMachine, releaseTrack, trackVariables } from 'kubelife';

const ETCDCTL =
  'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe('kubeadm wording', () => {
  // cmd/kubeadm/app/preflight/checks.go (RunChecks, handleError) and
  // cmd/kubeadm/app/util/errors/errors.go (HandleError: "error: " prefix, exit code 1).
  it.each(['v1.35', 'v1.36', 'v1.37'])(
    'prints a failed init preflight list on stderr, then "preflight checks failed" (%s)',
    async (release) => {
      const s = createSession({ scenario: 'packages-installed', release });
      await s.run('sysctl -w net.ipv4.ip_forward=0');

      const r = await s.run('kubeadm init');

      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/\[preflight\] Running pre-flight checks\n$/);
      expect(
        r.stderr.endsWith(
          [
            '[preflight] Some fatal errors occurred:',
            '\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1',
            '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
            'error: error execution phase preflight: preflight checks failed',
            'To see the stack trace of this error execute with --v=5 or higher',
            '',
          ].join('\n'),
        ),
      ).toBe(true);
    },
  );

  it('writes preflight warnings to stderr, as RunChecks does', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('systemctl disable kubelet');

    const r = await s.run('kubeadm init');

    expect(r.stderr).toContain(
      "\t[WARNING Service-Kubelet]: kubelet service is not enabled, please run 'systemctl enable kubelet.service'\n",
    );
    expect(r.stdout).not.toContain('[WARNING');
  });

  // cmd/kubeadm/app/util/config/cluster.go FetchInitConfigurationFromCluster, called by
  // getInternalCfg in cmd/kubeadm/app/cmd/certs.go ("check-expiration" log prefix).
  it('reads the cluster configuration in check-expiration as current kubeadm says it', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('kubeadm certs check-expiration');

    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
      "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
      '',
    ]);
  });

  // cmd/kubeadm/app/cmd/phases/reset/preflight.go (runPreflight: klog warning, then
  // util.InteractivelyConfirmAction("reset", "Are you sure you want to proceed?", stdin)).
  it('asks before resetting without -f and stops when there is no answer', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('kubeadm reset');

    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('[reset] Are you sure you want to proceed? [y/N]: \n');
    expect(r.stdout).not.toContain('[preflight] Running pre-flight checks');
    expect(r.stderr).toMatch(
      /^W1125 09:00:\d\d\.000000 {4}4242 preflight\.go:55\] \[reset\] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted\.\n/,
    );
    expect(r.stderr).toContain(
      "error: error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\n",
    );
    expect(findMachine(s.save().state, 'cp-1')?.files['/etc/kubernetes/admin.conf']).toBeDefined();
  });

  it('resets once the prompt is answered yes on stdin', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('echo y | kubeadm reset');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      '[reset] Are you sure you want to proceed? [y/N]: \n[preflight] Running pre-flight checks\n',
    );
    expect(
      findMachine(s.save().state, 'cp-1')?.files['/etc/kubernetes/admin.conf'],
    ).toBeUndefined();
  });

  // cmd/kubeadm/app/cmd/upgrade/apply.go: the same InteractivelyConfirmAction on stdin.
  it('upgrades after the apply prompt is answered yes and refuses any other answer', async () => {
    const s = createSession({ scenario: 'upgrade-kubeadm-upgraded' });
    const version = trackVariables(releaseTrack(s.release))['version'] ?? '';

    const no = await s.run(`echo n | kubeadm upgrade apply ${version}`);
    const yes = await s.run(`echo yes | kubeadm upgrade apply ${version}`);

    expect(no.stderr).toContain("won't proceed; the user didn't answer (Y|y) in order to continue");
    expect(yes.exitCode).toBe(0);
    expect(yes.stdout).toContain('[upgrade] Are you sure you want to proceed? [y/N]: \n');
  });
});

describe('kubectl usage hints', () => {
  // cmdutil.UsageErrorf (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go) names the command
  // path; checked against the real kubectl v1.32.4 on the development machine.
  it.each(['drain', 'cordon', 'uncordon'])(
    'points kubectl %s without a node at its help',
    async (verb) => {
      const s = createSession({ scenario: 'control-plane-initialized' });

      const r = await s.run(`kubectl ${verb}`);

      expect(r).toMatchObject({
        exitCode: 1,
        stderr: `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`,
      });
    },
  );
});

describe('static Pod manifests', () => {
  // cmd/kubeadm/app/phases/etcd/local.go GetEtcdPodSpec + cmd/kubeadm/app/util/staticpod/utils.go
  // (LivenessProbe /livez, ReadinessProbe and StartupProbe /readyz on the metrics port 2381).
  it('gives the etcd Pod its probes, requests and the etcd-data and etcd-certs volumes', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const manifest = (await s.run('cat /etc/kubernetes/manifests/etcd.yaml')).stdout;

    expect(manifest).toContain(
      'metadata:\n  annotations:\n    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://10.0.0.11:2379\n  labels:\n',
    );
    expect(manifest).toContain(
      '    livenessProbe:\n      failureThreshold: 8\n      httpGet:\n        host: 127.0.0.1\n        path: /livez\n        port: 2381\n        scheme: HTTP\n      initialDelaySeconds: 10\n      periodSeconds: 10\n      timeoutSeconds: 15\n    name: etcd\n',
    );
    expect(manifest).toContain(
      '    resources:\n      requests:\n        cpu: 100m\n        memory: 100Mi\n',
    );
    expect(manifest).toMatch(
      /  volumes:\n  - hostPath:\n      path: \/etc\/kubernetes\/pki\/etcd\n      type: DirectoryOrCreate\n    name: etcd-certs\n  - hostPath:\n      path: \/var\/lib\/etcd\n      type: DirectoryOrCreate\n    name: etcd-data\nstatus: \{\}\n$/,
    );
  });
});

describe('etcd 3.6 wording', () => {
  // etcdctl/ctlv3/command/printer.go makeEndpointStatusTable at v3.6.x: 16 columns.
  it('prints endpoint status with etcd 3.6 columns', async () => {
    const s = createSession({ scenario: 'control-plane-initialized', release: 'v1.35' });

    const r = await s.run(`${ETCDCTL} endpoint status -w table`);

    expect(r.stdout.split('\n')[1]).toBe(
      '|        ENDPOINT        |        ID        | VERSION | STORAGE VERSION | DB SIZE | IN USE | PERCENTAGE NOT IN USE | QUOTA | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX | ERRORS | DOWNGRADE TARGET VERSION | DOWNGRADE ENABLED |',
    );
    expect(r.stdout.split('\n')[3]).toMatch(
      /^\| https:\/\/127\.0\.0\.1:2379 \| +[0-9a-f]+ \| +3\.6\.\d+ \| +3\.6\.0 \| .* \| +0 B \| +true \| +false \| .* \| +\| +\| +false \|$/,
    );
  });

  // etcd server: MemberList is linearizable since v3.5 (server/etcdserver/api/v3rpc/member.go).
  it('fails member list without quorum', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    await s.run('kubelife fault machine-down cp-2');
    await s.run('kubelife fault etcd-member-lost cp-3');

    const r = await s.run(`${ETCDCTL} member list`);

    expect(r).toMatchObject({ exitCode: 1, stderr: 'Error: context deadline exceeded\n' });
  });
});
