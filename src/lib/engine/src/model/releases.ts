/**
 * Queries over the release catalog (release-catalog.ts): latest stable, per-minor stable,
 * supported minors, known-release checks and the etcd version kubeadm pairs with a release.
 * Label resolution lives in release-labels.ts and the image list in release-images.ts; both are
 * re-exported here so callers have one import.
 */
import { EngineError } from '../errors.ts';
import { releaseCatalog, type MinorRelease } from './release-catalog.ts';
import { compareVersions, formatVersion, parseVersion, type Version } from './version.ts';

export { releaseCatalog, type MinorRelease } from './release-catalog.ts';
export { resolveVersionLabel, type VersionResolution } from './release-labels.ts';
export { imagesFor } from './release-images.ts';

const minorKey = (v: Version): string => `${v.major}.${v.minor}`;

/** Catalog entries that have at least one stable (non-pre-release) patch, oldest first. */
function stableMinors(): MinorRelease[] {
  return releaseCatalog.filter((m) => m.patches.length > 0);
}

/** Looks up the catalog entry of a minor ("1.31" or "v1.31"); undefined when unknown. */
export function findMinor(minor: string): MinorRelease | undefined {
  const key = minor.replace(/^v/, '');
  return releaseCatalog.find((m) => m.minor === key);
}

/** The newest stable patch release of all minors, e.g. "v1.37.1". */
export function latestStable(): string {
  const newest = stableMinors().at(-1);
  const patch = newest?.patches.at(-1);
  if (!patch)
    throw new EngineError('Internal', { message: 'release catalog has no stable release' });
  return patch;
}

/** Kubernetes version kubeadm defaults to in this simulator: the latest stable patch. */
export const DEFAULT_KUBERNETES_VERSION: string = latestStable();

/** The newest stable patch of a minor ("1.33" or "v1.33"); undefined when it has none. */
export function stableForMinor(minor: string): string | undefined {
  return findMinor(minor)?.patches.at(-1);
}

/**
 * The newest `n` minors that have a stable release, newest first, e.g. ["1.37", "1.36", "1.35"].
 * The three newest are the ones with maintained release branches (the site lets readers pick one).
 */
export function newestMinors(n = 3): string[] {
  return stableMinors()
    .slice(-n)
    .reverse()
    .map((m) => m.minor);
}

/**
 * Minors still supported at `now` (ISO date or epoch ms): stable and not past end of life,
 * newest first. Time is injected; this never reads a clock.
 */
export function supportedMinors(now: string | number): string[] {
  const t = typeof now === 'number' ? now : Date.parse(now);
  return stableMinors()
    .filter((m) => {
      const released = m.releaseDate !== null && Date.parse(m.releaseDate) <= t;
      const alive = m.endOfLife === null || Date.parse(m.endOfLife) >= t;
      return released && alive;
    })
    .reverse()
    .map((m) => m.minor);
}

/**
 * True when `v` (with or without "v") is a release tag in the catalog: a stable patch or a listed
 * pre-release. Invalid versions return false instead of throwing.
 */
export function isKnownRelease(v: string): boolean {
  let parsed: Version;
  try {
    parsed = parseVersion(v);
  } catch {
    return false;
  }
  if (parsed.build) return false;
  const tag = formatVersion(parsed);
  const entry = findMinor(minorKey(parsed));
  return entry !== undefined && (entry.patches.includes(tag) || entry.preReleases.includes(tag));
}

/**
 * The etcd image tag kubeadm deploys for a Kubernetes version, modelled on kubeadm's
 * EtcdSupportedVersion: the entry for the version's minor, or - when the minor is missing - the
 * nearest listed minor (kubeadm then warns).
 * @throws EngineError InvalidVersion when `k8sVersion` does not parse.
 */
export function etcdVersionFor(k8sVersion: string): string {
  const v = parseVersion(k8sVersion);
  const exact = findMinor(minorKey(v));
  if (exact && v.major === 1) return exact.etcd;
  const first = releaseCatalog[0];
  const last = releaseCatalog.at(-1);
  if (!first || !last) throw new EngineError('Internal', { message: 'empty release catalog' });
  const probe: Version = { ...v, patch: 0, preRelease: [], build: '' };
  return compareVersions(probe, parseVersion(`${first.minor}.0`)) < 0 ? first.etcd : last.etcd;
}
