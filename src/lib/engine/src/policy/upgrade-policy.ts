/**
 * Port of kubeadm's upgrade version policy, cmd/kubeadm/app/phases/upgrade/policy.go
 * (EnforceVersionPolicies, detectUnstableVersionError, detectTooOldKubelets), keeping kubeadm's
 * message wording and severities. Version strings are printed the way kubeadm gets them: the
 * resolved "vX.Y.Z" strings (build metadata kept).
 */
import { compareVersions, formatVersion, parseVersion, type Version } from '../model/version.ts';
import type { PolicyResult, Violation } from './violations.ts';

/** policy.go MaximumAllowedMinorVersionUpgradeSkew (unchanged since kubeadm v1.8). */
export const MAXIMUM_ALLOWED_MINOR_VERSION_UPGRADE_SKEW = 1;
/** policy.go MaximumAllowedMinorVersionDowngradeSkew (unchanged since kubeadm v1.8). */
export const MAXIMUM_ALLOWED_MINOR_VERSION_DOWNGRADE_SKEW = 1;

/**
 * policy.go MaximumAllowedMinorVersionKubeletSkew as shipped by a given kubeadm minor:
 * - 1 up to and including kubeadm v1.28 (the constant was 1 from kubeadm v1.8 on);
 * - 3 from kubeadm v1.29 (kubernetes/kubernetes PR #120825, "kubeadm: allow deploying a kubelet
 *   that is 3 versions older", following KEP-3935 n-3 node skew that kube-apiserver adopted in
 *   v1.28; kubeadm followed one release later).
 */
export function kubeadmMaxKubeletSkew(kubeadmMinor: number): number {
  return kubeadmMinor >= 29 ? 3 : 1;
}

/**
 * constants.MinimumControlPlaneVersion for a kubeadm version: getSkewedKubernetesVersion(-1),
 * i.e. v1.(kubeadm minor - 1).0 (since kubeadm v1.25 computed; earlier versions hard-coded the same
 * value per release).
 */
export function minimumControlPlaneVersionFor(kubeadmVersion: string): string {
  const v = parseVersion(kubeadmVersion);
  return `v${v.major}.${Math.max(0, v.minor - 1)}.0`;
}

/** Inputs of {@link checkUpgradePolicy}. Versions accept a leading "v" or not. */
export interface UpgradePolicyInput {
  /** Current control-plane (kube-apiserver) version. */
  readonly clusterVersion: string;
  /** Version of the kubeadm binary running the upgrade. */
  readonly kubeadmVersion: string;
  /** One entry per node; null when kubeadm could not list them (a skippable error). */
  readonly kubeletVersions: readonly string[] | null;
  /** Version to upgrade to (already resolved from any label). */
  readonly targetVersion: string;
  /** --allow-experimental-upgrades */
  readonly allowExperimental?: boolean;
  /** --allow-release-candidate-upgrades */
  readonly allowReleaseCandidates?: boolean;
  /** Override of constants.MinimumControlPlaneVersion; defaults from kubeadmVersion. */
  readonly minimumControlPlaneVersion?: string;
  /** Override of MaximumAllowedMinorVersionKubeletSkew; defaults from kubeadmVersion. */
  readonly maxKubeletSkew?: number;
}

const q = (s: string): string => JSON.stringify(s);

/**
 * EnforceVersionPolicies: checks a proposed upgrade target against kubeadm's version skew rules.
 * Returns empty lists when the upgrade is allowed.
 * @throws EngineError InvalidVersion when any input version does not parse.
 */
export function checkUpgradePolicy(input: UpgradePolicyInput): PolicyResult {
  const mandatory: Violation[] = [];
  const skippable: Violation[] = [];

  const cluster = parseVersion(input.clusterVersion);
  const kubeadm = parseVersion(input.kubeadmVersion);
  const target = parseVersion(input.targetVersion);
  const clusterStr = formatVersion(cluster);
  const kubeadmStr = formatVersion(kubeadm);
  const targetStr = formatVersion(target);
  const minimum = parseVersion(
    input.minimumControlPlaneVersion ?? minimumControlPlaneVersionFor(input.kubeadmVersion),
  );
  const maxKubeletSkew = input.maxKubeletSkew ?? kubeadmMaxKubeletSkew(kubeadm.minor);
  const preRelease = target.preRelease.length > 0;

  if (input.kubeletVersions === null) {
    skippable.push({
      code: 'KubeletVersionUnparsable',
      message: 'Unable to fetch kubelet version',
    });
  }

  if (compareVersions(target, minimum) < 0) {
    // Upstream prints the *cluster* version as "the minimum supported version"; kept verbatim.
    mandatory.push({
      code: 'UpgradeVersionBelowMinimum',
      message: `Specified version to upgrade to ${q(targetStr)} is equal to or lower than the minimum supported version ${q(clusterStr)}. Please specify a higher version to upgrade to`,
    });
  }

  if (target.minor > cluster.minor + MAXIMUM_ALLOWED_MINOR_VERSION_UPGRADE_SKEW) {
    const v: Violation = {
      code: 'UpgradeSkewTooHigh',
      message: `Specified version to upgrade to ${q(targetStr)} is too high; kubeadm can upgrade only ${MAXIMUM_ALLOWED_MINOR_VERSION_UPGRADE_SKEW} minor version at a time`,
    };
    (preRelease ? skippable : mandatory).push(v);
  }

  if (target.minor < cluster.minor - MAXIMUM_ALLOWED_MINOR_VERSION_DOWNGRADE_SKEW) {
    const v: Violation = {
      code: 'DowngradeSkewTooLow',
      message: `Specified version to downgrade to ${q(targetStr)} is too low; kubeadm can downgrade only ${MAXIMUM_ALLOWED_MINOR_VERSION_DOWNGRADE_SKEW} minor version at a time`,
    };
    (preRelease ? skippable : mandatory).push(v);
  }

  if (compareVersions(kubeadm, target) < 0) {
    if (target.minor > kubeadm.minor) {
      const v: Violation = {
        code: 'KubeadmMinorTooOld',
        message: `Specified version to upgrade to ${q(targetStr)} is at least one minor release higher than the kubeadm minor release (${target.minor} > ${kubeadm.minor}). Such an upgrade is not supported`,
      };
      (preRelease ? skippable : mandatory).push(v);
    } else {
      skippable.push({
        code: 'KubeadmPatchTooOld',
        message: `Specified version to upgrade to ${q(targetStr)} is higher than the kubeadm version ${q(kubeadmStr)}. Upgrade kubeadm first using the tool you used to install kubeadm`,
      });
    }
  }

  if (kubeadm.major > target.major || kubeadm.minor > target.minor) {
    skippable.push({
      code: 'KubeadmMinorTooNew',
      message: `Kubeadm version ${kubeadmStr} can only be used to upgrade to Kubernetes version ${kubeadm.major}.${kubeadm.minor}`,
    });
  }

  const unstable = detectUnstableVersion(target, targetStr, input);
  if (unstable) skippable.push(unstable);

  if (input.kubeletVersions !== null) {
    const old = detectTooOldKubelets(target, input.kubeletVersions, maxKubeletSkew);
    if (old) skippable.push(old);
  }

  return { mandatory, skippable };
}

function detectUnstableVersion(
  target: Version,
  targetStr: string,
  input: UpgradePolicyInput,
): Violation | undefined {
  if (target.preRelease.length === 0) return undefined;
  if (input.allowExperimental) return undefined;
  if ((target.preRelease[0] ?? '').startsWith('rc') && input.allowReleaseCandidates) {
    return undefined;
  }
  return {
    code: 'UnstableVersionNotAllowed',
    message: `Specified version to upgrade to ${q(targetStr)} is an unstable version and such upgrades weren't allowed via setting the --allow-*-upgrades flags`,
  };
}

function detectTooOldKubelets(
  target: Version,
  kubeletVersions: readonly string[],
  maxSkew: number,
): Violation | undefined {
  // Upstream iterates a map keyed by version string, so duplicates collapse; we keep input order.
  const distinct = [...new Set(kubeletVersions)];
  const tooOld: string[] = [];
  for (const versionStr of distinct) {
    let kubelet: Version;
    try {
      kubelet = parseVersion(versionStr);
    } catch {
      return {
        code: 'KubeletVersionUnparsable',
        message: `couldn't parse kubelet version ${versionStr}`,
      };
    }
    if (target.minor > kubelet.minor + maxSkew) tooOld.push(versionStr);
  }
  if (tooOld.length === 0) return undefined;
  return {
    code: 'KubeletsTooOld',
    message: `There are kubelets in this cluster that are too old that have these versions [${tooOld.join(' ')}]`,
  };
}
