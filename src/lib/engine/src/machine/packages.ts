/**
 * The Kubernetes apt repository as the simulated machines see it (pkgs.k8s.io, one repository per
 * minor version; see apt-repository.ts). Functions take the minor series ("v1.36") a machine's
 * package index holds and default to the catalog's newest minor.
 */
import { DEFAULT_PACKAGE_REVISION } from '../model/defaults.ts';
import type { KubePackage } from '../model/state.ts';
import { defaultRepositoryMinor, repositoryVersions } from './apt-repository.ts';

/** Packages the repository serves. */
export const KUBE_PACKAGES: readonly KubePackage[] = ['kubeadm', 'kubelet', 'kubectl'];

/** True for the three Kubernetes package names. */
export function isKubePackage(name: string): name is KubePackage {
  return (KUBE_PACKAGES as readonly string[]).includes(name);
}

/** Minor series the default repository serves, e.g. "v1.37". */
export function repositoryMinor(): string {
  return defaultRepositoryMinor();
}

/** Versions ("1.36.0" … "1.36.4") available from a minor's repository, oldest first. */
export function availableVersions(minor: string = defaultRepositoryMinor()): string[] {
  return repositoryVersions(minor);
}

/** The candidate (newest) version of a minor's repository. */
export function candidateVersion(minor: string = defaultRepositoryMinor()): string {
  return availableVersions(minor).at(-1) ?? '';
}

/** Splits a Debian version `1.36.4-1.1` into upstream version and revision. */
export function splitDebVersion(deb: string): { version: string; revision: string } {
  const dash = deb.indexOf('-');
  if (dash < 0) return { version: deb, revision: '' };
  return { version: deb.slice(0, dash), revision: deb.slice(dash + 1) };
}

/**
 * True when a minor's repository has `deb` ("1.36.4-1.1"). apt matches `pkg=VERSION` globs too,
 * so "1.36.4-*" selects the revision (the official docs write `kubeadm='1.37.x-*'`).
 */
export function hasVersion(deb: string, minor: string = defaultRepositoryMinor()): boolean {
  const { version, revision } = splitDebVersion(deb);
  return (
    (revision === DEFAULT_PACKAGE_REVISION || revision === '*') &&
    availableVersions(minor).includes(version)
  );
}
