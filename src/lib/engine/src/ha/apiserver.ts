/**
 * Whether kubectl reaches a kube-apiserver at `server` (host:port from a kubeconfig): directly at
 * a control-plane machine's IP, or through the controlPlaneEndpoint (a load balancer / DNS name in
 * front of every apiserver, which forwards to any healthy one).
 */
import type { ClusterState } from '../model/state.ts';
import { runningApiservers } from './endpoints.ts';
import { findMachine } from '../state/machines.ts';

/** True when some running apiserver answers at `server`. */
export function apiserverReachable(state: ClusterState, server: string): boolean {
  const c = state.cluster;
  if (!c) return false;
  const running = runningApiservers(state);
  const host = server.split(':')[0] ?? '';
  if (running.some((a) => a.ip === host || findMachine(state, a.machine)?.ip === host)) return true;
  return server === c.endpoint && c.controlPlaneEndpoint !== null && running.length > 0;
}
