/**
 * The Ready condition the kubelet posts for its node (pkg/kubelet/nodestatus/setters.go
 * ReadyCondition): True "kubelet is posting ready status" (KubeletReady), or False with reason
 * KubeletNotReady and the runtime state's errors as the message: runtimeErrors (container runtime
 * down, PLEG unhealthy: machine/container-runtime.ts), then networkErrors (no CNI configuration),
 * joined by utilerrors.NewAggregate. lastTransitionTime moves only when the status changes.
 */
import type { Machine, NodeObject } from '../model/state.ts';
import { aggregateError, runtimeDownSince, runtimeErrors } from './container-runtime.ts';
import { FLANNEL_CNI_CONF } from './kubelet.ts';

/** The network error while no CNI configuration is present (containerd's CRI NetworkReady). */
export const NETWORK_NOT_READY =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/** The Ready condition a running kubelet posts. */
export interface KubeletReady {
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
  /** lastTransitionTime (epoch ms). */
  readonly since: number;
}

/** What the kubelet of node `n` on machine `m` posts as its Ready condition at `at`. */
export function kubeletReady(n: NodeObject, m: Machine, at: number): KubeletReady {
  const network = m.files[FLANNEL_CNI_CONF] !== undefined;
  const runtime = runtimeErrors(m, at);
  const errors = network ? runtime : [...runtime, NETWORK_NOT_READY];
  if (errors.length === 0)
    return {
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      since: Math.max(n.createdAt, m.containerd.recoveredAt ?? 0),
    };
  // The status went False when the first of the errors still reported appeared.
  const starts: number[] = [];
  const down = runtimeDownSince(m, at);
  if (down !== null) starts.push(Math.max(n.createdAt, down));
  if (!network) starts.push(Math.max(n.createdAt, m.networkSince ?? 0));
  return {
    status: 'False',
    reason: 'KubeletNotReady',
    message: aggregateError(errors),
    since: Math.min(...starts),
  };
}
