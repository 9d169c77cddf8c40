/**
 * A fresh Ubuntu machine with containerd running and nothing Kubernetes-related installed.
 */
import type { Machine } from '../model/state.ts';
import type { MachineSpec } from '../commands/types.ts';
import { OS_DIRS, osFiles } from './os-files.ts';

/** OS string as `/etc/os-release` PRETTY_NAME and `kubectl get nodes -o wide` show it. */
export const UBUNTU_PRETTY_NAME = 'Ubuntu 24.04.3 LTS';
/** Kernel release reported by `uname -r` on the simulated machines. */
export const KERNEL_RELEASE = '6.8.0-88-generic';
/** containerd version installed on the simulated machines. */
export const CONTAINERD_VERSION = '1.7.28';

/** Builds a machine from its spec at time `now`. */
export function createMachine(spec: MachineSpec, now: number): Machine {
  return {
    name: spec.name,
    ip: spec.ip,
    os: UBUNTU_PRETTY_NAME,
    kernel: KERNEL_RELEASE,
    cpus: spec.cpus,
    memoryMiB: spec.memoryMiB,
    swapOn: true,
    ipForward: 0,
    containerd: { version: CONTAINERD_VERSION, running: true },
    packages: {},
    aptUpdated: false,
    kubelet: { enabled: false, active: 'inactive', since: now },
    files: {
      ...osFiles(spec),
      '/etc/hostname': `${spec.name}\n`,
      '/etc/containerd/config.toml':
        'version = 2\n\n[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n',
      '/proc/sys/net/ipv4/ip_forward': '0\n',
    },
    // Ubuntu 24.04 ships /etc/apt/keyrings (install-kubeadm.md: only older releases lack it).
    // Ubuntu's cloud images come with the `ubuntu` account (kubernetes.io's HA page copies to it).
    dirs: [
      '/root',
      '/home/ubuntu',
      '/etc',
      '/tmp',
      '/etc/apt/keyrings',
      '/etc/apt/sources.list.d',
      ...OS_DIRS,
    ],
    certs: {},
  };
}
