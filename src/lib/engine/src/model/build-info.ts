/**
 * Build metadata printed by `kubeadm version` and `kubectl version`, copied from real release
 * binaries' output. Versions not in the table get a clearly simulated fallback.
 */
import { parseVersion } from './version.ts';

/** What `version.Info` carries for one release. */
export interface BuildInfo {
  readonly gitCommit: string;
  readonly buildDate: string;
  readonly goVersion: string;
  readonly kustomizeVersion: string;
}

// Values as printed by the real binaries (kubeadm version / kubectl version) for these tags.
const known: Readonly<Record<string, BuildInfo>> = {
  'v1.34.0': {
    gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45',
    buildDate: '2025-08-27T10:15:59Z',
    goVersion: 'go1.24.6',
    kustomizeVersion: 'v5.7.1',
  },
  'v1.34.1': {
    gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
    buildDate: '2025-09-09T19:43:15Z',
    goVersion: 'go1.24.6',
    kustomizeVersion: 'v5.7.1',
  },
  'v1.34.2': {
    gitCommit: '8cc511e399b929453cd98ae65b419c3cc227ec79',
    buildDate: '2025-11-11T19:08:36Z',
    goVersion: 'go1.24.9',
    kustomizeVersion: 'v5.7.1',
  },
  'v1.34.3': {
    gitCommit: 'df11db1c0f08fab3c0baee1e5ce6efbf816af7f1',
    buildDate: '2025-12-09T15:05:15Z',
    goVersion: 'go1.24.11',
    kustomizeVersion: 'v5.7.1',
  },
  'v1.34.8': {
    gitCommit: '1f328c5e9dd683d0c5e69f3d7d58f8371278dec2',
    buildDate: '2026-05-12T09:52:10Z',
    goVersion: 'go1.25.9',
    kustomizeVersion: 'v5.7.1',
  },
  'v1.36.0': {
    gitCommit: 'ecf6decece6a6de25a57aad9ba90b6ce580f6f78',
    buildDate: '2026-04-22T13:54:03Z',
    goVersion: 'go1.26.2',
    kustomizeVersion: 'v5.8.1',
  },
  'v1.36.1': {
    gitCommit: '756939600b9a7180fc2df6550a4585b638875e67',
    buildDate: '2026-05-12T09:53:52Z',
    goVersion: 'go1.26.2',
    kustomizeVersion: 'v5.8.1',
  },
  'v1.36.4': {
    gitCommit: 'bb826b1d48562f110659e64e8ec444327433db95',
    buildDate: '2026-08-20T03:08:41Z',
    goVersion: 'go1.26.5',
    kustomizeVersion: 'v5.8.1',
  },
};

/** Build metadata for `version` ("v1.36.4"); unknown versions get a zeroed, simulated commit. */
export function buildInfo(version: string): BuildInfo {
  const hit = known[version];
  if (hit) return hit;
  const v = parseVersion(version);
  return {
    gitCommit: '0000000000000000000000000000000000000000',
    buildDate: '1970-01-01T00:00:00Z',
    goVersion: v.minor >= 36 ? 'go1.26.5' : v.minor >= 35 ? 'go1.25.5' : 'go1.24.9',
    kustomizeVersion: v.minor >= 36 ? 'v5.8.1' : v.minor >= 34 ? 'v5.7.1' : 'v5.6.0',
  };
}

/**
 * The version.Info an API server or client reports (GET /version, `kubectl version -o json`):
 * servers of v1.33+ also report their emulation and minimum compatibility versions.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/version/types.go (Info),
 * staging/src/k8s.io/component-base/version (compatibility version, v1.33).
 */
export function versionInfo(version: string, server: boolean): Record<string, string> {
  const [major = '1', minor = '0'] = version.replace(/^v/, '').split('.');
  const b = buildInfo(version);
  return {
    major,
    minor,
    ...(server
      ? {
          emulationMajor: major,
          emulationMinor: minor,
          minCompatibilityMajor: major,
          minCompatibilityMinor: String(Math.max(0, Number(minor) - 1)),
        }
      : {}),
    gitVersion: version,
    gitCommit: b.gitCommit,
    gitTreeState: 'clean',
    buildDate: b.buildDate,
    goVersion: b.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
