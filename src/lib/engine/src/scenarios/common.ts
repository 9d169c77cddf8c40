/**
 * Building blocks the scenario files share: the three machines of the install guide and the
 * `kubeadm join` a scenario runs with the cluster's first bootstrap token.
 */
import type { ClusterState } from '../model/state.ts';
import type { Command, MachineSpec } from '../commands/types.ts';

/** cp-1, worker-1 and worker-2: the machines every install-based scenario starts with. */
export const INSTALL_MACHINES: readonly MachineSpec[] = [
  { name: 'cp-1', ip: '10.0.0.11', cpus: 2, memoryMiB: 4096 },
  { name: 'worker-1', ip: '10.0.0.21', cpus: 2, memoryMiB: 4096 },
  { name: 'worker-2', ip: '10.0.0.22', cpus: 2, memoryMiB: 4096 },
];

/**
 * `kubeadm join` with the cluster's first token and its CA hash, through `endpoint` (default: the
 * endpoint kubeadm init printed); a control-plane join also passes the uploaded certificate key.
 */
export function joinCommand(
  state: ClusterState,
  machine: string,
  opts: { readonly controlPlane?: boolean; readonly endpoint?: string } = {},
): Command {
  const c = state.cluster;
  const token = c?.tokens[0];
  return {
    type: 'kubeadm.join',
    machine,
    options: {
      endpoint: opts.endpoint ?? c?.endpoint ?? '',
      token: token ? `${token.id}.${token.secret}` : '',
      caCertHashes: [`sha256:${c?.caHash ?? ''}`],
      ...(opts.controlPlane === true
        ? { controlPlane: true, certificateKey: c?.certificateKey?.key ?? '' }
        : {}),
    },
  };
}
