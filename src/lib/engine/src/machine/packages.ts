/**
 * The Kubernetes apt repository as the simulated machines see it (pkgs.k8s.io, one repository per
 * minor version).
 */
import { DEFAULT_KUBERNETES_VERSION, DEFAULT_PACKAGE_REVISION } from '../model/defaults.ts';
import { parseVersion } from '../model/version.ts';
import type { KubePackage } from '../model/state.ts';

/** Packages the repository serves. */
export const KUBE_PACKAGES: readonly KubePackage[] = ['kubeadm', 'kubelet', 'kubectl'];

/** True for the three Kubernetes package names. */
export function isKubePackage(name: string): name is KubePackage {
  return (KUBE_PACKAGES as readonly string[]).includes(name);
}

/** Minor series the configured repository serves, e.g. "v1.36". */
export function repositoryMinor(): string {
  const v = parseVersion(DEFAULT_KUBERNETES_VERSION);
  return `v${v.major}.${v.minor}`;
}

/** Versions ("1.36.0" … "1.36.4") available from the configured repository, oldest first. */
export function availableVersions(): string[] {
  const v = parseVersion(DEFAULT_KUBERNETES_VERSION);
  return Array.from({ length: v.patch + 1 }, (_, i) => `${v.major}.${v.minor}.${i}`);
}

/** The candidate (newest) version of the repository. */
export function candidateVersion(): string {
  return DEFAULT_KUBERNETES_VERSION.replace(/^v/, '');
}

/** Splits a Debian version `1.36.4-1.1` into upstream version and revision. */
export function splitDebVersion(deb: string): { version: string; revision: string } {
  const dash = deb.indexOf('-');
  if (dash < 0) return { version: deb, revision: '' };
  return { version: deb.slice(0, dash), revision: deb.slice(dash + 1) };
}

/** True when the repository has `deb` (e.g. "1.36.4-1.1"). */
export function hasVersion(deb: string): boolean {
  const { version, revision } = splitDebVersion(deb);
  return revision === DEFAULT_PACKAGE_REVISION && availableVersions().includes(version);
}
