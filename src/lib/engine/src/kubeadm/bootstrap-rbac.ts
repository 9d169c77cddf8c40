/**
 * The RBAC rules kubeadm (re)configures for bootstrap tokens, on `init` and again on
 * `upgrade apply` (cmd/kubeadm/app/phases/bootstraptoken/node/tlsbootstrap.go): one list, printed
 * the same way by both.
 */
import { log, type EngineEvent } from '../events.ts';

/** The four `[bootstrap-token] Configured RBAC rules …` lines, in kubeadm's order. */
export function bootstrapTokenRbacEvents(): EngineEvent[] {
  return [
    'Configured RBAC rules to allow Node Bootstrap tokens to get nodes',
    'Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials',
    'Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token',
    'Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster',
  ].map((line) => log('bootstrap-token', line));
}
