/**
 * The pkgs.k8s.io apt repository as a machine configures it: ONE repository per minor
 * (`https://pkgs.k8s.io/core:/stable:/v1.Y/deb/`), named in
 * `/etc/apt/sources.list.d/kubernetes.list`. Changing minor means editing that file and running
 * `apt-get update` (kubernetes/website content/en/docs/tasks/administer-cluster/kubeadm/
 * change-package-repository.md). Which patches a repository serves comes from the release catalog.
 */
import type { Machine } from '../model/state.ts';
import { DEFAULT_KUBERNETES_VERSION } from '../model/releases.ts';
import { findMinor } from '../model/releases.ts';

/** Where the Kubernetes apt source lives on the simulated Ubuntu machines. */
export const KUBERNETES_LIST = '/etc/apt/sources.list.d/kubernetes.list';

/** The signing key file the install docs write (`gpg --dearmor -o …`). */
export const KUBERNETES_KEYRING = '/etc/apt/keyrings/kubernetes-apt-keyring.gpg';

/** "v1.37" for the catalog's default version: the repository a machine without a list uses. */
export function defaultRepositoryMinor(): string {
  const [major, minor] = DEFAULT_KUBERNETES_VERSION.replace(/^v/, '').split('.');
  return `v${major ?? '1'}.${minor ?? '0'}`;
}

/** The `deb …` line of the install docs for a minor ("v1.36"). */
export function repositoryLine(minor: string): string {
  return `deb [signed-by=${KUBERNETES_KEYRING}] https://pkgs.k8s.io/core:/stable:/${minor}/deb/ /`;
}

/**
 * Minor series the machine's apt source names: the `core:/stable:/v1.Y` part of kubernetes.list,
 * or null when the file is absent (a bare Ubuntu machine knows no Kubernetes repository; the
 * install docs add it) or names no pkgs.k8s.io stable repository.
 */
export function configuredMinor(m: Machine): string | null {
  const content = m.files[KUBERNETES_LIST];
  if (content === undefined) return null;
  const match = /^\s*deb\s.*https:\/\/pkgs\.k8s\.io\/core:\/stable:\/(v1\.\d+)\/deb\/?\s/m.exec(
    content,
  );
  return match?.[1] ?? null;
}

/** True when the keyring kubernetes.list's `signed-by=` names exists and is not empty. */
export function hasKeyring(m: Machine): boolean {
  return (m.files[KUBERNETES_KEYRING] ?? '') !== '';
}

/** The signing key URL of a minor's repository (install-kubeadm.md: `curl -fsSL …/Release.key`). */
export function releaseKeyUrl(minor: string): string {
  return `https://pkgs.k8s.io/core:/stable:/${minor}/deb/Release.key`;
}

/** The minor ("v1.37") of a pkgs.k8s.io Release.key URL the catalog knows, or null. */
export function releaseKeyMinor(url: string): string | null {
  const match = /^https:\/\/pkgs\.k8s\.io\/core:\/stable:\/(v1\.\d+)\/deb\/Release\.key$/.exec(url);
  const minor = match?.[1];
  return minor !== undefined && findMinor(minor) ? minor : null;
}

/**
 * The ASCII-armored key `curl …/Release.key` prints. A stand-in: the simulation ships no real
 * OpenPGP key, only its armor lines so `gpg --dearmor` can recognise it.
 */
export const RELEASE_KEY_ARMORED =
  '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n(simulated pkgs.k8s.io signing key, fingerprint ends 234654DA9A296436)\n-----END PGP PUBLIC KEY BLOCK-----';

/** What `gpg --dearmor` writes for {@link RELEASE_KEY_ARMORED} (binary keyring, simulated). */
export const KEYRING_CONTENT = '\u0099(simulated OpenPGP keyring: pkgs.k8s.io 234654DA9A296436)\n';

/**
 * The id of the pkgs.k8s.io signing key as apt names it in NO_PUBKEY errors (the same key signs
 * every minor's repository; widely reported by users whose keyring is missing).
 */
export const SIGNING_KEY_ID = '234654DA9A296436';

/** Minor series whose package index the last `apt-get update` fetched (null: none usable). */
export function indexedMinor(m: Machine): string | null {
  if (!m.aptUpdated) return null;
  return m.aptIndex ?? defaultRepositoryMinor();
}

/** Upstream versions ("1.36.0" … "1.36.4") a minor's repository serves, oldest first. */
export function repositoryVersions(minor: string): string[] {
  return (findMinor(minor)?.patches ?? []).map((v) => v.replace(/^v/, ''));
}

/** The InRelease URL apt prints for a minor (pkgs.k8s.io redirects to the CDN). */
export function inReleaseUrl(minor: string): string {
  return `https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/${minor}/deb  InRelease`;
}
