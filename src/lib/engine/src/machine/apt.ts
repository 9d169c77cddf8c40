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
import {
  SIGNING_KEY_ID,
  configuredMinor,
  hasKeyring,
  inReleaseUrl,
  indexedMinor,
} from './apt-repository.ts';
import {
  dpkgListPath,
  isSystemPackage,
  systemPackageInstalled,
  systemPackageVersion,
} from './apt-system.ts';
import { startKubelet } from './kubelet.ts';
import { setKeyed } from '../model/keyed-map.ts';

const READING =
  'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done';

/**
 * `apt-get update`: fetches the package lists, including the Kubernetes repository the machine's
 * kubernetes.list names (one repository per minor; editing the file changes what is fetched).
 * No list: only the Ubuntu archive. A list whose `signed-by` keyring is missing or empty: apt
 * refuses the unsigned repository (NO_PUBKEY, "is not signed") and exits 100. A repository read
 * for the first time shows `Get:` lines, one already indexed `Hit:` (apt's acquire output).
 */
export function applyAptUpdate(state: ClusterState, machine: string): Transition {
  const m = getMachine(state, machine);
  const minor = configuredMinor(m);
  const archive = [
    'Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease',
    'Hit:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease',
    'Hit:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease',
    'Hit:4 http://security.ubuntu.com/ubuntu noble-security InRelease',
  ];
  const indexed = (index: string): ClusterState =>
    updateMachine(state, machine, (x) => ({ ...x, aptUpdated: true, aptIndex: index }));
  if (minor === null) return ok(indexed('none'), [text([...archive, READ_LISTS].join('\n'))]);
  const release = inReleaseUrl(minor);
  if (!hasKeyring(m)) {
    // Sizes are representative of pkgs.k8s.io's InRelease; the wording is apt 2.8's (noble).
    const why = `The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${SIGNING_KEY_ID}`;
    return fail(
      new EngineError('AptRepositoryNotSigned', {
        repository: `https://pkgs.k8s.io/core:/stable:/${minor}/deb  InRelease`,
      }),
      [
        text(
          [
            ...archive,
            `Get:5 ${release} [1186 B]`,
            `Err:5 ${release}`,
            `  ${why}`,
            'Fetched 1186 B in 1s (1950 B/s)',
            READ_LISTS,
          ].join('\n'),
        ),
        text(`W: GPG error: ${release}: ${why}`, 'stderr'),
      ],
      indexed('none'),
    );
  }
  const fresh = !(m.aptUpdated && m.aptIndex === minor);
  const repo = fresh
    ? [
        `Get:5 ${release} [1186 B]`,
        `Get:6 ${release.replace(/ InRelease$/, ' Packages')} [4865 B]`,
        'Fetched 6051 B in 1s (8404 B/s)',
      ]
    : [`Hit:5 ${release}`];
  return ok(indexed(minor), [text([...archive, ...repo, READ_LISTS].join('\n'))]);
}

const READ_LISTS = 'Reading package lists... Done';

// Dependencies the kubeadm/kubelet packages pull in on Ubuntu.
const DEPENDENCIES: Readonly<Record<KubePackage, readonly string[]>> = {
  kubelet: ['conntrack', 'kubernetes-cni'],
  kubeadm: ['cri-tools'],
  kubectl: [],
};

/**
 * `apt-get install -y …` for kubelet/kubeadm/kubectl, optionally pinned (`kubelet=1.36.4-1.1`),
 * and the Ubuntu archive packages of apt-system.ts. Kubernetes packages are only found after an
 * `apt-get update` that read a pkgs.k8s.io repository; a lower version than the installed one is
 * a downgrade, which apt refuses under -y without --allow-downgrades.
 */
export function applyAptInstall(
  state: ClusterState,
  machine: string,
  requests: readonly PackageRequest[],
  allowChangeHeld: boolean,
  allowDowngrades = false,
): Transition {
  const m = getMachine(state, machine);
  const minor = indexedMinor(m);
  const repo = m.aptUpdated && minor !== null && minor !== 'none' ? minor : null;
  // apt reports every package it cannot find, in command-line order (apt-private-install.cc).
  const missing = requests.filter(
    (r) => !m.aptUpdated || !(isSystemPackage(r.name) || (isKubePackage(r.name) && repo)),
  );
  if (missing.length > 0) {
    const last = missing.at(-1)?.name ?? '';
    return fail(new EngineError('AptUnableToLocate', { package: last }), [
      text(READING),
      ...missing.slice(0, -1).map((r) => text(`E: Unable to locate package ${r.name}`, 'stderr')),
    ]);
  }
  const system = requests.filter((r) => isSystemPackage(r.name)).map((r) => r.name);
  const wanted: Array<{ name: KubePackage; version: string }> = [];
  for (const r of requests) {
    if (!isKubePackage(r.name) || repo === null) continue;
    const deb = r.version ?? `${candidateVersion(repo)}-${DEFAULT_PACKAGE_REVISION}`;
    if (!hasVersion(deb, repo)) {
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
  const installed = (name: KubePackage): string => {
    const cur = m.packages[name];
    return cur ? `${cur.version}-${cur.revision}` : '';
  };
  const downgraded = changes.filter(
    (w) => m.packages[w.name] && compareDeb(w.version, installed(w.name)) < 0,
  );
  const heldChanged = changes.filter((w) => m.packages[w.name]?.held);
  if (downgraded.length > 0 && !allowDowngrades) {
    // apt-private-install.cc checks downgrades before held packages: the summary, then the error.
    const up = changes.filter((w) => m.packages[w.name] && !downgraded.includes(w));
    const lines = [
      READING,
      ...(heldChanged.length > 0
        ? ['The following held packages will be changed:', `  ${names(heldChanged)}`]
        : []),
      ...(up.length > 0 ? ['The following packages will be upgraded:', `  ${names(up)}`] : []),
      'The following packages will be DOWNGRADED:',
      `  ${names(downgraded)}`,
      `${up.length} upgraded, ${changes.length - up.length - downgraded.length} newly installed, ${downgraded.length} downgraded, 0 to remove and 0 not upgraded.`,
    ];
    return fail(new EngineError('AptDowngrade'), [text(lines.join('\n'))]);
  }
  if (heldChanged.length > 0 && !allowChangeHeld) {
    // apt lists the held packages, then the transaction it refused (apt-private-install.cc).
    const up = changes
      .filter((w) => m.packages[w.name])
      .map((w) => w.name)
      .sort();
    const lines = [
      READING,
      'The following held packages will be changed:',
      `  ${names(heldChanged)}`,
      ...(up.length > 0 ? ['The following packages will be upgraded:', `  ${up.join(' ')}`] : []),
      `${up.length} upgraded, ${changes.length - up.length} newly installed, 0 to remove and 0 not upgraded.`,
    ];
    return fail(new EngineError('AptHeld'), [text(lines.join('\n'))]);
  }
  const newSystem = system.filter((n) => !systemPackageInstalled(m, n));
  const events: EngineEvent[] = [];
  const lines: string[] = [READING];
  for (const n of system.filter((x) => !newSystem.includes(x)))
    lines.push(`${n} is already the newest version (${systemPackageVersion(n)}).`);
  for (const w of upToDate) lines.push(`${w.name} is already the newest version (${w.version}).`);
  const newPkgs = changes.filter((w) => !m.packages[w.name]);
  const upgraded = changes.filter((w) => m.packages[w.name] && !downgraded.includes(w));
  const deps = [...new Set(newPkgs.flatMap((w) => DEPENDENCIES[w.name]))].filter(
    (d) => !m.files[`/var/lib/dpkg/info/${d}.list`],
  );
  if (deps.length > 0)
    lines.push(
      'The following additional packages will be installed:',
      `  ${deps.sort().join(' ')}`,
    );
  if (newPkgs.length + newSystem.length > 0) {
    lines.push(
      'The following NEW packages will be installed:',
      `  ${[...deps, ...newSystem, ...newPkgs.map((w) => w.name)].sort().join(' ')}`,
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
  if (downgraded.length > 0)
    lines.push('The following packages will be DOWNGRADED:', `  ${names(downgraded)}`);
  const downCount = downgraded.length > 0 ? `${downgraded.length} downgraded, ` : '';
  lines.push(
    `${upgraded.length} upgraded, ${newPkgs.length + deps.length + newSystem.length} newly installed, ${downCount}0 to remove and 0 not upgraded.`,
  );
  for (const n of newSystem) {
    lines.push(`Selecting previously unselected package ${n}.`);
    lines.push(`Unpacking ${n} (${systemPackageVersion(n)}) ...`);
  }
  for (const w of changes) {
    const cur = m.packages[w.name];
    if (downgraded.includes(w)) {
      // dpkg warns before unpacking (dpkg src/main/unpack.c); seen in real transcripts too.
      events.push(text(lines.splice(0).join('\n')));
      events.push(
        text(
          `dpkg: warning: downgrading ${w.name} from ${installed(w.name)} to ${w.version}`,
          'stderr',
        ),
      );
    }
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
  for (const n of newSystem) lines.push(`Setting up ${n} (${systemPackageVersion(n)}) ...`);
  for (const w of changes) lines.push(`Setting up ${w.name} (${w.version}) ...`);

  const packages: Partial<Record<KubePackage, InstalledPackage>> = { ...m.packages };
  for (const w of changes) {
    const { version, revision } = splitDebVersion(w.version);
    packages[w.name] = { version, revision, held: m.packages[w.name]?.held ?? false };
  }
  const files: Record<string, string> = { ...m.files };
  for (const d of deps) files[`/var/lib/dpkg/info/${d}.list`] = '';
  for (const n of newSystem) files[dpkgListPath(n)] = '';
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
  if (lines.length > 0) events.push(text(lines.join('\n')));
  return ok({ ...state, machines: setKeyed(state.machines, machine, next) }, events);
}

const names = (ws: ReadonlyArray<{ name: string }>): string =>
  ws
    .map((w) => w.name)
    .sort()
    .join(' ');

/** Orders two Debian versions of the Kubernetes packages ("1.37.1-1.1"): numeric parts compared. */
function compareDeb(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
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
