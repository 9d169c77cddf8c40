/**
 * Which TCP ports a simulated machine listens on, derived from what runs there: sshd and
 * systemd-resolved always; containerd's CRI streaming server while containerd runs; the kubelet
 * (10248 on localhost, 10250) while it is active; and, while the kubelet runs them, the static
 * Pods kubeadm wrote (kube-apiserver 6443, etcd 2379/2380 and 2381 on localhost,
 * kube-controller-manager 10257, kube-scheduler 10259) and kube-proxy (10249 local, 10256).
 * Ports and bind addresses: kubeadm's manifests (cmd/kubeadm/app/phases/controlplane/manifests.go,
 * etcd/local.go) and kubernetes.io's "Ports and Protocols" reference.
 */
import { nodeOfMachine, podsOnNode } from '../src/index.ts';
import type { ClusterState, Machine } from '../src/index.ts';

/** One listening socket, as `ss -ltnp` shows it. */
export interface Listener {
  readonly address: string;
  readonly port: number;
  readonly process: string;
  readonly pid: number;
  readonly fd: number;
}

const MANIFESTS = '/etc/kubernetes/manifests';

/** Listening TCP sockets of `m`, sorted as ss prints them (by port, then address). */
export function listeners(state: ClusterState, m: Machine): Listener[] {
  const out: Listener[] = [
    { address: '127.0.0.53%lo', port: 53, process: 'systemd-resolve', pid: 588, fd: 15 },
    { address: '127.0.0.54', port: 53, process: 'systemd-resolve', pid: 588, fd: 17 },
    { address: '0.0.0.0', port: 22, process: 'sshd', pid: 1063, fd: 3 },
    { address: '[::]', port: 22, process: 'sshd', pid: 1063, fd: 4 },
  ];
  if (m.containerd.running)
    out.push({ address: '127.0.0.1', port: 37219, process: 'containerd', pid: 742, fd: 11 });
  if (m.kubelet.active === 'active') {
    out.push(
      { address: '127.0.0.1', port: 10248, process: 'kubelet', pid: 2718, fd: 18 },
      { address: '*', port: 10250, process: 'kubelet', pid: 2718, fd: 20 },
    );
    const has = (name: string): boolean => m.files[`${MANIFESTS}/${name}.yaml`] !== undefined;
    if (has('etcd')) {
      out.push(
        { address: m.ip, port: 2379, process: 'etcd', pid: 3121, fd: 9 },
        { address: '127.0.0.1', port: 2379, process: 'etcd', pid: 3121, fd: 8 },
        { address: m.ip, port: 2380, process: 'etcd', pid: 3121, fd: 7 },
        { address: '127.0.0.1', port: 2381, process: 'etcd', pid: 3121, fd: 13 },
      );
    }
    if (has('kube-apiserver'))
      out.push({ address: '*', port: 6443, process: 'kube-apiserver', pid: 3187, fd: 3 });
    if (has('kube-controller-manager'))
      out.push({ address: '127.0.0.1', port: 10257, process: 'kube-controller', pid: 3140, fd: 3 });
    if (has('kube-scheduler'))
      out.push({ address: '127.0.0.1', port: 10259, process: 'kube-scheduler', pid: 3152, fd: 3 });
    const node = nodeOfMachine(state.cluster, m.name);
    const proxy =
      node !== undefined && podsOnNode(state, node.name).some((p) => p.app === 'kube-proxy');
    if (proxy) {
      out.push(
        { address: '127.0.0.1', port: 10249, process: 'kube-proxy', pid: 3904, fd: 10 },
        { address: '*', port: 10256, process: 'kube-proxy', pid: 3904, fd: 9 },
      );
    }
  }
  return out;
}

/** True when a connection from anywhere to `address:port` of `m` would be accepted. */
export function accepts(
  state: ClusterState,
  m: Machine,
  port: number,
  fromLocal: boolean,
  address: string,
): boolean {
  return listeners(state, m).some((l) => {
    if (l.port !== port) return false;
    if (l.address === '*' || l.address === '0.0.0.0' || l.address === '[::]') return true;
    if (l.address.startsWith('127.')) return fromLocal && address.startsWith('127.');
    return l.address === address;
  });
}
