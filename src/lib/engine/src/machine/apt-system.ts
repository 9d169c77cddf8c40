/**
 * Ubuntu archive packages the Kubernetes install docs ask for before adding pkgs.k8s.io
 * (install-kubeadm.md: `apt-get install -y apt-transport-https ca-certificates curl gpg`).
 * They come from the Ubuntu archive, so they install without the Kubernetes repository.
 */
import type { Machine } from '../model/state.ts';

/**
 * Versions on an Ubuntu 24.04 (noble) cloud image after updates. ca-certificates, curl and gpg
 * ship with the image; apt-transport-https is a transitional dummy package since apt 1.5 (the
 * docs say "may be a dummy package") that is not installed by default. Versions are noble's
 * (noble-updates for curl/gpg) as of late 2025; they only appear in apt's text.
 */
const SYSTEM_PACKAGES: Readonly<Record<string, { version: string; preinstalled: boolean }>> = {
  'apt-transport-https': { version: '2.8.3', preinstalled: false },
  'ca-certificates': { version: '20240203', preinstalled: true },
  curl: { version: '8.5.0-2ubuntu10.6', preinstalled: true },
  gpg: { version: '2.4.4-2ubuntu17.3', preinstalled: true },
  gnupg: { version: '2.4.4-2ubuntu17.3', preinstalled: true },
};

/** True for an Ubuntu archive package the simulation knows. */
export function isSystemPackage(name: string): boolean {
  return Object.hasOwn(SYSTEM_PACKAGES, name);
}

/** The archive's version of a known system package ("8.5.0-2ubuntu10.6"). */
export function systemPackageVersion(name: string): string {
  return SYSTEM_PACKAGES[name]?.version ?? '';
}

/** dpkg's file list, whose presence marks a package the image did not ship as installed. */
export function dpkgListPath(name: string): string {
  return `/var/lib/dpkg/info/${name}.list`;
}

/** True when the machine has the package (shipped with the image or installed since). */
export function systemPackageInstalled(m: Machine, name: string): boolean {
  return (
    (SYSTEM_PACKAGES[name]?.preinstalled ?? false) || m.files[dpkgListPath(name)] !== undefined
  );
}
