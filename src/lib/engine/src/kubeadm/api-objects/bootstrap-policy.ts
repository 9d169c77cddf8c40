/**
 * The RBAC defaults kube-apiserver creates when it starts (the rbac/bootstrap-roles post-start
 * hook reconciles them): every bootstrap ClusterRole, ClusterRoleBinding, Role and RoleBinding of
 * the cluster's minor (rbac/bootstrap/policy.ts, from upstream's bootstrappolicy testdata), all
 * created at the apiserver's start.
 */
import { bootstrapPolicy } from '../../rbac/bootstrap/policy.ts';
import type { Placed } from './manifest.ts';

/** The bootstrap RBAC objects of a 1.x minor, created at `created`. */
export function bootstrapPolicyObjects(created: string, minor: number): Placed[] {
  return bootstrapPolicy(minor).map(([resource, o]) => [
    resource,
    { ...o, metadata: { ...o.metadata, creationTimestamp: created } },
  ]);
}
