/**
 * `crictl version` (cri-tools cmd/crictl/version.go): the CRI Version call answered by
 * containerd's CRI plugin (RuntimeName containerd, its version with the leading v its build
 * stamps, CRI API v1) after the client's own version line.
 */
import { findMachine, type ClusterState } from '../../src/index.ts';

/** The lines `crictl version` prints on `machine`. */
export function containerdVersion(state: ClusterState, machine: string): string {
  const v = findMachine(state, machine)?.containerd.version ?? '';
  return [
    `Version:  0.1.0`,
    `RuntimeName:  containerd`,
    `RuntimeVersion:  v${v}`,
    `RuntimeApiVersion:  v1`,
  ].join('\n');
}
