/**
 * Port of kubeadm's KubeletVersion preflight check (cmd/kubeadm/app/preflight/checks.go,
 * KubeletVersionCheck.Check). kubeadm prints versions with %q of a parsed version, whose String()
 * has no leading "v" - so the messages read `Kubelet version "1.27.0"`, exactly like upstream.
 */
import { DEFAULT_KUBERNETES_VERSION } from '../model/releases.ts';
import { compareVersions, parseVersion, type Version } from '../model/version.ts';

/** Inputs of {@link checkKubeletVersion}. Versions accept a leading "v" or not. */
export interface KubeletVersionCheckInput {
  /** Version the installed kubelet reports ("Kubernetes v1.31.2" minus the prefix). */
  readonly kubeletVersion: string;
  /** Control-plane version being deployed (init/join); omitted when unknown. */
  readonly controlPlaneVersion?: string;
  /** Override of constants.MinimumKubeletVersion. */
  readonly minimumKubeletVersion?: string;
  /** kubeadm doing the check; used to derive MinimumKubeletVersion when not given. */
  readonly kubeadmVersion?: string;
}

/** Preflight result: errors fail the check (unless ignored), warnings are printed. */
export interface PreflightResult {
  readonly errors: string[];
  readonly warnings: string[];
}

/**
 * constants.MinimumKubeletVersion for a kubeadm version: getSkewedKubernetesVersion(-3) since
 * kubeadm v1.29 (kubernetes/kubernetes PR #120825), getSkewedKubernetesVersion(-1) before.
 */
export function minimumKubeletVersionFor(kubeadmVersion: string): string {
  const v = parseVersion(kubeadmVersion);
  const skew = v.minor >= 29 ? 3 : 1;
  return `v${v.major}.${Math.max(0, v.minor - skew)}.0`;
}

/** apimachinery version.String(): no leading "v", pre-release and build kept. */
function goString(v: Version): string {
  const pre = v.preRelease.length > 0 ? `-${v.preRelease.join('.')}` : '';
  const build = v.build ? `+${v.build}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/**
 * KubeletVersionCheck: the kubelet must be at least MinimumKubeletVersion and not of a newer
 * minor (or major) than the control plane.
 * @throws EngineError InvalidVersion when a version does not parse.
 */
export function checkKubeletVersion(input: KubeletVersionCheckInput): PreflightResult {
  const kubelet = parseVersion(input.kubeletVersion);
  const minimum = parseVersion(
    input.minimumKubeletVersion ??
      minimumKubeletVersionFor(input.kubeadmVersion ?? DEFAULT_KUBERNETES_VERSION),
  );
  if (compareVersions(kubelet, minimum) < 0) {
    return {
      errors: [
        `Kubelet version ${JSON.stringify(goString(kubelet))} is lower than kubeadm can support. Please upgrade kubelet`,
      ],
      warnings: [],
    };
  }
  if (input.controlPlaneVersion !== undefined && input.controlPlaneVersion !== '') {
    const cp = parseVersion(input.controlPlaneVersion);
    // Upstream compares major and minor independently (kubeletVersion.Major() > k8s.Major() ||
    // kubeletVersion.Minor() > k8s.Minor()); kept as is.
    if (kubelet.major > cp.major || kubelet.minor > cp.minor) {
      return {
        errors: [
          `the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunctional cluster. Kubelet version: ${JSON.stringify(goString(kubelet))} Control plane version: ${JSON.stringify(goString(cp))}`,
        ],
        warnings: [],
      };
    }
  }
  return { errors: [], warnings: [] };
}
