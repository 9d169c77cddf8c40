/**
 * The upgrade planner's model: everything it shows is computed by the engine's policy code
 * (planUpgradePath, checkUpgradePolicy, checkComponentSkew) over the release catalog; nothing about
 * versions is hard-coded here. Pure, so it runs at build time and, lazily, in the browser.
 */
import {
  checkComponentSkew,
  checkUpgradePolicy,
  newestMinors,
  planUpgradePath,
  releaseCatalog,
  type PlanStep,
} from 'kubelife';

/** Versions offered in the planner's selects, newest first, grouped by minor. */
export interface VersionGroup {
  readonly minor: string;
  readonly versions: readonly string[];
}

/** Stable patches of the newest `minors` minors (default 6), newest first. */
export function plannerVersions(minors = 6): VersionGroup[] {
  return newestMinors(minors).map((minor) => ({
    minor,
    versions: [...(releaseCatalog.find((m) => m.minor === minor)?.patches ?? [])].reverse(),
  }));
}

/** One hop of the plan with kubeadm's verdict and the kubelet skew while it runs. */
export interface PlannedHop {
  readonly step: PlanStep;
  /** kubeadm's mandatory refusals for this hop (empty: `kubeadm upgrade apply` accepts it). */
  readonly refused: readonly string[];
  /** Skippable warnings kubeadm would print (need --force). */
  readonly warnings: readonly string[];
  /** The skew policy's verdict on kubelets still at the hop's start version. */
  readonly kubeletSkew: { readonly ok: boolean; readonly message: string };
}

/** What the planner shows for a (current, target) pair. */
export interface PlannerResult {
  readonly from: string;
  readonly to: string;
  /** kubeadm's mandatory refusals for going straight to the target in one apply. */
  readonly directRefusals: readonly string[];
  /** Ordered hops, or the reasons no path exists. */
  readonly plan:
    | {
        readonly ok: true;
        readonly hops: readonly PlannedHop[];
        readonly warnings: readonly string[];
      }
    | { readonly ok: false; readonly reasons: readonly string[] };
}

function verdict(from: string, to: string): { refused: string[]; warnings: string[] } {
  const result = checkUpgradePolicy({
    clusterVersion: from,
    kubeadmVersion: to,
    kubeletVersions: [from],
    targetVersion: to,
  });
  return {
    refused: result.mandatory.map((v) => v.message),
    warnings: result.skippable.map((v) => v.message),
  };
}

/** Plans an upgrade from `from` to `to` (stable versions such as "v1.35.2"). */
export function planUpgrade(from: string, to: string): PlannerResult {
  const directRefusals = verdict(from, to).refused;
  const path = planUpgradePath(from, to, {
    controlPlanes: ['cp-1'],
    workers: ['worker-1', 'worker-2'],
  });
  if (!path.ok) return { from, to, directRefusals, plan: { ok: false, reasons: path.reasons } };
  const hops = path.steps.map((step): PlannedHop => {
    const { refused, warnings } = verdict(step.from, step.to);
    const skew = checkComponentSkew([step.to], 'kubelet', step.from);
    return { step, refused, warnings, kubeletSkew: { ok: skew.ok, message: skew.message } };
  });
  return { from, to, directRefusals, plan: { ok: true, hops, warnings: path.warnings } };
}
