/**
 * The `mark-control-plane` phase's output, shared by `kubeadm init` and a control-plane
 * `kubeadm join` (cmd/kubeadm/app/phases/markcontrolplane/markcontrolplane.go).
 */
import { log, type EngineEvent } from '../events.ts';

/** The two lines kubeadm prints when it labels and taints `node` as a control plane. */
export function markControlPlaneEvents(node: string): EngineEvent[] {
  return [
    log(
      'mark-control-plane',
      `Marking the node ${node} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]`,
    ),
    log(
      'mark-control-plane',
      `Marking the node ${node} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]`,
    ),
  ];
}
