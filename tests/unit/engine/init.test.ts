import { describe, expect, it } from 'vitest';
import { createSession, DEFAULT_KUBERNETES_VERSION, parseVersion, findMachine } from 'kubelife';
import { apply, buildScenario, flattenPhases, initPhases, runPhases, type Phase } from 'kubelife';
import { KEYRING_CONTENT, KUBERNETES_KEYRING, KUBERNETES_LIST, repositoryLine } from 'kubelife';
import { resolveInitVersion } from '../../../src/lib/engine/src/kubeadm/init.ts';

const run = (scenario: string, options = {}) =>
  apply(buildScenario(scenario), { type: 'kubeadm.init', machine: 'cp-1', options });
const lines = (t: ReturnType<typeof run>): string[] =>
  t.events.map((e) =>
    e.type === 'phase.log'
      ? `[${e.phase}] ${e.text}`
      : e.type === 'preflight.warning'
        ? `\t[WARNING ${e.check}]: ${e.message}`
        : e.text,
  );

describe('kubeadm init phases', () => {
  it('lists the upstream top-level phases in order', () => {
    const top = flattenPhases(initPhases)
      .filter((e) => e.depth === 0)
      .map((e) => e.path);

    expect(top).toEqual([
      'preflight',
      'certs',
      'kubeconfig',
      'etcd',
      'control-plane',
      'kubelet-start',
      'wait-control-plane',
      'upload-config',
      'upload-certs',
      'mark-control-plane',
      'bootstrap-token',
      'kubelet-finalize',
      'addon',
      'show-join-command',
    ]);
  });

  it('computes nested phase paths', () => {
    const paths = flattenPhases(initPhases).map((e) => e.path);

    expect(paths).toContain('certs/apiserver-kubelet-client');
    expect(paths).toContain('addon/kube-proxy');
  });

  it('wraps a failure with the phase path', () => {
    const phases: Phase<null>[] = [
      {
        name: 'a',
        short: '',
        phases: [
          {
            name: 'b',
            short: '',
            run: () => {
              throw new Error('boom');
            },
          },
        ],
      },
    ];

    const attempt = (): void => runPhases(phases, null, []);

    expect(attempt).toThrow('error execution phase a/b: Error: boom');
  });

  it('skips a phase and its children with --skip-phases', () => {
    const t = run('packages-installed', { skipPhases: ['addon/coredns'] });

    expect(t.ok).toBe(true);
    expect(lines(t)).not.toContain('[addons] Applied essential addon: CoreDNS');
    expect(lines(t)).toContain('[addons] Applied essential addon: kube-proxy');
  });

  // upstream: cmd/kubeadm/app/cmd/phases/init/showjoincommand.go, cmd/kubeadm/app/cmd/phases/init/certs.go
  it('prints the upstream init wording', () => {
    const out = lines(run('packages-installed', { podNetworkCidr: '10.244.0.0/16' })).join('\n');

    expect(out).toMatch(
      new RegExp(
        `^\\[init\\] Using Kubernetes version: ${DEFAULT_KUBERNETES_VERSION.replaceAll('.', '\\.')}\\n\\[preflight\\] Running pre-flight checks`,
      ),
    );
    expect(out).toContain(
      '[certs] apiserver serving cert is signed for DNS names [cp-1 kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 10.0.0.11]',
    );
    expect(out).toContain('[kubeconfig] Writing "super-admin.conf" kubeconfig file');
    expect(out).toContain('Your Kubernetes control-plane has initialized successfully!');
    expect(out).toMatch(
      /kubeadm join 10\.0\.0\.11:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} \\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64} $/,
    );
  });

  it('pins the join hash to the CA key from the key pool', () => {
    const t = run('packages-installed');

    expect(t.ok && t.state.cluster?.caHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('kubeadm init preflight', () => {
  // upstream: cmd/kubeadm/app/preflight/checks.go
  it('fails a second init with FileAvailable and Port errors', () => {
    const t = apply(buildScenario('control-plane-initialized'), {
      type: 'kubeadm.init',
      machine: 'cp-1',
      options: {},
    });

    expect(t.ok).toBe(false);
    // RunChecks → handleError (cmd/kubeadm/app/preflight/checks.go, as of v1.35–v1.37) writes the
    // list to stderr and returns "preflight checks failed"; the runner prefixes the phase.
    const message = t.ok ? '' : t.error.message;
    expect(message).toBe('error execution phase preflight: preflight checks failed');
    const listed = t.events
      .flatMap((e) => ('stream' in e && e.stream === 'stderr' ? [e.text] : []))
      .join('\n');
    expect(listed).toMatch(/^\[preflight\] Some fatal errors occurred:\n\t\[ERROR /);
    expect(listed).toContain(
      '\t[ERROR FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]: /etc/kubernetes/manifests/kube-apiserver.yaml already exists\n',
    );
    expect(listed).toContain('\t[ERROR Port-6443]: Port 6443 is in use\n');
    expect(listed).toMatch(
      /\n\[preflight\] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`$/,
    );
  });

  it('rejects IP forwarding off and warns about swap on bare machines with packages', () => {
    let s = buildScenario('bare-machines');
    for (const c of [
      { type: 'apt.update', machine: 'cp-1' },
      {
        type: 'apt.install',
        machine: 'cp-1',
        packages: [{ name: 'kubeadm' }, { name: 'kubelet' }],
      },
    ] as const) {
      const t = apply(s, c);
      if (t.ok) s = t.state;
    }

    const t = apply(s, { type: 'kubeadm.init', machine: 'cp-1', options: {} });

    const text = `${lines(t).join('\n')}\n${t.ok ? '' : t.error.message}`;
    expect(text).toContain(
      '[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1',
    );
    expect(text).toContain('[WARNING Swap]: swap is supported for cgroup v2 only.');
  });

  it('downgrades ignored errors to warnings', () => {
    const t = apply(buildScenario('control-plane-initialized'), {
      type: 'kubeadm.init',
      machine: 'cp-1',
      options: { ignorePreflightErrors: ['all'] },
    });

    expect(lines(t).join('\n')).toContain('\t[WARNING Port-6443]: Port 6443 is in use');
  });

  it('rejects a control plane version two minors below kubeadm', () => {
    const kubeadm = parseVersion(DEFAULT_KUBERNETES_VERSION);
    const tooOld = `v${kubeadm.major}.${kubeadm.minor - 2}.0`;
    const t = run('packages-installed', { kubernetesVersion: tooOld });

    expect(!t.ok && t.error.message).toBe(
      `this version of kubeadm only supports deploying clusters with the control plane version >= ${kubeadm.major}.${kubeadm.minor - 1}.0. Current version: ${tooOld}`,
    );
  });

  it('rejects a 4-part --kubernetes-version', () => {
    const t = run('packages-installed', { kubernetesVersion: '1.36.4.1' });

    expect(t.ok).toBe(false);
  });

  it('fails wait-control-plane after 4m when swap keeps the kubelet down', () => {
    let s = buildScenario('bare-machines');
    for (const c of [
      { type: 'sysctl.set', machine: 'cp-1', key: 'net.ipv4.ip_forward', value: '1' },
      // The pkgs.k8s.io key and source (install-kubeadm.md), then update.
      { type: 'file.write', machine: 'cp-1', path: KUBERNETES_KEYRING, content: KEYRING_CONTENT },
      {
        type: 'file.write',
        machine: 'cp-1',
        path: KUBERNETES_LIST,
        content: `${repositoryLine(DEFAULT_KUBERNETES_VERSION.split('.').slice(0, 2).join('.'))}\n`,
      },
      { type: 'apt.update', machine: 'cp-1' },
      {
        type: 'apt.install',
        machine: 'cp-1',
        packages: [{ name: 'kubeadm' }, { name: 'kubelet' }],
      },
    ] as const) {
      const t = apply(s, c);
      if (t.ok) s = t.state;
    }

    const t = apply(s, { type: 'kubeadm.init', machine: 'cp-1', options: {} });

    expect(!t.ok && t.error.message).toMatch(
      /^error execution phase wait-control-plane: failed while waiting for the kubelet to start/,
    );
    expect(
      !t.ok &&
        (t.state ? findMachine(t.state, 'cp-1') : undefined)?.files[
          '/etc/kubernetes/manifests/etcd.yaml'
        ],
    ).toBeTruthy();
  });
});

describe('kubeadm init phase', () => {
  // upstream: cmd/kubeadm/app/cmd/phases/workflow/runner.go (BindToCommand) and cmd/kubeadm/app/cmd/init.go
  it('runs a single phase without the init banner or the other phases', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('kubeadm init phase certs ca');

    expect(r).toEqual({
      stdout: '[certs] Generating "ca" certificate and key\n',
      stderr: '',
      output: '[certs] Generating "ca" certificate and key\n',
      exitCode: 0,
    });
    expect((await s.run('ls /etc/kubernetes/pki')).stdout).toBe('ca.crt  ca.key\n');
  });

  it('runs every child of a parent phase with "all"', async () => {
    const s = createSession({ scenario: 'packages-installed' });

    const r = await s.run('kubeadm init phase kubeconfig all');

    expect(r.stdout.split('\n').filter((l) => l.startsWith('[kubeconfig] Writing'))).toHaveLength(
      5,
    );
  });

  it('lists the phase subcommands alphabetically', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run('kubeadm init phase');

    expect(r.stdout).toMatch(/^Use this command to invoke single phase of the "init" workflow\n/);
    expect(r.stdout).toMatch(
      / {2}addon {16}Install required addons[\s\S]* {2}wait-control-plane {3}Wait for the control plane to start\n/,
    );
  });

  it('rejects an unknown phase the way cobra does', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run('kubeadm init phase foo');

    expect(r).toEqual({
      stdout: '',
      stderr:
        'error: unknown command "foo" for "kubeadm init phase"\nTo see the stack trace of this error execute with --v=5 or higher\n',
      output:
        'error: unknown command "foo" for "kubeadm init phase"\nTo see the stack trace of this error execute with --v=5 or higher\n',
      exitCode: 1,
    });
  });

  it('rejects arguments to plain kubeadm init', async () => {
    const r = await createSession({ scenario: 'packages-installed' }).run('kubeadm init now');

    expect(r.stderr).toBe(
      'error: unknown command "now" for "kubeadm init"\nTo see the stack trace of this error execute with --v=5 or higher\n',
    );
  });
});

describe('kubeadm init version resolution', () => {
  it('falls back to the newest patch of its own minor when stable-1 names a newer minor', async () => {
    const session = createSession({ scenario: 'packages-installed', release: 'v1.36' });

    const r = await session.run('kubeadm init --pod-network-cidr=10.244.0.0/16');

    expect(r.stderr).toMatch(
      /^I\d{4} [\d:.]+ +4242 version\.go:260\] remote version is much newer: v1\.37\.1; falling back to: stable-1\.36$/m,
    );
    expect(r.stdout).toContain('[init] Using Kubernetes version: v1.36.4');
  });

  it('deploys the newest patch of its minor from an older patch of kubeadm, unless pinned', () => {
    expect(resolveInitVersion(undefined, 'v1.37.0')).toEqual({
      version: 'v1.37.1',
      info: [],
      warnings: [],
    });
    expect(resolveInitVersion('v1.37.0', 'v1.37.0').version).toBe('v1.37.0');
  });

  it('still refuses a control plane older than its minor minus one', () => {
    expect(() => resolveInitVersion('v1.35.0', 'v1.37.1')).toThrow(
      /only supports deploying clusters with the control plane version >= 1\.36\.0/,
    );
  });
});

describe('kubeadm init KubernetesVersion check', () => {
  it('warns, and goes on, when the control plane would be a newer minor than kubeadm', async () => {
    const session = createSession({ scenario: 'packages-installed' });

    const r = await session.run(
      'kubeadm init --kubernetes-version v1.38.0-alpha.2 --pod-network-cidr=10.244.0.0/16',
    );

    expect(r.output).toContain(
      '\t[WARNING KubernetesVersion]: Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: 1.38.0-alpha.2. Kubeadm version: 1.37.x',
    );
    expect(r.exitCode).toBe(0);
  });

  it('does not warn for a newer patch of its own minor', async () => {
    const session = createSession({ scenario: 'packages-installed' });

    const r = await session.run(
      'kubeadm init --kubernetes-version v1.37.0 --pod-network-cidr=10.244.0.0/16',
    );

    expect(r.output).not.toContain('KubernetesVersion');
  });
});
