/**
 * apt-get update / install and apt-mark hold, for the three Kubernetes packages.
 */
import type { ClusterState, InstalledPackage, KubePackage, Machine } from '../model/state.ts';
import type { PackageRequest } from '../commands/types.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text, type EngineEvent } from '../events.ts';
import { getMachine, updateMachine } from '../state/create.ts';
import { DEFAULT_PACKAGE_REVISION } from '../model/defaults.ts';
import { candidateVersion, hasVersion, isKubePackage, splitDebVersion } from './packages.ts';
import { configuredMinor, inReleaseUrl, indexedMinor } from './apt-repository.ts';
import { startKubelet } from './kubelet.ts';

const READING =
  'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done';

/**
 * `apt-get update`: fetches the package lists, including the Kubernetes repository the machine's
 * kubernetes.list names (one repository per minor; editing the file changes what is fetched).
 */
export function applyAptUpdate(state: ClusterState, machine: string): Transition {
  const minor = configuredMinor(getMachine(state, machine));
  const out = [
    'Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease',
    'Hit:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease',
    'Hit:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease',
    'Hit:4 http://security.ubuntu.com/ubuntu noble-security InRelease',
    ...(minor !== null ? [`Hit:5 ${inReleaseUrl(minor)}`] : []),
    'Reading package lists... Done',
  ].join('\n');
  return ok(
    updateMachine(state, machine, (m) => ({ ...m, aptUpdated: true, aptIndex: minor ?? 'none' })),
    [text(out)],
  );
}

// Dependencies the kubeadm/kubelet packages pull in on Ubuntu.
const DEPENDENCIES: Readonly<Record<KubePackage, readonly string[]>> = {
  kubelet: ['conntrack', 'kubernetes-cni'],
  kubeadm: ['cri-tools'],
  kubectl: [],
};

/** `apt-get install -y …` for kubelet/kubeadm/kubectl, optionally pinned (`kubelet=1.36.4-1.1`). */
export function applyAptInstall(
  state: ClusterState,
  machine: string,
  requests: readonly PackageRequest[],
  allowChangeHeld: boolean,
): Transition {
  const m = getMachine(state, machine);
  const minor = indexedMinor(m);
  if (!m.aptUpdated || minor === null || minor === 'none') {
    const first = requests[0]?.name ?? '';
    return fail(new EngineError('AptUnableToLocate', { package: first }), [text(READING)]);
  }
  const wanted: Array<{ name: KubePackage; version: string }> = [];
  for (const r of requests) {
    if (!isKubePackage(r.name))
      return fail(new EngineError('AptUnableToLocate', { package: r.name }), [text(READING)]);
    const deb = r.version ?? `${candidateVersion(minor)}-${DEFAULT_PACKAGE_REVISION}`;
    if (!hasVersion(deb, minor)) {
      return fail(new EngineError('AptVersionNotFound', { package: r.name, version: deb }), [
        text(READING),
      ]);
    }
    // `pkg='1.37.1-*'` selects the repository's revision of that version.
    wanted.push({ name: r.name, version: deb.replace(/-\*$/, `-${DEFAULT_PACKAGE_REVISION}`) });
  }
  const changes = wanted.filter((w) => {
    const cur = m.packages[w.name];
    return !cur || `${cur.version}-${cur.revision}` !== w.version;
  });
  const upToDate = wanted.filter((w) => !changes.includes(w));
  const heldChanged = changes.filter((w) => m.packages[w.name]?.held);
  if (heldChanged.length > 0 && !allowChangeHeld) {
    // apt lists the held packages, then the transaction it refused (apt-private-install.cc).
    const up = changes
      .filter((w) => m.packages[w.name])
      .map((w) => w.name)
      .sort();
    const lines = [
      READING,
      'The following held packages will be changed:',
      `  ${heldChanged
        .map((w) => w.name)
        .sort()
        .join(' ')}`,
      ...(up.length > 0 ? ['The following packages will be upgraded:', `  ${up.join(' ')}`] : []),
      `${up.length} upgraded, ${changes.length - up.length} newly installed, 0 to remove and 0 not upgraded.`,
    ];
    return fail(new EngineError('AptHeld'), [text(lines.join('\n'))]);
  }
  const lines: string[] = [READING];
  for (const w of upToDate) lines.push(`${w.name} is already the newest version (${w.version}).`);
  const newPkgs = changes.filter((w) => !m.packages[w.name]);
  const upgraded = changes.filter((w) => m.packages[w.name]);
  const deps = [...new Set(newPkgs.flatMap((w) => DEPENDENCIES[w.name]))].filter(
    (d) => !m.files[`/var/lib/dpkg/info/${d}.list`],
  );
  if (deps.length > 0)
    lines.push(
      'The following additional packages will be installed:',
      `  ${deps.sort().join(' ')}`,
    );
  if (newPkgs.length > 0) {
    lines.push(
      'The following NEW packages will be installed:',
      `  ${[...deps, ...newPkgs.map((w) => w.name)].sort().join(' ')}`,
    );
  }
  if (upgraded.length > 0) {
    lines.push(
      'The following packages will be upgraded:',
      `  ${upgraded
        .map((w) => w.name)
        .sort()
        .join(' ')}`,
    );
  }
  lines.push(
    `${upgraded.length} upgraded, ${newPkgs.length + deps.length} newly installed, 0 to remove and 0 not upgraded.`,
  );
  for (const w of changes) {
    const cur = m.packages[w.name];
    lines.push(
      cur
        ? `Preparing to unpack .../${w.name}_${w.version}_amd64.deb ...`
        : `Selecting previously unselected package ${w.name}.`,
    );
    lines.push(
      cur
        ? `Unpacking ${w.name} (${w.version}) over (${cur.version}-${cur.revision}) ...`
        : `Unpacking ${w.name} (${w.version}) ...`,
    );
  }
  for (const w of changes) lines.push(`Setting up ${w.name} (${w.version}) ...`);

  const packages: Partial<Record<KubePackage, InstalledPackage>> = { ...m.packages };
  for (const w of changes) {
    const { version, revision } = splitDebVersion(w.version);
    packages[w.name] = { version, revision, held: m.packages[w.name]?.held ?? false };
  }
  const files: Record<string, string> = { ...m.files };
  for (const d of deps) files[`/var/lib/dpkg/info/${d}.list`] = '';
  for (const w of changes) files[`/usr/bin/${w.name}`] = '\u007fELF';
  let next: Machine = { ...m, packages, files };
  if (changes.some((w) => w.name === 'kubelet')) {
    // The deb's postinst enables and starts the unit; without a config it crash-loops.
    next = startKubelet({ ...next, kubelet: { ...next.kubelet, enabled: true } }, state.now);
    if (!m.packages.kubelet) {
      next = {
        ...next,
        files: { ...next.files, '/usr/lib/systemd/system/kubelet.service': KUBELET_UNIT },
      };
    }
  }
  if (changes.some((w) => w.name === 'kubeadm')) {
    next = {
      ...next,
      files: {
        ...next.files,
        '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf': KUBEADM_DROPIN,
      },
    };
  }
  return ok({ ...state, machines: { ...state.machines, [machine]: next } }, [
    text(lines.join('\n')),
  ]);
}

/** `apt-mark hold|unhold …`. */
export function applyAptMark(
  state: ClusterState,
  machine: string,
  names: readonly string[],
  hold: boolean,
): Transition {
  const m = getMachine(state, machine);
  const events: EngineEvent[] = [];
  const packages: Partial<Record<KubePackage, InstalledPackage>> = { ...m.packages };
  for (const name of names) {
    const pkg = isKubePackage(name) ? packages[name] : undefined;
    if (!pkg || !isKubePackage(name)) {
      events.push(text(`E: Unable to locate package ${name}`, 'stderr'));
      continue;
    }
    if (pkg.held === hold) {
      events.push(
        text(hold ? `${name} was already set on hold.` : `${name} was already not on hold.`),
      );
    } else {
      events.push(text(hold ? `${name} set on hold.` : `Canceled hold on ${name}.`));
      packages[name] = { ...pkg, held: hold };
    }
  }
  return ok(
    updateMachine(state, machine, (x) => ({ ...x, packages })),
    events,
  );
}

const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;
