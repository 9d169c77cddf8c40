/**
 * `kubeadm upgrade node` (cmd/kubeadm/app/cmd/upgrade/node.go, phases preflight, control-plane,
 * kubeconfig, kubelet-config, addon, post-upgrade): on another control-plane node it upgrades the
 * local static Pods to the version recorded in kubeadm-config (and the addons once it is the last
 * control plane); on a worker it only rewrites the kubelet configuration. The kubelet binary is a
 * separate package step. Worker/skip wording reconstructed from v1.30 and v1.33-v1.36 output.
 *
 * Preflight is the root check plus SystemVerification only (phases/upgrade/node/preflight.go,
 * RunUpgradeChecks): unlike init and join, nothing here compares the kubelet with the control
 * plane, so keeping the supported order (control plane first) is up to the operator.
 */
import { podList, putPod, removePod } from '../../state/pods.ts';
import type { ClusterState } from '../../model/state.ts';
import { type Transition, ok, fail } from '../../commands/result.ts';
import { EngineError, isEngineError } from '../../errors.ts';
import { log, type EngineEvent } from '../../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../../random.ts';
import { getMachine } from '../../state/create.ts';
import {
  catalogEntry,
  configReadEvents,
  controlPlaneNodes,
  coreDNSInUse,
  manifestTag,
} from './common.ts';
import { upgradeStaticPods } from './staticpods.ts';
import { kubeletConfigEvents, writeKubeletConfig } from './kubelet-config.ts';
import { imagePullEvents } from '../image-pull.ts';
import { findMachine } from '../../state/machines.ts';
import { nodeOfMachine } from '../../views/node-index.ts';

/** Options of `kubeadm upgrade node`. */
export interface UpgradeNodeOptions {
  readonly ignorePreflightErrors?: readonly string[];
  readonly etcdUpgrade?: boolean;
  /** --certificate-renewal (default true): renew the certificates of upgraded components. */
  readonly certificateRenewal?: boolean;
}

/** Applies `kubeadm upgrade node` on `machine`. */
export function applyUpgradeNode(
  state: ClusterState,
  machine: string,
  opts: UpgradeNodeOptions = {},
): Transition {
  const events: EngineEvent[] = [];
  const rng = createRng(state.rng);
  try {
    const m = getMachine(state, machine);
    const c = state.cluster;
    const node = nodeOfMachine(c, machine);
    if (!c || !node || m.files['/etc/kubernetes/kubelet.conf'] === undefined) {
      throw new EngineError('Kubeadm', {
        message:
          'couldn\'t create a Kubernetes client from file "/etc/kubernetes/kubelet.conf": failed to load admin kubeconfig: open /etc/kubernetes/kubelet.conf: no such file or directory',
      });
    }
    events.push(
      ...configReadEvents('upgrade'),
      log('upgrade/preflight', 'Running pre-flight checks'),
    );
    let next: ClusterState = state;
    let t = state.now + 3000;
    if (node.controlPlane) {
      events.push(
        ...imagePullEvents('upgrade/preflight'),
        log(
          'upgrade/control-plane',
          `Upgrading your static Pod-hosted control plane instance to version "${c.version}"...`,
        ),
      );
      const sp = upgradeStaticPods(
        state,
        machine,
        node.name,
        c.version,
        opts.etcdUpgrade !== false,
        rng,
        t,
        opts.certificateRenewal !== false,
      );
      events.push(
        ...sp.events,
        log('upgrade/kubeconfig', 'The kubeconfig files for this node were successfully upgraded!'),
      );
      next = sp.state;
      t = sp.t;
    } else {
      events.push(
        log('upgrade/preflight', 'Skipping prepull. Not a control plane node.'),
        log('upgrade/control-plane', 'Skipping phase. Not a control plane node.'),
        log('upgrade/kubeconfig', 'Skipping phase. Not a control plane node.'),
      );
    }
    events.push(
      ...kubeletConfigEvents(
        t,
        rng,
        `v${m.packages.kubeadm?.version ?? c.version.replace(/^v/, '')}`,
      ),
    );
    next = writeKubeletConfig(next, machine, t);
    const cluster = next.cluster ?? c;
    let coreDNSVersion = cluster.coreDNSVersion;
    if (!node.controlPlane) {
      events.push(
        log('upgrade/addon', 'Skipping the addon/coredns phase. Not a control plane node.'),
        log('upgrade/addon', 'Skipping the addon/kube-proxy phase. Not a control plane node.'),
      );
    } else {
      const pending = controlPlaneNodes(next)
        .filter((n) => manifestTag(findMachine(next, n.machine), 'kube-apiserver') !== c.version)
        .map((n) => n.name);
      if (pending.length > 0) {
        // cmd/kubeadm/app/cmd/phases/upgrade/apply/addons.go shouldUpgradeAddons: printed by each add-on phase.
        const msg = `skip upgrade addons because control plane instances [${pending.join(' ')}] have not been upgraded`;
        events.push(log('upgrade/addons', msg), log('upgrade/addons', msg));
      } else {
        // This was the last control plane: roll the addons the first `apply` skipped.
        const target = catalogEntry(c.version)?.coreDNS ?? coreDNSInUse(cluster);
        for (const p of podList(next).filter((p) => p.app === 'kube-proxy')) {
          const name = `kube-proxy-${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
          next = putPod(removePod(next, p.namespace, p.name), { ...p, name, createdAt: t });
        }
        coreDNSVersion = target;
        events.push(
          log('addons', 'Applied essential addon: CoreDNS'),
          log('addons', 'Applied essential addon: kube-proxy'),
        );
      }
    }
    events.push(
      log('upgrade', 'The configuration for this node was successfully upgraded!'),
      log(
        'upgrade',
        'Now you should go ahead and upgrade the kubelet package using your package manager.',
      ),
    );
    next = {
      ...next,
      now: t + 2000,
      rng: rng.state,
      cluster: {
        ...(next.cluster ?? cluster),
        ...(coreDNSVersion !== undefined ? { coreDNSVersion } : {}),
      },
    };
    return ok(next, events);
  } catch (error) {
    return fail(
      isEngineError(error) ? error : new EngineError('Internal', { message: String(error) }),
      events,
    );
  }
}
