/**
 * Policy violation codes and the Violation shape shared by the policy modules. Kept here (not in
 * errors.ts) because violations are data returned by pure checks, not thrown engine errors; the
 * shell decides whether a skippable one fails (no --force) and formats kubeadm's text.
 */

/** Every code a policy check can report. */
export const violationCodes = [
  // cmd/kubeadm/app/phases/upgrade/policy.go (EnforceVersionPolicies)
  'UpgradeVersionBelowMinimum',
  'UpgradeSkewTooHigh',
  'DowngradeSkewTooLow',
  'KubeadmMinorTooOld',
  'KubeadmPatchTooOld',
  'KubeadmMinorTooNew',
  'UnstableVersionNotAllowed',
  'KubeletsTooOld',
  'KubeletVersionUnparsable',
] as const;

/** A policy violation code. */
export type ViolationCode = (typeof violationCodes)[number];

/** One violation: a stable code plus the exact message the real tool prints. */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
}

/** Violations split by severity: mandatory ones can never be bypassed, skippable ones with --force. */
export interface PolicyResult {
  readonly mandatory: Violation[];
  readonly skippable: Violation[];
}
