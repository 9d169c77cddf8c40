/**
 * `kubeadm reset` (cmd/kubeadm/app/cmd/reset.go): removes what init/join wrote on this machine and
 * takes the node out of the cluster view. Assumes `--force` semantics (no prompt in a terminal
 * that runs whole lines).
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { type Transition, ok } from '../commands/result.ts';
import { log, text, type EngineEvent } from '../events.ts';
import { getMachine, removeFiles } from '../state/create.ts';
import { parseVersion } from '../model/version.ts';

const RESET_NOTE = `
The reset process does not perform cleanup of CNI plugin configuration,
network filtering rules and kubeconfig files.

For information on how to perform this cleanup manually, please see:
    https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/
`;

/** Applies `kubeadm reset` on `machine`. */
export function applyKubeadmReset(state: ClusterState, machine: string): Transition {
  const m = getMachine(state, machine);
  const c = state.cluster;
  const node = c ? Object.values(c.nodes).find((n) => n.machine === machine) : undefined;
  const version = c?.version ?? `v${m.packages.kubeadm?.version ?? '1.36.0'}`;
  const events: EngineEvent[] = [];
  if (node) {
    const reupload = parseVersion(version).minor >= 35 ? 'upload-config kubeadm' : 'upload-config';
    events.push(
      log('reset', 'Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...'),
      log('reset', `Use 'kubeadm init phase ${reupload} --config your-config-file' to re-upload it.`),
    );
  }
  events.push(log('preflight', 'Running pre-flight checks'));
  const hadEtcd = Object.keys(m.files).some((f) => f.startsWith('/var/lib/etcd/'));
  if (hadEtcd) events.push(log('reset', 'Deleted contents of the etcd data directory: /var/lib/etcd'));
  else events.push(log('reset', 'No etcd config found. Assuming external etcd'), log('reset', 'Please, manually reset etcd to prevent further issues'));
  events.push(
    log('reset', 'Stopping the kubelet service'),
    log('reset', 'Unmounting mounted directories in "/var/lib/kubelet"'),
    log('reset', 'Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]'),
    log('reset', 'Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]'),
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
  next = { ...next, kubelet: { ...next.kubelet, active: m.packages.kubelet ? 'activating' : 'inactive', since: state.now } };
  let cluster = c;
  if (c && node) {
    const nodes = { ...c.nodes };
    delete nodes[node.name];
    const pods = Object.fromEntries(Object.entries(c.pods).filter(([, p]) => p.node !== node.name || p.app === 'coredns'));
    // Resetting the last control-plane node leaves no cluster to talk to.
    const anyControlPlane = Object.values(nodes).some((n) => n.controlPlane);
    cluster = anyControlPlane ? { ...c, nodes, pods } : null;
  }
  return ok({ ...state, cluster, machines: { ...state.machines, [machine]: next } }, events);
}
