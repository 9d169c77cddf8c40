/**
 * The mark of a stored Pod that belongs to a reader's workload (workloads/user-pods.ts): such a
 * Pod keeps its full spec and is not one of the compact records of the cluster's own Pods.
 */
import type { ApiObject } from '../store/types.ts';

/** True for a stored Pod of a reader's workload. */
export function isUserPod(o: ApiObject): boolean {
  const sim = o['simulator'] as { user?: boolean } | undefined;
  return sim?.user === true;
}
