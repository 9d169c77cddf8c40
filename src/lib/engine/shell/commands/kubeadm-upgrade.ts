/**
 * `kubeadm upgrade plan|apply|node` and `kubeadm config images list|pull`: flags as data, the
 * plan formatted the way cmd/kubeadm/app/cmd/upgrade/plan.go prints it (text/tabwriter minwidth
 * 10, padding 3), apply/node as typed commands.
 */
import {
  EngineError,
  imagesFor,
  isEngineError,
  klogPrefix,
  planUpgrade,
  resolveVersionLabel,
  type AvailableUpgrade,
  type PlanRow,
  type UpgradePlanResult,
} from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { printKubeadmError } from '../format.ts';
import type { Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

const TAB = { minwidth: 10, tabwidth: 4, padding: 3 };
const SEPARATOR = '_____________________________________________________________________';

const UPGRADE_FLAGS: FlagSpec[] = [
  {
    name: 'yes',
    short: 'y',
    type: 'bool',
    usage: 'Perform the upgrade and do not prompt for confirmation (non-interactive mode).',
  },
  {
    name: 'force',
    short: 'f',
    type: 'bool',
    usage:
      'Force upgrading although some requirements might not be met. This also implies non-interactive mode.',
  },
  {
    name: 'dry-run',
    type: 'bool',
    usage: 'Do not change any state, just output what actions would be performed.',
  },
  { name: 'etcd-upgrade', type: 'bool', usage: 'Perform the upgrade of etcd. (default true)' },
  {
    name: 'certificate-renewal',
    type: 'bool',
    usage:
      'Perform the renewal of certificates used by component changed during upgrades. (default true)',
  },
  {
    name: 'allow-experimental-upgrades',
    type: 'bool',
    usage:
      'Show unstable versions of Kubernetes as an upgrade alternative and allow upgrading to an alpha/beta/release candidate versions of Kubernetes.',
  },
  {
    name: 'allow-release-candidate-upgrades',
    type: 'bool',
    usage:
      'Show release candidate versions of Kubernetes as an upgrade alternative and allow upgrading to a release candidate versions of Kubernetes.',
  },
  {
    name: 'ignore-preflight-errors',
    type: 'strings',
    usage:
      "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.",
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage:
      'The kubeconfig file to use when talking to the cluster. (default "/etc/kubernetes/admin.conf")',
  },
  {
    name: 'v',
    short: 'v',
    type: 'string',
    default: 'Level',
    usage: 'number for the log level verbosity',
  },
];

function rows(header: string, body: readonly PlanRow[]): string[] {
  return [header, ...body.map((r) => `${r.component}\t${r.node}\t${r.current}\t${r.target}`)];
}

/** The text of one available upgrade block (printUpgradePlan). */
export function formatUpgradeBlock(up: AvailableUpgrade, kubeadmVersion: string): string {
  let out = '\n';
  if (up.kubelets.length > 0) {
    out +=
      "Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n";
    out += formatTabwriter(rows('COMPONENT\tNODE\tCURRENT\tTARGET', up.kubelets), TAB);
  }
  out += `\nUpgrade to the latest ${up.description}:\n\n`;
  out += formatTabwriter(rows('COMPONENT\tNODE\tCURRENT\tTARGET', up.components), TAB);
  out += '\nYou can now apply the upgrade by executing the following command:\n\n';
  out += `\tkubeadm upgrade apply ${up.target}${up.unstableFlag}\n\n`;
  if (up.kubeadmTarget !== kubeadmVersion)
    out += `Note: Before you can perform this upgrade, you have to update kubeadm to ${up.kubeadmTarget}.\n\n`;
  out += `${SEPARATOR}\n`;
  return out;
}

/** The full stdout of `kubeadm upgrade plan` after the version lines. */
export function formatPlanTables(plan: UpgradePlanResult): string {
  if (plan.upgrades.length === 0) return '';
  let out = plan.upgrades.map((u) => formatUpgradeBlock(u, plan.kubeadmVersion)).join('\n');
  out +=
    '\n\nThe table below shows the current state of component configs as understood by this version of kubeadm.\n';
  out +=
    'Configs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or\n';
  out +=
    'resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually\n';
  out += 'upgrade to is denoted in the "PREFERRED VERSION" column.\n\n';
  out += formatTabwriter(
    [
      'API GROUP\tCURRENT VERSION\tPREFERRED VERSION\tMANUAL UPGRADE REQUIRED',
      ...plan.configStates.map(
        (s) =>
          `${s.group}\t${s.current}\t${s.preferred}\t${s.manualUpgradeRequired ? 'yes' : 'no'}`,
      ),
    ],
    TAB,
  );
  out += SEPARATOR;
  return out;
}

function runPlan(inv: Invocation, p: ParsedFlags): number {
  const version = p.positionals[1];
  const plan = planUpgrade(inv.ctx.state, {
    machine: inv.machine,
    ...(version !== undefined ? { version } : {}),
    allowExperimental: bool(p, 'allow-experimental-upgrades'),
    allowReleaseCandidates: bool(p, 'allow-release-candidate-upgrades'),
  });
  inv.io.out('[preflight] Running pre-flight checks.');
  inv.io.out(
    '[upgrade/config] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
  );
  inv.io.out(
    "[upgrade/config] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
  );
  inv.io.out('[upgrade] Running cluster health checks');
  if (plan.healthErrors.length > 0) {
    return printKubeadmError(
      new EngineError('Kubeadm', {
        message: `[upgrade/health] FATAL: [preflight] Some fatal errors occurred:\n\t${plan.healthErrors.join('\n\t')}\n[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\``,
      }),
      inv.io,
    );
  }
  inv.io.out('[upgrade] Fetching available versions to upgrade to');
  inv.io.out(`[upgrade/versions] Cluster version: ${plan.clusterVersion}`);
  inv.io.out(`[upgrade/versions] kubeadm version: ${plan.kubeadmVersion}`);
  const now = inv.ctx.state.now;
  for (const [i, line] of plan.info.entries())
    inv.io.err(`${klogPrefix('I', now + 2000, 739721 + i, 'version.go:260')}${line}`);
  inv.io.out(`[upgrade/versions] Target version: ${plan.targetVersion}`);
  inv.io.out(
    `[upgrade/versions] Latest version in the ${plan.clusterMinor} series: ${plan.latestInSeries}`,
  );
  const tables = formatPlanTables(plan);
  if (tables !== '') inv.io.out(tables);
  return 0;
}

function runApply(inv: Invocation, p: ParsedFlags): number {
  const version = p.positionals[1];
  if (version === undefined) {
    return printKubeadmError(
      new EngineError('Kubeadm', { message: 'missing one or more required arguments: [version]' }),
      inv.io,
    );
  }
  const t = inv.apply({
    type: 'kubeadm.upgrade.apply',
    machine: inv.machine,
    options: {
      version,
      yes: bool(p, 'yes'),
      force: bool(p, 'force'),
      dryRun: bool(p, 'dry-run'),
      etcdUpgrade: p.values['etcd-upgrade'] !== false,
      certificateRenewal: p.values['certificate-renewal'] !== false,
      allowExperimental: bool(p, 'allow-experimental-upgrades'),
      allowReleaseCandidates: bool(p, 'allow-release-candidate-upgrades'),
      ...(inv.stdin === null ? {} : { answer: inv.stdin.split('\n')[0] ?? '' }),
    },
  });
  return t.ok ? 0 : printKubeadmError(t.error, inv.io);
}

function runNode(inv: Invocation, p: ParsedFlags): number {
  const t = inv.apply({
    type: 'kubeadm.upgrade.node',
    machine: inv.machine,
    options: {
      ignorePreflightErrors: list(p, 'ignore-preflight-errors'),
      etcdUpgrade: p.values['etcd-upgrade'] !== false,
      certificateRenewal: p.values['certificate-renewal'] !== false,
    },
  });
  return t.ok ? 0 : printKubeadmError(t.error, inv.io);
}

const UPGRADE_HELP = `Upgrade your cluster smoothly to a newer version with this command

Usage:
  kubeadm upgrade [flags]
  kubeadm upgrade [command]

Available Commands:
  apply       Upgrade your Kubernetes cluster to the specified version
  diff        Show what differences would be applied to existing static pod manifests. See also: kubeadm upgrade apply --dry-run
  node        Upgrade commands for a node in the cluster
  plan        Check which versions are available to upgrade to and validate whether your current cluster is upgradeable.

Flags:
  -h, --help   help for upgrade

Use "kubeadm upgrade [command] --help" for more information about a command.`;

/** The `kubeadm upgrade` command (plan, apply, node). */
export const upgradeSub = {
  name: 'upgrade',
  short: 'Upgrade your cluster smoothly to a newer version with this command',
  usage: 'kubeadm upgrade [flags]\n  kubeadm upgrade [command]',
  flags: UPGRADE_FLAGS,
  run(inv: Invocation, p: ParsedFlags): number {
    const sub = p.positionals[0];
    try {
      if (sub === 'plan') return runPlan(inv, p);
      if (sub === 'apply') return runApply(inv, p);
      if (sub === 'node') return runNode(inv, p);
    } catch (error) {
      if (isEngineError(error)) return printKubeadmError(error, inv.io);
      throw error;
    }
    inv.io.out(UPGRADE_HELP);
    return sub === undefined ? 0 : 1;
  },
};

/** Flags `kubeadm config images` adds to `kubeadm config`. */
export const IMAGES_FLAGS: FlagSpec[] = [
  {
    name: 'kubernetes-version',
    type: 'string',
    usage: 'Choose a specific Kubernetes version for the control plane. (default "stable-1")',
  },
  {
    name: 'image-repository',
    type: 'string',
    usage:
      'Choose a container registry to pull control plane images from (default "registry.k8s.io")',
  },
];

/**
 * `kubeadm config images list|pull` (cmd/kubeadm/app/cmd/config.go): the image set of
 * images.go GetControlPlaneImages via the release catalog's imagesFor. The default version is
 * kubeadm's `stable-1`, resolved offline from the catalog (with kubeadm's fallback log line).
 */
export function runImages(inv: Invocation, p: ParsedFlags, what: string | undefined): number {
  if (what !== 'list' && what !== 'pull') {
    inv.io.out(
      'Interact with container images used by kubeadm\n\nUsage:\n  kubeadm config images [flags]\n  kubeadm config images [command]\n\nAvailable Commands:\n  list        Print a list of images kubeadm will use. The configuration file is used in case any images or image repositories are customized\n  pull        Pull images used by kubeadm',
    );
    return what === undefined ? 0 : 1;
  }
  const m = findMachine(inv.ctx.state, inv.machine);
  const kubeadmVersion = `v${m?.packages.kubeadm?.version ?? '0.0.0'}`;
  try {
    const r = resolveVersionLabel(str(p, 'kubernetes-version') ?? 'stable-1', kubeadmVersion);
    const now = inv.ctx.state.now;
    for (const [i, line] of r.info.entries())
      inv.io.err(`${klogPrefix('I', now + 1000, 512345 + i, 'version.go:260')}${line}`);
    const repo = str(p, 'image-repository');
    const images = imagesFor(r.version, repo, m?.packages.kubeadm ? kubeadmVersion : undefined);
    if (what === 'list') inv.io.out(images.join('\n'));
    else inv.io.out(images.map((i) => `[config/images] Pulled ${i}`).join('\n'));
    return 0;
  } catch (error) {
    if (isEngineError(error)) return printKubeadmError(error, inv.io);
    throw error;
  }
}
