/**
 * Release tracks: the Kubernetes minor a reader (or a CI job) walks the guides with. A track names
 * one of the newest three minors of the release catalog and derives, from the catalog alone, every
 * version the guides and scenarios mention: the target release (newest patch of the minor), the
 * previous minor's newest patch (where upgrades start), a patch-behind release, the next minor's
 * newest tag, and the image tags kubeadm pairs with them.
 *
 * Guides write these as `{{name}}` variables (see {@link trackVariables}); scenarios read the same
 * track, so a snippet's text and the state it runs against always agree.
 */
import { EngineError } from '../errors.ts';
import { resourceByKind, storageVersion } from '../apiserver/served-versions.ts';
import { DEFAULT_PACKAGE_REVISION } from './defaults.ts';
import { findMinor, latestStable, newestMinors, type MinorRelease } from './releases.ts';

/** Everything a guide or scenario needs to know about one release track. Plain data. */
export interface ReleaseTrack {
  /** The track's minor, e.g. "v1.37". */
  readonly minor: string;
  /** Newest stable patch of the minor: what installs and upgrades target, e.g. "v1.37.1". */
  readonly version: string;
  /** First stable patch of the minor, a patch behind `version` (e.g. "v1.37.0"). */
  readonly patchBehind: string;
  /** The minor before, e.g. "v1.36". */
  readonly prevMinor: string;
  /** Newest patch of the minor before: where the minor upgrade starts, e.g. "v1.36.4". */
  readonly prevVersion: string;
  /** Two minors back, e.g. "v1.35". */
  readonly prevPrevMinor: string;
  /** Newest patch two minors back, e.g. "v1.35.8". */
  readonly prevPrevVersion: string;
  /** First patch two minors back, e.g. "v1.35.0". */
  readonly prevPrevFirst: string;
  /** The minor after, e.g. "v1.38". */
  readonly nextMinor: string;
  /** Newest tag of the minor after (a pre-release when it has no stable patch), e.g. "v1.38.0-alpha.2". */
  readonly nextVersion: string;
}

/** "1.37" or "v1.37" → "v1.37"; any patch part is dropped ("v1.37.1" → "v1.37"). */
export function normalizeMinor(minor: string): string {
  const [major, m] = minor.trim().replace(/^v/, '').split('.');
  return `v${major ?? ''}.${m ?? ''}`;
}

function entry(minor: string): MinorRelease | undefined {
  return findMinor(minor);
}

function shiftMinor(minor: string, by: number): string {
  const [major, m] = minor.replace(/^v/, '').split('.').map(Number);
  return `v${major ?? 1}.${(m ?? 0) + by}`;
}

/** Minors readers can pick, newest first, e.g. ["v1.37", "v1.36", "v1.35"]. */
export function releaseTrackMinors(): string[] {
  return newestMinors(3).map((m) => `v${m}`);
}

/** The default track: the newest minor with a stable release. */
export function defaultReleaseMinor(): string {
  const newest = releaseTrackMinors()[0];
  if (newest === undefined)
    throw new EngineError('Internal', { message: 'release catalog has no stable release' });
  return newest;
}

/**
 * The track of `minor` ("v1.36", "1.36", default: newest). Only the newest three minors are tracks.
 * @throws EngineError NoSuchRelease for any other minor
 */
export function releaseTrack(minor: string = defaultReleaseMinor()): ReleaseTrack {
  const wanted = normalizeMinor(minor);
  const tracks = releaseTrackMinors();
  const current = entry(wanted);
  if (!tracks.includes(wanted) || current === undefined)
    throw new EngineError('NoSuchRelease', { release: minor, tracks: tracks.join(', ') });
  const prevMinor = shiftMinor(wanted, -1);
  const prevPrevMinor = shiftMinor(wanted, -2);
  const nextMinor = shiftMinor(wanted, 1);
  const next = entry(nextMinor);
  const prevPrev = entry(prevPrevMinor);
  return {
    minor: wanted,
    version: current.patches.at(-1) ?? '',
    patchBehind: current.patches[0] ?? '',
    prevMinor,
    prevVersion: entry(prevMinor)?.patches.at(-1) ?? '',
    prevPrevMinor,
    prevPrevVersion: prevPrev?.patches.at(-1) ?? '',
    prevPrevFirst: prevPrev?.patches[0] ?? '',
    nextMinor,
    nextVersion: next?.patches.at(-1) ?? next?.preReleases.at(-1) ?? '',
  };
}

const bare = (v: string): string => v.replace(/^v/, '');
const deb = (v: string): string => `${bare(v)}-${DEFAULT_PACKAGE_REVISION}`;

/** The Workload API version (scheduling.k8s.io) a minor stores objects in; '' when not served. */
function workloadApi(minor: string): string {
  const workload = resourceByKind('Workload', 'scheduling.k8s.io');
  const m = Number(minor.split('.')[1] ?? 0);
  return workload === undefined ? '' : (storageVersion(workload, m) ?? '');
}

/**
 * The `{{name}}` variables guides use, for one track. Names and meanings are stable; values come
 * from the catalog. `…Number` drops the "v", `…Deb` is the pkgs.k8s.io package version.
 */
export function trackVariables(t: ReleaseTrack): Readonly<Record<string, string>> {
  const etcd = (minor: string): string => entry(minor)?.etcd ?? '';
  const coredns = (minor: string): string => entry(minor)?.coreDNS ?? '';
  return {
    minor: t.minor,
    minorNumber: bare(t.minor),
    version: t.version,
    versionNumber: bare(t.version),
    debVersion: deb(t.version),
    patchBehind: t.patchBehind,
    patchBehindNumber: bare(t.patchBehind),
    patchBehindDeb: deb(t.patchBehind),
    prevMinor: t.prevMinor,
    prevMinorNumber: bare(t.prevMinor),
    prevVersion: t.prevVersion,
    prevVersionNumber: bare(t.prevVersion),
    prevDebVersion: deb(t.prevVersion),
    prevPrevMinor: t.prevPrevMinor,
    prevPrevVersion: t.prevPrevVersion,
    prevPrevFirst: t.prevPrevFirst,
    nextMinor: t.nextMinor,
    nextVersion: t.nextVersion,
    etcd: etcd(t.minor),
    prevEtcd: etcd(t.prevMinor),
    coredns: coredns(t.minor),
    prevCoredns: coredns(t.prevMinor),
    workloadApi: workloadApi(t.minor),
    prevWorkloadApi: workloadApi(t.prevMinor),
    // The same on every track: what `stable` resolves to (kubeadm's "remote version" messages).
    latest: latestStable(),
  };
}

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * Replaces every `{{name}}` in `text` with the track's value.
 * @throws EngineError UnknownTemplateVariable for a name {@link trackVariables} does not define
 */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_, name: string) => {
    const value = vars[name];
    if (value === undefined)
      throw new EngineError('UnknownTemplateVariable', {
        name,
        known: Object.keys(vars).join(', '),
      });
    return value;
  });
}
