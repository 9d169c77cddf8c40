/**
 * `kubeadm reset` (cmd/kubeadm/app/cmd/reset.go): removes what init/join wrote on this machine and
 * takes the node out of the cluster view. Without `--force` its preflight phase asks for
 * confirmation first (cmd/kubeadm/app/cmd/phases/reset/preflight.go): the answer is the first line
 * of stdin, and with no input kubeadm reads EOF and stops.
 */
import { controlPlaneNodes } from '../state/nodes.ts';
import { podsOnNode } from '../state/pods.ts';
import type { ClusterState, Machine } from '../model/state.ts';
import { type Transition, fail, ok } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { klogPrefix } from './upgrade/common.ts';
import { NOT_CONFIRMED, confirmed } from './confirm.ts';
import { log, text, type EngineEvent } from '../events.ts';
import { getMachine, removeFiles } from '../state/create.ts';
import { parseVersion } from '../model/version.ts';
import { applyMemberRemove } from '../etcd/ops.ts';
import { memberFor, usesExternalEtcd } from '../etcd/model.ts';
import { isDirectory } from '../machine/system.ts';
import { setKeyed } from '../model/keyed-map.ts';
import { nodeOfMachine } from '../views/node-index.ts';

const RESET_NOTE = `
The reset process does not perform cleanup of CNI plugin configuration,
network filtering rules and kubeconfig files.

For information on how to perform this cleanup manually, please see:
    https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/
`;

/** Options of {@link applyKubeadmReset}. */
export interface ResetOptions {
  /** `-f`: skip the confirmation prompt. */
  readonly force: boolean;
  /** The line typed at the prompt; undefined when there is no input (EOF). */
  readonly answer?: string | undefined;
}

/**
 * The `[reset] Are you sure you want to proceed? [y/N]: ` prompt of the preflight phase (klog
 * warning first, preflight.go line 55 at the file's current revision); util.InteractivelyConfirmAction
 * accepts "y" or "yes" in any case and otherwise fails.
 */
function confirm(
  now: number,
  answer: string | undefined,
  events: EngineEvent[],
): EngineError | null {
  events.push(
    text(
      `${klogPrefix('W', now, 0, 'preflight.go:55')}[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.`,
      'stderr',
    ),
    log('reset', 'Are you sure you want to proceed? [y/N]: '),
  );
  if (confirmed(answer)) return null;
  return new EngineError('KubeadmPhase', { phase: 'preflight', message: NOT_CONFIRMED });
}

/** Applies `kubeadm reset` on `machine`. */
export function applyKubeadmReset(
  state: ClusterState,
  machine: string,
  options: ResetOptions = { force: true },
): Transition {
  const m = getMachine(state, machine);
  const c = state.cluster;
  const node = nodeOfMachine(c, machine);
  const version = c?.version ?? `v${m.packages.kubeadm?.version ?? '1.36.0'}`;
  const events: EngineEvent[] = [];
  // newResetData (cmd/kubeadm/app/cmd/reset.go) only reads the kubeadm-config ConfigMap when the
  // default kubeconfig, /etc/kubernetes/admin.conf, gives it a client: on a control plane, not on a worker.
  if (node && m.files['/etc/kubernetes/admin.conf'] !== undefined) {
    const reupload = parseVersion(version).minor >= 35 ? 'upload-config kubeadm' : 'upload-config';
    events.push(
      log(
        'reset',
        'Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
      ),
      log(
        'reset',
        `Use 'kubeadm init phase ${reupload} --config your-config-file' to re-upload it.`,
      ),
    );
  }
  if (!options.force) {
    const refused = confirm(state.now, options.answer, events);
    if (refused) return fail(refused, events);
  }
  events.push(log('preflight', 'Running pre-flight checks'));
  const hadEtcd = Object.keys(m.files).some((f) => f.startsWith('/var/lib/etcd/'));
  if (hadEtcd)
    events.push(log('reset', 'Deleted contents of the etcd data directory: /var/lib/etcd'));
  else
    events.push(
      log('reset', 'No etcd config found. Assuming external etcd'),
      log('reset', 'Please, manually reset etcd to prevent further issues'),
    );
  events.push(
    log('reset', 'Stopping the kubelet service'),
    log('reset', 'Unmounting mounted directories in "/var/lib/kubelet"'),
    log(
      'reset',
      'Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]',
    ),
    log(
      'reset',
      'Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]',
    ),
    text(RESET_NOTE),
  );
  let next: Machine = removeFiles(m, [
    '/etc/kubernetes/manifests',
    '/var/lib/kubelet',
    '/etc/kubernetes/pki',
    '/var/lib/etcd',
    '/etc/kubernetes/admin.conf',
    '/etc/kubernetes/super-admin.conf',
    '/etc/kubernetes/kubelet.conf',
    '/etc/kubernetes/bootstrap-kubelet.conf',
    '/etc/kubernetes/controller-manager.conf',
    '/etc/kubernetes/scheduler.conf',
  ]);
  // CleanDir (cmd/kubeadm/app/cmd/phases/reset/cleanupnode.go) empties these directories but keeps
  // them, so `ls /etc/kubernetes` still shows `manifests  pki` after a reset.
  const kept = [
    '/etc/kubernetes/manifests',
    '/etc/kubernetes/pki',
    '/var/lib/kubelet',
    '/var/lib/etcd',
  ].filter((d) => isDirectory(m, d) && !next.dirs.includes(d));
  if (kept.length > 0) next = { ...next, dirs: [...next.dirs, ...kept] };
  next = {
    ...next,
    kubelet: {
      ...next.kubelet,
      active: m.packages.kubelet ? 'activating' : 'inactive',
      since: state.now,
    },
  };
  // kube-proxy's KUBE-* iptables chains outlive it: reset does not flush them (see RESET_NOTE).
  const hadKubeProxy =
    node !== undefined && podsOnNode(state, node.name).some((p) => p.app === 'kube-proxy');
  if (hadKubeProxy) next = { ...next, staleKubeRules: true };
  let cluster = c;
  let base: ClusterState = state;
  if (c && node) {
    // Upstream reset leaves the Node object (it goes NotReady until `kubectl delete node`); a
    // stacked control-plane node first removes its own etcd member (remove-etcd-member phase).
    const others = controlPlaneNodes(state).filter((n) => n.name !== node.name);
    // External etcd: kubeadm manages no member of it, and its data stays on the etcd hosts.
    if (node.controlPlane && others.length > 0 && !usesExternalEtcd(state)) {
      const removed = applyMemberRemove(state, memberFor(state, machine, node.name).id);
      if (removed.ok) base = removed.state;
      cluster = base.cluster;
    }
    // Resetting the last control-plane node leaves no cluster to talk to.
    if (node.controlPlane && others.length === 0) cluster = null;
  }
  return ok({ ...base, cluster, machines: setKeyed(base.machines, machine, next) }, events);
}
