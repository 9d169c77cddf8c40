/**
 * Kubernetes version parsing, modelled on k8s.io/apimachinery/pkg/util/version (ParseSemantic)
 * and cmd/kubeadm/app/util/version.go: exactly three numeric fields, optional pre-release and
 * build metadata, an optional leading "v". Four-part versions such as v1.5.0.1 are rejected.
 */
import { EngineError } from '../errors.ts';

/** A parsed semantic version. Plain data, safe to serialise. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers, e.g. ["rc", "1"]; empty for a release. */
  readonly preRelease: readonly string[];
  /** Build metadata after "+", never used for ordering. */
  readonly build: string;
}

// Same shape as apimachinery's versionMatchRE / extraMatchRE.
const versionMatch = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/;
const extraMatch =
  /^(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$/;

/**
 * Parses `text` as a strict semantic version.
 * @throws EngineError with code `InvalidVersion` when `text` is not vX.Y.Z[-pre][+build].
 */
export function parseVersion(text: string): Version {
  const parts = versionMatch.exec(text);
  if (!parts) throw new EngineError('InvalidVersion', { input: text, reason: 'syntax' });
  const numbers = (parts[1] ?? '').split('.');
  if (numbers.length !== 3) {
    throw new EngineError('InvalidVersion', { input: text, reason: 'components' });
  }
  if (numbers.some((n) => n.length > 1 && n.startsWith('0'))) {
    throw new EngineError('InvalidVersion', { input: text, reason: 'syntax' });
  }
  const extra = extraMatch.exec(parts[2] ?? '');
  if (!extra) throw new EngineError('InvalidVersion', { input: text, reason: 'syntax' });
  const preRelease = extra[1] ? extra[1].split('.') : [];
  if (preRelease.some((id) => /^0[0-9]+$/.test(id))) {
    throw new EngineError('InvalidVersion', { input: text, reason: 'syntax' });
  }
  const [major, minor, patch] = numbers.map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) {
    throw new EngineError('InvalidVersion', { input: text, reason: 'syntax' });
  }
  return { major, minor, patch, preRelease, build: extra[2] ?? '' };
}

/** Returns true when `text` parses as a strict semantic version. */
export function isVersion(text: string): boolean {
  try {
    parseVersion(text);
    return true;
  } catch {
    return false;
  }
}

/** Formats a version the way Kubernetes prints it: with a leading "v". */
export function formatVersion(v: Version): string {
  const pre = v.preRelease.length > 0 ? `-${v.preRelease.join('.')}` : '';
  const build = v.build ? `+${v.build}` : '';
  return `v${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** Normalises `text` to the "vX.Y.Z" form kubeadm prints. @throws EngineError InvalidVersion */
export function normalizeVersion(text: string): string {
  return formatVersion(parseVersion(text));
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^[0-9]+$/.test(a);
  const bn = /^[0-9]+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two versions by semver precedence (build metadata ignored). Negative when a < b. */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.preRelease.length === 0 || b.preRelease.length === 0) {
    return Math.sign(b.preRelease.length - a.preRelease.length);
  }
  const n = Math.min(a.preRelease.length, b.preRelease.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifiers(a.preRelease[i] ?? '', b.preRelease[i] ?? '');
    if (c !== 0) return Math.sign(c);
  }
  return Math.sign(a.preRelease.length - b.preRelease.length);
}

/** True when the version has a pre-release suffix (alpha, beta, rc). */
export function isPreRelease(v: Version): boolean {
  return v.preRelease.length > 0;
}

/** "v1.31" style minor label. */
export function minorLabel(v: Version): string {
  return `v${v.major}.${v.minor}`;
}
