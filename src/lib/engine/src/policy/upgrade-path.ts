/**
 * Upgrade path planning following kubernetes/website
 * content/en/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade.md and the skew policy's
 * "supported component upgrade order": latest patch of the current minor first, then one minor at
 * a time (never skipping), each minor as: kubeadm package, `kubeadm upgrade plan`,
 * `kubeadm upgrade apply` on the first control plane, `kubeadm upgrade node` on the others, then
 * kubelet/kubectl per node with drain/uncordon.
 */
import { findMinor, stableForMinor } from '../model/releases.ts';
import { compareVersions, formatVersion, parseVersion } from '../model/version.ts';

/** One command in a plan, run on a machine role (or a named node when nodes were given). */
export interface PlanAction {
  readonly on: string;
  readonly command: string;
}

/** One hop: a patch upgrade within a minor or a one-minor upgrade. */
export interface PlanStep {
  readonly kind: 'patch' | 'minor';
  readonly from: string;
  readonly to: string;
  readonly actions: PlanAction[];
}

/** A plan, or the reasons it was refused. */
export type UpgradePlan =
  | { readonly ok: true; readonly steps: PlanStep[]; readonly warnings: string[] }
  | { readonly ok: false; readonly reasons: string[] };

/** Node names to address actions to; defaults to role placeholders. */
export interface PlanNodes {
  readonly controlPlanes: readonly string[];
  readonly workers: readonly string[];
}

/** pkgs.k8s.io deb revision of a release (e.g. 1.31.2 -> "1.31.2-1.1"). */
const pkg = (v: string): string => `${v.replace(/^v/, '')}-1.1`;

/** "v1.36" from "v1.36.4". */
const minorOf = (v: string): string => v.split('.').slice(0, 2).join('.');

/** Where the install docs name the pkgs.k8s.io repository (one repository per minor). */
const KUBERNETES_LIST = '/etc/apt/sources.list.d/kubernetes.list';

/**
 * A machine's kubeadm package step: for a new minor, first point its apt source at that minor's
 * pkgs.k8s.io repository (kubernetes/website .../kubeadm/change-package-repository.md; the
 * repository of one minor serves no other minor's packages), then the package itself.
 */
function kubeadmActions(on: string, from: string, to: string): PlanAction[] {
  const actions: PlanAction[] = [];
  if (minorOf(from) !== minorOf(to))
    actions.push({
      on,
      command: `sed -i 's/${minorOf(from)}/${minorOf(to)}/' ${KUBERNETES_LIST}`,
    });
  actions.push({
    on,
    command: `apt-mark unhold kubeadm && apt-get update && apt-get install -y${downgradeFlag(from, to)} kubeadm='${pkg(to)}' && apt-mark hold kubeadm`,
  });
  return actions;
}

/**
 * apt refuses to install an older package with -y unless told so ("E: Packages were downgraded
 * and -y was used without --allow-downgrades."): a downgrade step says it explicitly.
 */
function downgradeFlag(from: string, to: string): string {
  return compareVersions(parseVersion(to), parseVersion(from)) < 0 ? ' --allow-downgrades' : '';
}

function stepActions(from: string, to: string, nodes: PlanNodes): PlanAction[] {
  const [first, ...others] = nodes.controlPlanes;
  const firstCp = first ?? '<first control plane>';
  const actions: PlanAction[] = [
    ...kubeadmActions(firstCp, from, to),
    { on: firstCp, command: 'kubeadm upgrade plan' },
    { on: firstCp, command: `kubeadm upgrade apply ${to} -y` },
  ];
  for (const cp of others) {
    actions.push(...kubeadmActions(cp, from, to), { on: cp, command: 'kubeadm upgrade node' });
  }
  for (const node of [...nodes.controlPlanes, ...nodes.workers]) {
    if (!nodes.controlPlanes.includes(node)) {
      actions.push(...kubeadmActions(node, from, to), {
        on: node,
        command: 'kubeadm upgrade node',
      });
    }
    actions.push(
      { on: firstCp, command: `kubectl drain ${node} --ignore-daemonsets` },
      {
        on: node,
        command: `apt-mark unhold kubelet kubectl && apt-get update && apt-get install -y${downgradeFlag(from, to)} kubelet='${pkg(to)}' kubectl='${pkg(to)}' && apt-mark hold kubelet kubectl`,
      },
      { on: node, command: 'systemctl daemon-reload && systemctl restart kubelet' },
      { on: firstCp, command: `kubectl uncordon ${node}` },
    );
  }
  return actions;
}

/**
 * Plans an upgrade from the cluster's version to `to` using the release catalog.
 * Refuses pre-release targets, unknown releases, downgrades of more than one minor, and paths
 * through a minor that has no stable release (that minor cannot be skipped).
 * @throws EngineError InvalidVersion when a version does not parse.
 */
export function planUpgradePath(
  from: string,
  to: string,
  nodes: PlanNodes = { controlPlanes: ['<first control plane>'], workers: ['<worker>'] },
): UpgradePlan {
  const f = parseVersion(from);
  const t = parseVersion(to);
  const fromStr = formatVersion(f);
  const toStr = formatVersion(t);
  const reasons: string[] = [];
  if (t.preRelease.length > 0)
    reasons.push(`${toStr} is a pre-release; plan upgrades to stable releases only`);
  if (!findMinor(`${t.major}.${t.minor}`)?.patches.includes(toStr))
    reasons.push(`${toStr} is not a known stable release`);
  if (f.major !== t.major) reasons.push('upgrades across major versions are not supported');
  if (t.minor < f.minor - 1) {
    reasons.push(
      `Specified version to downgrade to "${toStr}" is too low; kubeadm can downgrade only 1 minor version at a time`,
    );
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const warnings: string[] = [];
  const steps: PlanStep[] = [];
  if (compareVersions(t, f) <= 0) {
    if (t.minor < f.minor)
      warnings.push(
        'downgrading one minor version is not blocked by kubeadm but is not a supported or tested operation; restore from an etcd backup instead',
      );
    if (compareVersions(t, f) === 0)
      return { ok: true, steps, warnings: ['already at the target version'] };
    steps.push({
      kind: t.minor < f.minor ? 'minor' : 'patch',
      from: fromStr,
      to: toStr,
      actions: stepActions(fromStr, toStr, nodes),
    });
    return { ok: true, steps, warnings };
  }
  let current = fromStr;
  const latestOfCurrent = t.minor === f.minor ? toStr : stableForMinor(`${f.major}.${f.minor}`);
  if (latestOfCurrent && compareVersions(parseVersion(latestOfCurrent), f) > 0) {
    steps.push({
      kind: 'patch',
      from: current,
      to: latestOfCurrent,
      actions: stepActions(current, latestOfCurrent, nodes),
    });
    current = latestOfCurrent;
  }
  for (let m = f.minor + 1; m <= t.minor; m++) {
    const next = m === t.minor ? toStr : stableForMinor(`${f.major}.${m}`);
    if (!next)
      return {
        ok: false,
        reasons: [`v${f.major}.${m} has no stable release; minor versions cannot be skipped`],
      };
    steps.push({
      kind: 'minor',
      from: current,
      to: next,
      actions: stepActions(current, next, nodes),
    });
    current = next;
  }
  return { ok: true, steps, warnings };
}
