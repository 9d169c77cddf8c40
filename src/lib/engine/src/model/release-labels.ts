/**
 * Offline version-label resolution modelled on kubeadm's KubernetesReleaseVersion
 * (cmd/kubeadm/app/util/version.go). kubeadm fetches `stable-1.31.txt` & co. from dl.k8s.io;
 * the simulator answers from the release catalog instead, and reproduces kubeadm's two
 * adjustments: a label that cannot be resolved falls back to the kubeadm client version (with
 * kubeadm's two warnings), and a resolved version of a newer minor than kubeadm is replaced by
 * `stable-<kubeadm minor>` ("remote version is much newer").
 */
import { EngineError } from '../errors.ts';
import { releaseCatalog } from './release-catalog.ts';
import { compareVersions, formatVersion, parseVersion, type Version } from './version.ts';

/** Result of resolving a version or label: the version plus the log lines kubeadm would print. */
export interface VersionResolution {
  /** Normalised "vX.Y.Z[-pre]" version. */
  readonly version: string;
  /** klog warnings kubeadm prints (W-lines), in order. */
  readonly warnings: readonly string[];
  /** klog info lines kubeadm prints (I-lines), in order. */
  readonly info: readonly string[];
}

// kubeadm's kubeReleaseRegex / kubeReleaseLabelRegex (util/version.go).
const kubeReleaseRegex = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-0-9a-zA-Z_.+]*)?$/;
const kubeReleaseLabelRegex = /^((latest|stable)+(-[1-9](\.[1-9]([0-9])?)?)?)$/;

function allTags(includePreReleases: boolean): Version[] {
  return releaseCatalog
    .flatMap((m) => (includePreReleases ? [...m.patches, ...m.preReleases] : [...m.patches]))
    .map((t) => parseVersion(t))
    .sort(compareVersions);
}

/** What dl.k8s.io/release/<label>.txt would contain, from the catalog; undefined if unknown. */
function lookupLabel(label: string): string | undefined {
  const [kind, scope] = label.split(/-(.*)/s) as [string, string | undefined];
  const parts = scope ? scope.split('.').map(Number) : [];
  const matches = allTags(kind === 'latest').filter(
    (v) =>
      (parts[0] === undefined || v.major === parts[0]) &&
      (parts[1] === undefined || v.minor === parts[1]),
  );
  const newest = matches.at(-1);
  return newest ? formatVersion(newest) : undefined;
}

/**
 * Resolves a `--kubernetes-version` value: a semantic version ("1.31.2", "v1.31.2") or a label
 * ("stable", "stable-1", "stable-1.31", "latest", "latest-1.31", optionally "release/"-prefixed).
 * @param kubeadmVersion version of the kubeadm binary doing the resolving (for the fallbacks).
 * @throws EngineError InvalidVersion for a malformed semantic version; UsageError for anything
 *   that is neither a version nor a label (kubeadm's wording).
 */
export function resolveVersionLabel(input: string, kubeadmVersion: string): VersionResolution {
  const text = input.trim();
  if (kubeReleaseRegex.test(text)) {
    return { version: formatVersion(parseVersion(text)), warnings: [], info: [] };
  }
  const label = text.replace(/^release\//, '');
  if (!kubeReleaseLabelRegex.test(label)) {
    throw new EngineError('UsageError', {
      message: `version "${input}" doesn't match patterns for neither semantic version nor labels (stable, latest, ...)`,
    });
  }
  const client = parseVersion(kubeadmVersion);
  const clientStr = formatVersion(client);
  const remote = lookupLabel(label);
  if (remote === undefined) {
    // kubeadm cannot fetch the label file: warn twice and use its own version.
    const url = `https://dl.k8s.io/release/${label}.txt`;
    return {
      version: clientStr,
      warnings: [
        `could not fetch a Kubernetes version from the internet: unable to get URL "${url}": Get "${url}": dial tcp: lookup dl.k8s.io: no such host`,
        `falling back to the local client version: ${clientStr}`,
      ],
      info: [],
    };
  }
  const remoteV = parseVersion(remote);
  if (
    client.major < remoteV.major ||
    (client.major === remoteV.major && client.minor < remoteV.minor)
  ) {
    const estimated = `stable-${client.major}.${client.minor}`;
    const inner = resolveVersionLabel(estimated, kubeadmVersion);
    return {
      version: inner.version,
      warnings: inner.warnings,
      info: [
        `remote version is much newer: ${remote}; falling back to: ${estimated}`,
        ...inner.info,
      ],
    };
  }
  return { version: remote, warnings: [], info: [] };
}
