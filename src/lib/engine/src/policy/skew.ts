/**
 * The Kubernetes version skew policy (kubernetes/website content/en/releases/version-skew-policy.md)
 * as pure functions: allowed minor ranges per component relative to the kube-apiserver
 * version(s), and a checker. Numbers are minor versions within major 1.
 */
import { parseVersion } from '../model/version.ts';

const SOURCE = 'kubernetes/website content/en/releases/version-skew-policy.md';

/** Components the skew policy covers. */
export type SkewComponent =
  | 'kube-apiserver'
  | 'kubelet'
  | 'kube-proxy'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'cloud-controller-manager'
  | 'kubectl';

/** Allowed minor range for one component (inclusive), with the policy sentence it comes from. */
export interface SkewRange {
  readonly component: SkewComponent;
  readonly minMinor: number;
  readonly maxMinor: number;
  /** "1.34" .. "1.37" style labels of the range ends. */
  readonly min: string;
  readonly max: string;
  readonly rule: string;
  readonly source: string;
}

/**
 * How many minors a kubelet (or kube-proxy) may trail an apiserver of `apiserverMinor`:
 * three since the v1.28 policy (KEP-3935), but a kubelet older than 1.25 only two - so the
 * oldest allowed is X-3 when X-3 >= 25, else X-2.
 */
export function oldestKubeletMinor(apiserverMinor: number): number {
  return apiserverMinor - 3 >= 25 ? apiserverMinor - 3 : apiserverMinor - 2;
}

const minors = (apiservers: readonly string[]): number[] => {
  if (apiservers.length === 0)
    throw new RangeError('at least one kube-apiserver version is required');
  return apiservers.map((s) => parseVersion(s).minor);
};

const range = (component: SkewComponent, lo: number, hi: number, rule: string): SkewRange => ({
  component,
  minMinor: lo,
  maxMinor: hi,
  min: `1.${lo}`,
  max: `1.${hi}`,
  rule,
  source: SOURCE,
});

/**
 * Allowed ranges for every component given the apiserver version(s) of the cluster (several for
 * HA during an upgrade). The newest and oldest apiservers narrow each range.
 * @throws EngineError InvalidVersion for a bad version; RangeError for an empty list.
 */
export function skewRanges(apiserverVersions: readonly string[]): SkewRange[] {
  const ms = minors(apiserverVersions);
  const newest = Math.max(...ms);
  const oldest = Math.min(...ms);
  const kubelet =
    'kubelet must not be newer than kube-apiserver, and may be up to three minor versions older (kubelet < 1.25 may only be up to two minor versions older).';
  return [
    range(
      'kube-apiserver',
      newest - 1,
      oldest + 1,
      'In highly-available (HA) clusters, the newest and oldest kube-apiserver instances must be within one minor version.',
    ),
    range('kubelet', oldestKubeletMinor(newest), oldest, kubelet),
    range(
      'kube-proxy',
      oldestKubeletMinor(newest),
      oldest,
      'kube-proxy must not be newer than kube-apiserver, and may be up to three minor versions older (kube-proxy < 1.25 may only be up to two minor versions older); it may also be up to three minor versions older or newer than the kubelet it runs alongside.',
    ),
    ...(['kube-controller-manager', 'kube-scheduler', 'cloud-controller-manager'] as const).map(
      (c) =>
        range(
          c,
          newest - 1,
          oldest,
          `${c} must not be newer than the kube-apiserver instances it communicates with. It is expected to match the kube-apiserver minor version, but may be up to one minor version older (to allow live upgrades).`,
        ),
    ),
    range(
      'kubectl',
      newest - 1,
      oldest + 1,
      'kubectl is supported within one minor version (older or newer) of kube-apiserver.',
    ),
  ];
}

/** One finding of {@link checkComponentSkew}. */
export interface SkewFinding {
  readonly component: SkewComponent;
  readonly version: string;
  readonly ok: boolean;
  readonly message: string;
}

/**
 * Checks a component version against the policy for the given apiserver version(s).
 * For kube-proxy, pass `kubeletVersion` to also check the kubelet-alongside rule.
 */
export function checkComponentSkew(
  apiserverVersions: readonly string[],
  component: SkewComponent,
  version: string,
  kubeletVersion?: string,
): SkewFinding {
  const r = skewRanges(apiserverVersions).find((x) => x.component === component);
  const minor = parseVersion(version).minor;
  if (!r) throw new RangeError(`unknown component ${component}`);
  if (minor > r.maxMinor || minor < r.minMinor) {
    const side = minor > r.maxMinor ? `newer than ${r.max}` : `older than ${r.min}`;
    return {
      component,
      version,
      ok: false,
      message: `${component} ${version} is ${side}: ${r.rule}`,
    };
  }
  if (component === 'kube-proxy' && kubeletVersion !== undefined) {
    const k = parseVersion(kubeletVersion).minor;
    const limit = Math.min(minor, k) < 25 ? 2 : 3;
    if (Math.abs(minor - k) > limit) {
      return {
        component,
        version,
        ok: false,
        message: `kube-proxy ${version} is more than ${limit} minor versions away from the kubelet ${kubeletVersion} it runs alongside: ${r.rule}`,
      };
    }
  }
  return {
    component,
    version,
    ok: true,
    message: `${component} ${version} is within ${r.min}..${r.max}`,
  };
}
