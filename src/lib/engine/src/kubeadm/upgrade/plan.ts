/**
 * `kubeadm upgrade plan [version]` as a pure function: what upgrades are available and what each
 * would change, modelled on cmd/kubeadm/app/phases/upgrade/compute.go (GetAvailableUpgrades) and
 * cmd/kubeadm/app/cmd/upgrade/plan.go (genUpgradePlan). It changes nothing; the shell formats the
 * result and `kubeadm upgrade apply` uses the same component data (planComponents).
 *
 * "The internet" is the release catalog: `stable` resolves to its newest stable patch (and falls
 * back to `stable-<kubeadm minor>` when that minor is newer than kubeadm, as kubeadm logs).
 */
import { nodeList } from '../../state/nodes.ts';
import type { ClusterState } from '../../model/state.ts';
import { EngineError } from '../../errors.ts';
import { getMachine } from '../../state/create.ts';
import { etcdVersionFor, resolveVersionLabel, stableForMinor } from '../../model/releases.ts';
import { compareVersions, formatVersion, parseVersion } from '../../model/version.ts';
import {
  catalogEntry,
  controlPlaneNodes,
  coreDNSInUse,
  healthErrors,
  manifestTag,
  requireAdminCluster,
} from './common.ts';
import { findMachine } from '../../state/machines.ts';

/** One row of a plan table. */
export interface PlanRow {
  readonly component: string;
  /** Node name, or "" for cluster-wide add-ons (kube-proxy, CoreDNS). */
  readonly node: string;
  readonly current: string;
  readonly target: string;
}

/** One available upgrade (compute.go Upgrade). */
export interface AvailableUpgrade {
  /** "stable version" or "version in the v1.36 series". */
  readonly description: string;
  readonly target: string;
  /** kubeadm version this upgrade needs (differs from the running kubeadm → "Note: …"). */
  readonly kubeadmTarget: string;
  /** " --allow-release-candidate-upgrades" / " --allow-experimental-upgrades" or "". */
  readonly unstableFlag: string;
  /** kubelet rows (empty when every kubelet already runs the target). */
  readonly kubelets: readonly PlanRow[];
  /** Control-plane and add-on rows in kubeadm's order. */
  readonly components: readonly PlanRow[];
}

/** A component config's API version state (componentconfigs.GetVersionStates). */
export interface ConfigVersionState {
  readonly group: string;
  readonly current: string;
  readonly preferred: string;
  readonly manualUpgradeRequired: boolean;
}

/** The whole plan. */
export interface UpgradePlanResult {
  /** As kubeadm prints it in plan: without the leading "v" ("1.36.4"). */
  readonly clusterVersion: string;
  readonly kubeadmVersion: string;
  readonly targetVersion: string;
  /** "v1.36" */
  readonly clusterMinor: string;
  readonly latestInSeries: string;
  /** klog I-lines printed while resolving `stable` (stderr). */
  readonly info: readonly string[];
  /** Health-check errors; non-empty means plan fails with them. */
  readonly healthErrors: readonly string[];
  readonly upgrades: readonly AvailableUpgrade[];
  readonly configStates: readonly ConfigVersionState[];
}

/** Inputs of {@link planUpgrade}. */
export interface PlanInput {
  readonly machine: string;
  /** Optional version argument of `kubeadm upgrade plan [version]`. */
  readonly version?: string;
  readonly allowExperimental?: boolean;
  readonly allowReleaseCandidates?: boolean;
}

const newer = (a: string, b: string): boolean =>
  compareVersions(parseVersion(a), parseVersion(b)) > 0;

/**
 * The component rows of an upgrade to `target` (genUpgradePlan): kubelets per node, then per
 * control-plane node kube-apiserver, kube-controller-manager, kube-scheduler, then kube-proxy,
 * CoreDNS, and etcd per control-plane node. kubeadm never downgrades etcd.
 */
export function planComponents(
  state: ClusterState,
  target: string,
): { kubelets: PlanRow[]; components: PlanRow[] } {
  const c = state.cluster;
  if (!c) return { kubelets: [], components: [] };
  const nodes = nodeList(state);
  const kubelets = nodes.some((n) => n.kubeletVersion !== target)
    ? nodes.map((n) => ({ component: 'kubelet', node: n.name, current: n.kubeletVersion, target }))
    : [];
  const cps = controlPlaneNodes(state);
  const components: PlanRow[] = [];
  for (const component of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    for (const n of cps) {
      const current = manifestTag(findMachine(state, n.machine), component) ?? c.version;
      components.push({ component, node: n.name, current, target });
    }
  }
  // kube-proxy's current version is printed without "v" (upstream prints the DaemonSet's
  // version this way; seen in real v1.30-v1.36 output).
  components.push({
    component: 'kube-proxy',
    node: '',
    current: c.version.replace(/^v/, ''),
    target,
  });
  components.push({
    component: 'CoreDNS',
    node: '',
    current: coreDNSInUse(c),
    target: catalogEntry(target)?.coreDNS ?? '',
  });
  for (const n of cps) {
    const current = manifestTag(findMachine(state, n.machine), 'etcd') ?? '';
    const desired = etcdVersionFor(target);
    const keep = current !== '' && compareEtcd(current, desired) > 0;
    components.push({ component: 'etcd', node: n.name, current, target: keep ? current : desired });
  }
  return { kubelets, components };
}

/** Orders etcd image tags "3.6.9-0" (version, then image revision). */
export function compareEtcd(a: string, b: string): number {
  const [av = '', ar = '0'] = a.split('-');
  const [bv = '', br = '0'] = b.split('-');
  const pa = av.split('.').map(Number);
  const pb = bv.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(Number(ar) - Number(br));
}

function unstableFlag(target: string): string {
  const pre = parseVersion(target).preRelease;
  if (pre.length === 0) return '';
  return (pre[0] ?? '').startsWith('rc')
    ? ' --allow-release-candidate-upgrades'
    : ' --allow-experimental-upgrades';
}

/**
 * Plans the upgrade of the cluster `machine` administers.
 * @throws EngineError Kubeadm when there is no admin.conf/cluster, InvalidVersion/UsageError for a
 *   bad version argument.
 */
export function planUpgrade(state: ClusterState, input: PlanInput): UpgradePlanResult {
  const m = getMachine(state, input.machine);
  const c = requireAdminCluster(state, m);
  const kubeadmVersion = `v${m.packages.kubeadm?.version ?? '0.0.0'}`;
  const cluster = parseVersion(c.version);
  const clusterMinor = `v${cluster.major}.${cluster.minor}`;
  let info: string[] = [];
  let stable: string;
  let latestInSeries: string;
  if (input.version !== undefined) {
    // A version argument replaces every online lookup (OfflineVersionGetter).
    stable = resolveVersionLabel(input.version, kubeadmVersion).version;
    latestInSeries = stable;
  } else {
    const r = resolveVersionLabel('stable', kubeadmVersion);
    info = [...r.info];
    stable = r.version;
    latestInSeries = stableForMinor(`${cluster.major}.${cluster.minor}`) ?? c.version;
  }
  const upgrades: AvailableUpgrade[] = [];
  const add = (description: string, target: string): void => {
    const rows = planComponents(state, target);
    upgrades.push({
      description,
      target,
      kubeadmTarget: newer(target, kubeadmVersion) ? target : kubeadmVersion,
      unstableFlag: unstableFlag(target),
      ...rows,
    });
  };
  const patchTarget = input.version === undefined ? latestInSeries : null;
  if (
    patchTarget !== null &&
    newer(patchTarget, c.version) &&
    parseVersion(patchTarget).minor === cluster.minor
  ) {
    add(`version in the ${clusterMinor} series`, patchTarget);
  }
  if (newer(stable, c.version) && stable !== patchTarget) {
    const sameMinor = parseVersion(stable).minor === cluster.minor;
    add(sameMinor ? `version in the ${clusterMinor} series` : 'stable version', stable);
  }
  return {
    clusterVersion: formatVersion(cluster).replace(/^v/, ''),
    kubeadmVersion,
    targetVersion: stable,
    clusterMinor,
    latestInSeries,
    info,
    healthErrors: healthErrors(state),
    upgrades,
    configStates: [
      {
        group: 'kubeproxy.config.k8s.io',
        current: 'v1alpha1',
        preferred: 'v1alpha1',
        manualUpgradeRequired: false,
      },
      {
        group: 'kubelet.config.k8s.io',
        current: 'v1beta1',
        preferred: 'v1beta1',
        manualUpgradeRequired: false,
      },
    ],
  };
}

/** Re-exported so callers can catch plan errors by code. */
export { EngineError };
