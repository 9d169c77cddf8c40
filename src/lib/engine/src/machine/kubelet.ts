/**
 * The kubelet service's derived state: without a config from kubeadm it exits and systemd
 * restarts it every few seconds ("activating (auto-restart)"), as on a real node after
 * installing the package.
 */
import type { Machine } from '../model/state.ts';
import { runtimeDownSince } from './container-runtime.ts';

/** Paths kubeadm writes that let the kubelet start. */
export const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
/** The kubelet's kubeconfig after TLS bootstrap. */
export const KUBELET_KUBECONFIG = '/etc/kubernetes/kubelet.conf';
/** CNI configuration flannel writes on every node. */
export const FLANNEL_CNI_CONF = '/etc/cni/net.d/10-flannel.conflist';

/**
 * True when the kubelet would keep running on this machine. It exits at start without its
 * configuration, with swap on, or without a container runtime to connect to ("failed to run
 * Kubelet: validate service connection: validate CRI v1 runtime API for endpoint …": kubelet's
 * remote runtime service checks the CRI socket before it starts), and systemd restarts it.
 */
export function kubeletCanRun(m: Machine): boolean {
  return (
    m.packages.kubelet !== undefined &&
    m.files[KUBELET_CONFIG] !== undefined &&
    m.files[KUBELET_KUBECONFIG] !== undefined &&
    !m.swapOn &&
    m.containerd.running
  );
}

/** The machine after (re)starting the kubelet at `now`. */
export function startKubelet(m: Machine, now: number): Machine {
  if (!m.packages.kubelet) return m;
  return {
    ...m,
    kubelet: { ...m.kubelet, active: kubeletCanRun(m) ? 'active' : 'activating', since: now },
  };
}

/**
 * True when the node is Ready at `now`: kubelet running, a CNI configuration present, and the
 * container runtime not reported down (machine/container-runtime.ts).
 */
export function nodeReady(m: Machine, now: number): boolean {
  return (
    m.kubelet.active === 'active' &&
    m.files[FLANNEL_CNI_CONF] !== undefined &&
    runtimeDownSince(m, now) === null
  );
}
