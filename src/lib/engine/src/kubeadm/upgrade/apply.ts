/**
 * `kubeadm upgrade apply VERSION` (cmd/kubeadm/app/cmd/upgrade/apply.go and its phases:
 * preflight, control-plane, upload-config, kubeconfig, kubelet-config, bootstrap-token, addon,
 * post-upgrade). The version policy is policy/upgrade-policy.ts (checkUpgradePolicy, a port of
 * phases/upgrade/policy.go); the component data comes from the same planComponents the plan uses.
 *
 * Messages follow real v1.32-v1.36 output: the policy failure is a preflight phase error
 * ("the version argument is invalid due to these errors: … Can be bypassed if you pass the
 * --force flag"); older kubeadm printed "[upgrade/version] FATAL: the --version argument …".
 */
import { nodeList } from '../../state/nodes.ts';
import { podList, putPod, removePod } from '../../state/pods.ts';
import { bootstrapTokenRbacEvents } from '../bootstrap-rbac.ts';
import type { ClusterState, PodObject } from '../../model/state.ts';
import { type Transition, ok, fail } from '../../commands/result.ts';
import { EngineError, isEngineError } from '../../errors.ts';
import { log, text, type EngineEvent } from '../../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET, type Rng } from '../../random.ts';
import { getMachine } from '../../state/create.ts';
import { isKnownRelease, resolveVersionLabel } from '../../model/releases.ts';
import { formatVersion, parseVersion } from '../../model/version.ts';
import { checkUpgradePolicy } from '../../policy/upgrade-policy.ts';
import {
  catalogEntry,
  configReadEvents,
  controlPlaneNodes,
  coreDNSInUse,
  healthErrors,
  manifestTag,
  requireAdminCluster,
} from './common.ts';
import { upgradeStaticPods } from './staticpods.ts';
import { rollCoreDns } from '../../controllers/coredns-rollout.ts';
import { kubeletConfigEvents, writeKubeletConfig } from './kubelet-config.ts';
import { imagePullEvents } from '../image-pull.ts';
import { findMachine } from '../../state/machines.ts';
import { nodeOfMachine } from '../../views/node-index.ts';
import { NOT_CONFIRMED, confirmed } from '../confirm.ts';
import { storeMissingBootstrapPolicy } from '../api-objects/store-init.ts';

/** Options of `kubeadm upgrade apply`. */
export interface UpgradeApplyOptions {
  readonly version: string;
  /** -y/--yes: skip the confirmation prompt. */
  readonly yes?: boolean;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  /** --etcd-upgrade (default true). */
  readonly etcdUpgrade?: boolean;
  /** --certificate-renewal (default true): renew the certificates of upgraded components. */
  readonly certificateRenewal?: boolean;
  readonly allowExperimental?: boolean;
  readonly allowReleaseCandidates?: boolean;
  /** The line typed at the `[y/N]` prompt (first line of stdin); undefined = no input (EOF). */
  readonly answer?: string;
}

const phaseError = (phase: string, message: string): EngineError =>
  new EngineError('KubeadmPhase', { phase, message });

const formatErrMsg = (messages: readonly string[]): string =>
  messages.map((m) => `\t- ${m}\n`).join('');

/**
 * The normalised target, or kubeadm's error: a string that looks like a release but is not a
 * semantic version (e.g. the 4-part "v1.37.1.1", which kubeReleaseRegex accepts as a suffix) fails
 * ParseSemantic with "unable to parse normalized version".
 */
export function normalizeTarget(raw: string, kubeadmVersion: string): string {
  const r = resolveVersionLabel(raw, kubeadmVersion);
  return r.version;
}

function resolveTarget(raw: string, kubeadmVersion: string): string {
  try {
    return normalizeTarget(raw, kubeadmVersion);
  } catch (error) {
    if (isEngineError(error) && error.code === 'InvalidVersion') {
      const shown = raw.startsWith('v') ? raw : `v${raw}`;
      throw new EngineError('Kubeadm', {
        message: `unable to parse normalized version "${shown}" as a semantic version`,
      });
    }
    throw error;
  }
}

/**
 * Replaces DaemonSet/Deployment pods of `app` with new names (a rollout), same nodes; CoreDNS's
 * Deployment rolls to a new ReplicaSet running `coreDNS` (controllers/coredns-rollout.ts).
 */
function rollOut(
  state: ClusterState,
  app: PodObject['app'],
  rng: Rng,
  t: number,
  coreDNS = '',
): ClusterState {
  const old = podList(state).filter((p) => p.app === app);
  const hash = app === 'coredns' ? rng.pick(NAME_SUFFIX_ALPHABET, 10) : '';
  const rs = app === 'coredns' ? `coredns-${hash}-` : 'kube-proxy-';
  let next = state;
  for (const p of old) {
    const name = `${rs}${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
    const { ipHost: _pinned, ...pod } = p;
    next = putPod(removePod(next, p.namespace, p.name), { ...pod, name, createdAt: t });
  }
  return app === 'coredns' ? rollCoreDns(next, hash, coreDNS, t) : next;
}

/** Applies `kubeadm upgrade apply` on `machine`. */
export function applyUpgradeApply(
  state: ClusterState,
  machine: string,
  opts: UpgradeApplyOptions,
): Transition {
  const events: EngineEvent[] = [];
  const rng = createRng(state.rng);
  try {
    const m = getMachine(state, machine);
    const c = requireAdminCluster(state, m);
    const kubeadmVersion = `v${m.packages.kubeadm?.version ?? '0.0.0'}`;
    events.push(...configReadEvents('upgrade'));
    const target = resolveTarget(opts.version, kubeadmVersion);
    events.push(
      log('upgrade/preflight', 'Running preflight checks'),
      log('upgrade', 'Running cluster health checks'),
    );
    const health = healthErrors(state);
    if (health.length > 0) {
      throw phaseError(
        'preflight',
        `[preflight] Some fatal errors occurred:\n\t${health.join('\n\t')}`,
      );
    }
    events.push(
      log('upgrade/preflight', `You have chosen to upgrade the cluster version to "${target}"`),
      log('upgrade/versions', `Cluster version: ${c.version}`),
      log('upgrade/versions', `kubeadm version: ${kubeadmVersion}`),
    );
    const policy = checkUpgradePolicy({
      clusterVersion: c.version,
      kubeadmVersion,
      kubeletVersions: nodeList(state).map((n) => n.kubeletVersion),
      targetVersion: target,
      ...(opts.allowExperimental ? { allowExperimental: true } : {}),
      ...(opts.allowReleaseCandidates ? { allowReleaseCandidates: true } : {}),
    });
    if (policy.mandatory.length > 0) {
      throw phaseError(
        'preflight',
        `the version argument is invalid due to these fatal errors:\n\n${formatErrMsg(policy.mandatory.map((v) => v.message))}\nPlease fix the misalignments highlighted above and try upgrading again`,
      );
    }
    if (policy.skippable.length > 0) {
      if (!opts.force) {
        throw phaseError(
          'preflight',
          `the version argument is invalid due to these errors:\n\n${formatErrMsg(policy.skippable.map((v) => v.message))}\nCan be bypassed if you pass the --force flag`,
        );
      }
      events.push(
        text(
          `[upgrade/preflight] Found ${policy.skippable.length} potential version compatibility errors but skipping since the --force flag is set: \n\n${formatErrMsg(policy.skippable.map((v) => v.message)).replace(/\n$/, '')}`,
        ),
      );
    }
    // --force implies non-interactive; --dry-run never asks (sessionIsInteractive in apply.go).
    if (!opts.yes && !opts.force && !opts.dryRun) {
      // util.InteractivelyConfirmAction reads one line from stdin: "y"/"yes" (any case) goes on;
      // anything else, or EOF when there is no input, aborts.
      events.push(log('upgrade', 'Are you sure you want to proceed? [y/N]: '));
      if (!confirmed(opts.answer)) throw phaseError('preflight', NOT_CONFIRMED);
    }
    if (opts.dryRun) {
      events.push(
        log(
          'upgrade/preflight',
          "Would pull the required images (like 'kubeadm config images pull')",
        ),
      );
    } else {
      events.push(...imagePullEvents('upgrade/preflight'));
    }
    if (!isKnownRelease(target)) {
      // Reconstructed: the image pull preflight check fails for a tag the registry does not have.
      throw phaseError(
        'preflight',
        `[preflight] Some fatal errors occurred:\n\t[ERROR ImagePull]: failed to pull image registry.k8s.io/kube-apiserver:${target}: failed to pull image: rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/kube-apiserver:${target}": failed to resolve reference "registry.k8s.io/kube-apiserver:${target}": registry.k8s.io/kube-apiserver:${target}: not found`,
      );
    }
    if (opts.dryRun) {
      // Unverified wording of the end of a dry run; nothing is changed.
      events.push(log('dryrun', 'Finished dryrunning successfully!'));
      return ok(state, events);
    }
    const node = nodeOfMachine(c, machine)?.name ?? m.name;
    let t = state.now + 12_000;
    events.push(
      log(
        'upgrade/control-plane',
        `Upgrading your static Pod-hosted control plane to version "${target}" (timeout: 5m0s)...`,
      ),
    );
    const sp = upgradeStaticPods(
      state,
      machine,
      node,
      target,
      opts.etcdUpgrade !== false,
      rng,
      t,
      opts.certificateRenewal !== false,
    );
    events.push(...sp.events);
    t = sp.t;
    let next = sp.state;
    events.push(
      log(
        'upload-config',
        'Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace',
      ),
      log(
        'kubelet',
        'Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster',
      ),
      log('upgrade/kubeconfig', 'The kubeconfig files for this node were successfully upgraded!'),
      ...kubeletConfigEvents(t, rng, kubeadmVersion),
      log('upgrade/bootstrap-token', 'Configuring bootstrap token and cluster-info RBAC rules'),
      ...bootstrapTokenRbacEvents(),
      log(
        'bootstrap-token',
        'Configured RBAC rules to allow the API server kubelet client certificate to access the kubelet API',
      ),
    );
    next = writeKubeletConfig(next, machine, t);
    const cluster = next.cluster ?? c;
    // Addons are upgraded only once every control-plane node runs the new version (kubeadm >= 1.28).
    const pending = controlPlaneNodes(next)
      .filter((n) => manifestTag(findMachine(next, n.machine), 'kube-apiserver') !== target)
      .map((n) => n.name);
    const coreDNS = catalogEntry(target)?.coreDNS ?? coreDNSInUse(cluster);
    if (pending.length > 0) {
      // cmd/kubeadm/app/cmd/phases/upgrade/apply/addons.go shouldUpgradeAddons: printed by each add-on phase.
      const msg = `skip upgrade addons because control plane instances [${pending.join(' ')}] have not been upgraded`;
      events.push(log('upgrade/addons', msg), log('upgrade/addons', msg));
    } else {
      if (coreDNS !== coreDNSInUse(cluster)) next = rollOut(next, 'coredns', rng, t, coreDNS);
      next = rollOut(next, 'kube-proxy', rng, t + 2000);
      events.push(
        log('addons', 'Applied essential addon: CoreDNS'),
        log('addons', 'Applied essential addon: kube-proxy'),
      );
    }
    events.push(
      text(
        `\n[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "${target}".\n`,
      ),
      log(
        'upgrade',
        'Now please proceed with upgrading the rest of the nodes by following the right order.',
      ),
    );
    next = {
      ...next,
      now: t + 5000,
      rng: rng.state,
      cluster: {
        ...(next.cluster ?? cluster),
        version: formatVersion(parseVersion(target)),
        ...(pending.length > 0 ? {} : { coreDNSVersion: coreDNS }),
      },
    };
    // The upgraded kube-apiserver's bootstrap-roles hook creates the new minor's new defaults.
    next = storeMissingBootstrapPolicy(next, t);
    return ok(next, events);
  } catch (error) {
    return fail(
      isEngineError(error) ? error : new EngineError('Internal', { message: String(error) }),
      events,
    );
  }
}
