/**
 * The package-installation steps of install-kubeadm.md ("Installing kubeadm, kubelet and
 * kubectl", Debian-based distributions) as typed commands, so every scenario that installs the
 * packages does exactly what the install guide's shell lines do: archive prerequisites, the
 * signing key, the one-minor repository, update, install (optionally pinned), hold, enable.
 */
import type { Command, PackageRequest } from '../commands/types.ts';
import {
  KEYRING_CONTENT,
  KUBERNETES_KEYRING,
  KUBERNETES_LIST,
  repositoryLine,
} from '../machine/apt-repository.ts';

/** The archive packages the docs install before adding pkgs.k8s.io. */
export const PREREQUISITES = ['apt-transport-https', 'ca-certificates', 'curl', 'gpg'];

/**
 * `apt-get update`, the prerequisites, `curl … | gpg --dearmor -o KEYRING`,
 * `echo 'deb …' | tee kubernetes.list` for `minor` ("v1.37").
 */
export function repositorySetupCommands(machine: string, minor: string): Command[] {
  return [
    { type: 'apt.update', machine },
    { type: 'apt.install', machine, packages: PREREQUISITES.map((name) => ({ name })) },
    { type: 'file.write', machine, path: KUBERNETES_KEYRING, content: KEYRING_CONTENT },
    { type: 'file.write', machine, path: KUBERNETES_LIST, content: `${repositoryLine(minor)}\n` },
  ];
}

/**
 * The whole install on one machine: repository setup, `apt-get update`, `apt-get install -y`
 * of `packages`, `apt-mark hold` of the same names, `systemctl enable --now kubelet`.
 */
export function installPackagesCommands(
  machine: string,
  minor: string,
  packages: readonly PackageRequest[],
): Command[] {
  return [
    ...repositorySetupCommands(machine, minor),
    { type: 'apt.update', machine },
    { type: 'apt.install', machine, packages },
    { type: 'apt.mark', machine, packages: packages.map((p) => p.name), hold: true },
    { type: 'service', machine, unit: 'kubelet', action: 'enable', now: true },
  ];
}

/**
 * A bare machine made ready for `kubeadm join` or `init` as the install guide leaves it (the
 * `packages-installed` scenario): swap off, IP forwarding on, kubelet, kubeadm and kubectl of
 * `minor` installed from its repository, held, the kubelet enabled.
 */
export function preparePackagesCommands(machine: string, minor: string): Command[] {
  return [
    { type: 'swap.off', machine },
    { type: 'sysctl.set', machine, key: 'net.ipv4.ip_forward', value: '1' },
    // install-kubeadm.md: repository (key + one-minor source), install, hold, enable.
    ...installPackagesCommands(machine, minor, [
      { name: 'kubelet' },
      { name: 'kubeadm' },
      { name: 'kubectl' },
    ]),
  ];
}
